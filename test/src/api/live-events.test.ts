import type { Investigation, TimelineEvent } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertmanagerPayload } from '../support/alertmanager-payload.ts';
import { openSse } from '../support/sse-client.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const pod = (suffix: string) => ({
  labels: {
    alertname: 'KubePodCrashLooping',
    severity: 'warning',
    namespace: 'shop',
    pod: `checkout-7d9f8b6c5d-${suffix}`,
  },
});

describe('GET /api/investigations/{id}/events (server-sent events)', () => {
  let server: TestServer;
  let investigation: Investigation;
  beforeAll(async () => {
    server = await startTestServer();
    await server.webhook('alertmanager', alertmanagerPayload([pod('aaaaa'), pod('bbbbb')]));
    await server.pipeline.idle();
    [investigation] = ((await (await server.api('/api/investigations')).json()) as { items: Investigation[] })
      .items as [Investigation];
  });
  afterAll(() => server.stop());

  const auth = () => ({ authorization: `Bearer ${server.apiToken}` });
  const stream = (id = investigation.id) => `${server.url}/api/investigations/${id}/events`;

  it('sends the stored timeline first, then new steps as they happen', async () => {
    const sse = await openSse(stream(), auth());
    expect(sse.contentType).toContain('text/event-stream');
    const backlog = await sse.take(2);
    expect(backlog.map((m) => [m.id, m.event])).toEqual([
      ['1', 'timeline'],
      ['2', 'timeline'],
    ]);
    await server.webhook('alertmanager', alertmanagerPayload([pod('ccccc')]));
    const [, , live] = await sse.take(3);
    const event = JSON.parse(live!.data) as TimelineEvent;
    expect(event).toMatchObject({ seq: 3, type: 'alert_attached', investigationId: investigation.id });
    sse.close();
  });

  it('resumes after Last-Event-ID without gaps or duplicates', async () => {
    const resumed = await openSse(stream(), { ...auth(), 'last-event-id': '1' });
    const messages = await resumed.take(2);
    expect(messages.map((m) => m.id)).toEqual(['2', '3']);
    resumed.close();
  });

  it('answers 404 for an investigation of another organization or none', async () => {
    const response = await server.api('/api/investigations/inv_unknown/events');
    expect(response.status).toBe(404);
  });
});

describe('GET /api/events', () => {
  it('streams what changes in the organization: new investigations appear without a reload', async () => {
    const server = await startTestServer();
    try {
      const sse = await openSse(`${server.url}/api/events`, { authorization: `Bearer ${server.apiToken}` });
      await server.webhook('alertmanager', alertmanagerPayload([pod('ddddd')]));
      const messages = await sse.take(3);
      expect(messages.map((m) => m.event).sort()).toEqual(['alert', 'investigation', 'timeline']);
      sse.close();
    } finally {
      await server.stop();
    }
  });
});

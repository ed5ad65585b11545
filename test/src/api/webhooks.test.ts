import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertmanagerPayload } from '../support/alertmanager-payload.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const crashLoop = alertmanagerPayload([
  {
    labels: {
      alertname: 'KubePodCrashLooping',
      severity: 'warning',
      namespace: 'shop',
      pod: 'checkout-7d9f8b6c5d-x2x9k',
      container: 'app',
    },
  },
]);

describe('POST /webhooks/{source}', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  async function post(path: string, body: string, headers: Record<string, string>) {
    const response = await fetch(`${server.url}${path}`, { method: 'POST', body, headers });
    return {
      status: response.status,
      body: (await response.json()) as { error?: { code: string; message: string; field?: string } },
    };
  }

  it('answers 202 with a receipt and the number of alerts accepted', async () => {
    const response = await server.webhook('alertmanager', crashLoop);
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ accepted: 1, receipt: expect.any(Number) });
  });

  it('takes the token as the last path segment for senders that cannot set headers', async () => {
    const { status } = await post(
      `/webhooks/alertmanager/${server.webhookToken}`,
      JSON.stringify(crashLoop),
      { 'content-type': 'application/json' },
    );
    expect(status).toBe(202);
  });

  it.each([
    ['no token', {}, 'unauthorized'],
    ['a wrong token', { authorization: 'Bearer owh_wrong-token-000000000000' }, 'unauthorized'],
    [
      'the API token instead of the webhook token',
      { authorization: 'Bearer owa_test-api-token-0123456789abcd' },
      'unauthorized',
    ],
  ])('refuses %s with 401', async (_, headers, code) => {
    const { status, body } = await post('/webhooks/alertmanager', JSON.stringify(crashLoop), {
      'content-type': 'application/json',
      ...headers,
    });
    expect(status).toBe(401);
    expect(body.error?.code).toBe(code);
  });

  it.each([
    [
      'an unknown source',
      '/webhooks/pagerduty',
      JSON.stringify(crashLoop),
      'application/json',
      404,
      'unknown_source',
    ],
    ['malformed JSON', '/webhooks/alertmanager', '{"alerts": [', 'application/json', 400, 'invalid_json'],
    ['an empty body', '/webhooks/alertmanager', '', 'application/json', 400, 'invalid_json'],
    [
      'a form body',
      '/webhooks/alertmanager',
      'a=1',
      'application/x-www-form-urlencoded',
      415,
      'unsupported_media_type',
    ],
    [
      'a body over 1 MiB',
      '/webhooks/generic',
      JSON.stringify({ title: 'x'.repeat(1024 * 1024 + 10) }),
      'application/json',
      413,
      'payload_too_large',
    ],
  ])('answers %s with a clear %i', async (_, path, body, contentType, status, code) => {
    const response = await post(path, body, {
      'content-type': contentType,
      authorization: `Bearer ${server.webhookToken}`,
    });
    expect(response.status).toBe(status);
    expect(response.body.error).toMatchObject({ code, message: expect.any(String) });
  });

  it('names the field when a payload does not match the source schema, and stores nothing', async () => {
    // Earlier tests' deliveries first, so that only this one could change what is stored.
    await server.pipeline.idle();
    const before = await (await server.api('/api/alerts?limit=500')).json();
    const broken = { ...crashLoop, alerts: [{ ...(crashLoop.alerts as object[])[0], labels: 'not-a-map' }] };
    const { status, body } = await post('/webhooks/alertmanager', JSON.stringify(broken), {
      'content-type': 'application/json',
      authorization: `Bearer ${server.webhookToken}`,
    });
    expect(status).toBe(400);
    expect(body.error?.field).toBe('alerts.0.labels');
    await server.pipeline.idle();
    expect(await (await server.api('/api/alerts?limit=500')).json()).toEqual(before);
  });

  it('accepts JSON sent as text/plain, as SNS does', async () => {
    const { status } = await post(
      '/webhooks/generic',
      JSON.stringify({ title: 'Disk almost full', severity: 'warning' }),
      {
        'content-type': 'text/plain; charset=UTF-8',
        authorization: `Bearer ${server.webhookToken}`,
      },
    );
    expect(status).toBe(202);
  });

  it('archives a body as received: with a byte-order mark dropped and line breaks as spaces, it reads back', async () => {
    const pretty = JSON.stringify({ title: 'Disk “almost” full', severity: 'warning' }, null, 2);
    const response = await fetch(`${server.url}/webhooks/generic`, {
      method: 'POST',
      body: `\uFEFF${pretty.replaceAll('\n', '\r\n')}`,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.webhookToken}` },
    });
    expect(response.status).toBe(202);
    const { receipt } = (await response.json()) as { receipt: number };
    await server.pipeline.idle();

    const archive = join(server.dataDir, 'blobs', 'default', 'payloads');
    const file = readdirSync(archive).find((name) => {
      const [first, last] = name.replace('.jsonl', '').split('-').map(Number);
      return first! <= receipt && receipt <= last!;
    });
    const lines = readFileSync(join(archive, file!), 'utf8').trimEnd().split('\n');
    const line = lines
      .map((text) => JSON.parse(text) as { seq: number; raw: unknown })
      .find((l) => l.seq === receipt);
    expect(line?.raw).toEqual(JSON.parse(pretty));
    // The body's own bytes, multi-byte characters included, each line break now a space.
    expect(lines.find((text) => text.startsWith(`{"seq":${receipt},`))).toContain(
      `"raw":${pretty.replaceAll('\n', '  ')}}`,
    );
  });
});

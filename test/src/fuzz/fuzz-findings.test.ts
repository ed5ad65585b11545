import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { alertmanagerPayload } from '../support/alertmanager-payload.ts';
import { listAlerts } from '../support/opsworker-api.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

/** Requests the webhook fuzzer found mishandled, kept as fixed cases so they never come back. */
describe('webhook edge cases found by fuzzing', () => {
  describe('when a webhook path holds a malformed percent-encoding', () => {
    let server: ServerProcess | undefined;
    let dataDir: string | undefined;
    afterEach(async () => {
      await server?.kill9();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    // Regression: decodeURIComponent threw inside the request listener and the process died.
    it.each([
      { what: 'as the source', path: '/webhooks/%E0%A4%A' },
      { what: 'as the path token', path: '/webhooks/generic/%zz' },
    ])('answers 4xx to one $what and keeps serving', async ({ path }) => {
      dataDir = mkdtempSync(join(tmpdir(), 'opsworker-finding-'));
      server = await startServerProcess(dataDir);

      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Disk almost full' }),
        signal: AbortSignal.timeout(5_000),
      }).catch((error: unknown) => {
        throw new Error(`the server gave no answer (${String(error)}); its output:\n${server?.output()}`);
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(await response.json()).toMatchObject({ error: { code: expect.any(String) } });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    });
  });

  describe('when an SNS SubscriptionConfirmation names a SubscribeURL that is not Amazon SNS', () => {
    let server: TestServer | undefined;
    afterEach(async () => {
      await server?.stop();
    });

    // Regression: the refusal of a forged URL surfaced as a 5xx (502, then 500): it is the
    // sender's error, and a 5xx makes SNS retry it forever.
    it('refuses it with a 4xx and never calls the URL', async () => {
      const called: string[] = [];
      server = await startTestServer({
        env: { OPSWORKER_SNS_VERIFY: 'false' },
        overrides: {
          fetch: async (url) => {
            called.push(String(url));
            return new Response('', { status: 200 });
          },
        },
      });
      const response = await server.webhook('cloudwatch', {
        Type: 'SubscriptionConfirmation',
        MessageId: '165545c9-2a5c-472c-8df2-7ff2be2b3b1b',
        Token:
          '2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a747ba6f3beb71854e285d6ad02428b09ceece29417f1f02d609c582afbacc99c583a916b9981dd2728f4ae6fdb82efd087cc3b7849e05798d2d2785c03b0879594eeac82c01f235d0e717736',
        TopicArn: 'arn:aws:sns:us-west-2:123456789012:MyTopic',
        Message: 'You have chosen to subscribe to the topic arn:aws:sns:us-west-2:123456789012:MyTopic.',
        SubscribeURL: 'https://attacker.example/?Action=ConfirmSubscription&TopicArn=x&Token=y',
        Timestamp: '2012-04-26T20:45:04.751Z',
        SignatureVersion: '1',
        Signature:
          'EXAMPLEpH+DcEwjAPg8O9mY8dReBSwksfg2S7WKQcikcNKWLQjwu6A4VbeS0QHVCkhRS7fUQvi2egU3N858fiTDN6bkkOxYDVrY0Ad8L10Hs3zH81mtnPk5uvvolIC1CXGu43obcgFxeL3khZl8IKvO61GWB6jI9b5+gLPoBc1Q=',
        SigningCertURL:
          'https://sns.us-west-2.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem',
      });

      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(await response.json()).toMatchObject({
        error: { code: expect.any(String), message: expect.any(String) },
      });
      expect(called).toEqual([]);
    });
  });

  describe('when an alert starts after the year 9999', () => {
    let server: TestServer | undefined;
    afterEach(async () => {
      await server?.stop();
    });

    // Regression: `+275760-09-13T00:00:00.000Z` (a valid JavaScript date) was accepted and stored
    // as is, and from then on every page of GET /api/alerts broke the Alert contract.
    it('refuses the delivery with a 400 naming the field', async () => {
      server = await startTestServer();
      const labels = {
        alertname: 'KubePodCrashLooping',
        namespace: 'shop',
        pod: 'api-0-x',
        severity: 'warning',
      };
      const response = await server.webhook(
        'alertmanager',
        alertmanagerPayload([{ labels, startsAt: '+275760-09-13T00:00:00.000Z' }]),
      );

      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { field: 'alerts.0.startsAt' } });
      await server.pipeline.idle();
      expect(await listAlerts(server)).toEqual([]);
    });
  });
});

import { readFixture } from '@opsworker/cloud/normalize/fixtures/read-fixture.ts';
import {
  createSnsSigningKey,
  type SnsSigningKey,
  signSnsMessage,
} from '@opsworker/cloud/normalize/fixtures/sns-signer.ts';
import type { Alert } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const CERT_URL = 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-test.pem';

describe('CloudWatch alarms through an SNS HTTPS subscription', () => {
  let server: TestServer;
  let key: SnsSigningKey;
  const fetched: string[] = [];

  beforeAll(async () => {
    key = await createSnsSigningKey();
    server = await startTestServer({
      overrides: {
        // The edges to AWS: the signing certificate and the subscription confirmation.
        fetchCertificate: async (url) => {
          fetched.push(url);
          return key.certificatePem;
        },
        fetch: (async (url: string | URL) => {
          fetched.push(String(url));
          return new Response('<ConfirmSubscriptionResponse/>', { status: 200 });
        }) as typeof fetch,
      },
    });
  });
  afterAll(() => server.stop());

  // SNS sends JSON with Content-Type text/plain and cannot set headers: the token is in the URL.
  const post = (body: unknown) =>
    fetch(`${server.url}/webhooks/cloudwatch/${server.webhookToken}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=UTF-8', 'x-amz-sns-message-type': 'Notification' },
      body: JSON.stringify(body),
    });

  it('confirms the subscription by visiting the SubscribeURL', async () => {
    const subscribeUrl =
      'https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:eu-west-1:123456789012:alarms&Token=abc';
    const message = signSnsMessage(
      {
        Type: 'SubscriptionConfirmation',
        MessageId: '165545c9-2a5c-472c-8df2-7ff2be2b3b1b',
        Token: 'abc',
        TopicArn: 'arn:aws:sns:eu-west-1:123456789012:alarms',
        Message: 'You have chosen to subscribe to the topic.',
        SubscribeURL: subscribeUrl,
        Timestamp: new Date().toISOString(),
        SigningCertURL: CERT_URL,
      },
      key,
      '1',
    );
    const response = await post(message);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ subscription: 'confirmed' });
    expect(fetched).toContain(subscribeUrl);
  });

  it('stores a signed alarm with its Container Insights scope', async () => {
    const envelope = readFixture('cloudwatch/container-insights-pod-cpu.alarm.json') as Record<
      string,
      unknown
    >;
    const response = await post(signSnsMessage({ ...envelope, SigningCertURL: CERT_URL }, key, '2'));
    expect(response.status).toBe(202);
    await server.pipeline.idle();
    const { items } = (await (await server.api('/api/alerts?source=cloudwatch')).json()) as {
      items: Alert[];
    };
    expect(items[0]).toMatchObject({ status: 'firing', scope: { cluster: 'prod-eu-1', namespace: 'shop' } });
  });

  it('refuses a tampered alarm with 401 and stores nothing', async () => {
    const envelope = readFixture('cloudwatch/container-insights-pod-cpu.alarm.json') as Record<
      string,
      unknown
    >;
    const signed: Record<string, unknown> = signSnsMessage(
      { ...envelope, MessageId: 'tampered-1', SigningCertURL: CERT_URL },
      key,
      '1',
    );
    const response = await post({
      ...signed,
      Message: String(signed.Message).replace('prod-eu-1', 'prod-us-1'),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_signature');
    await server.pipeline.idle();
    const { items } = (await (await server.api('/api/alerts?source=cloudwatch')).json()) as {
      items: Alert[];
    };
    expect(items.map((a) => a.scope.cluster)).not.toContain('prod-us-1');
  });
});

import { ConfigError, ValidationError } from '@opsworker/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeCloudWatch } from './cloudwatch.ts';
import { expectOneAlert } from './fixtures/expect-alerts.ts';
import {
  CORPUS_AVAILABLE,
  corpusTitle,
  readCorpusHttp,
  readCorpusJson,
  readFixture,
} from './fixtures/read-fixture.ts';
import { createSnsSigningKey, type SnsSigningKey, signSnsMessage } from './fixtures/sns-signer.ts';
import { SnsSignatureError } from './sns/errors.ts';

const receivedAt = new Date('2026-03-03T10:30:00Z');
const unverified = { receivedAt, sns: { verify: false, fetchCertificate: async () => 'never fetched' } };

type Envelope = Record<string, unknown> & { Message: string };
const alarmFixture = () => readFixture('cloudwatch/container-insights-pod-cpu.alarm.json') as Envelope;
const okFixture = () => readFixture('cloudwatch/container-insights-pod-cpu.ok.json') as Envelope;

/** The fixture envelope with its alarm JSON changed by `change`. */
function withAlarm(envelope: Envelope, change: (alarm: Record<string, unknown>) => void): Envelope {
  const alarm = JSON.parse(envelope.Message) as Record<string, unknown>;
  change(alarm);
  return { ...envelope, Message: JSON.stringify(alarm) };
}

describe('normalizeCloudWatch', () => {
  describe.skipIf(!CORPUS_AVAILABLE)(corpusTitle('when given the corpus payloads'), () => {
    it.each([
      [
        'lambda_sns_cloudwatch_alarm_single_metric.json',
        'firing',
        'EXAMPLE',
        { InstanceId: 'TestInstance', metric_name: 'NetworkOut' },
      ],
      [
        'lambda_sns_cloudwatch_alarm_multiple_metrics.json',
        'firing',
        'EXAMPLE',
        { InstanceId: 'TestInstance', metric_name: 'NetworkOut' },
      ],
      [
        'lambda_sns_cloudwatch_alarm_ok_transition.json',
        'resolved',
        'DBMigrationRequired',
        { metric_name: 'DBMigrationRequired', aws_region: 'us-east-1' },
      ],
      [
        'derived/http_sns_cloudwatch_alarm_single_metric.derived.json',
        'firing',
        'EXAMPLE',
        { InstanceId: 'TestInstance' },
      ],
    ])('reads %s', async (file, status, title, labels) => {
      const alert = expectOneAlert(
        await normalizeCloudWatch(readCorpusJson(`cloudwatch_sns/${file}`), unverified),
      );
      expect(alert).toMatchObject({
        source: 'cloudwatch',
        status,
        title,
        severity: 'error',
        labels,
        scope: {},
      });
    });

    it('fingerprints by the alarm ARN, or by account, region and name when the alarm has none', async () => {
      const single = expectOneAlert(
        await normalizeCloudWatch(
          readCorpusJson('cloudwatch_sns/lambda_sns_cloudwatch_alarm_single_metric.json'),
          unverified,
        ),
      );
      const ok = expectOneAlert(
        await normalizeCloudWatch(
          readCorpusJson('cloudwatch_sns/lambda_sns_cloudwatch_alarm_ok_transition.json'),
          unverified,
        ),
      );
      expect(single.fingerprint).toBe('cloudwatch:arn:aws:cloudwatch:REGION:ACCOUNT_NUMBER:alarm:EXAMPLE');
      expect(ok.fingerprint).toMatch(/^cloudwatch:[0-9a-f]{32}$/);
    });

    it('ignores an SNS notification that is not an alarm', async () => {
      const request = readCorpusHttp('cloudwatch_sns/sns_http_notification.http');
      expect(request.headers['content-type']).toMatch(/^text\/plain/);
      const result = await normalizeCloudWatch(JSON.parse(request.body), unverified);
      expect(result).toEqual({ kind: 'ignored', reason: 'the SNS notification is not a CloudWatch alarm' });
    });

    it('hands back a subscription confirmation for the route to confirm', async () => {
      const request = readCorpusHttp('cloudwatch_sns/sns_http_subscription_confirmation.http');
      const result = await normalizeCloudWatch(JSON.parse(request.body), unverified);
      expect(result).toEqual({
        kind: 'sns_subscription',
        type: request.headers['x-amz-sns-message-type'],
        topicArn: 'arn:aws:sns:us-west-2:123456789012:MyTopic',
        subscribeUrl:
          'https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-west-2:123456789012:MyTopic&Token=2336412f37...',
      });
    });
  });

  describe('when a Container Insights alarm fires and recovers', () => {
    it('reads the cluster, namespace and workload, with the severity from the alarm name', async () => {
      const alert = expectOneAlert(await normalizeCloudWatch(alarmFixture(), unverified));
      expect(alert).toMatchObject({
        status: 'firing',
        severity: 'critical',
        title: 'shop-api-pod-cpu-critical',
        startsAt: '2026-03-03T09:56:12.402Z',
        labels: { ClusterName: 'prod-eu-1', Namespace: 'shop', PodName: 'api', aws_region: 'eu-west-1' },
        // PodName is the workload's name, of a kind CloudWatch does not say.
        scope: { cluster: 'prod-eu-1', namespace: 'shop', name: 'api' },
        links: [
          {
            title: 'CloudWatch alarm',
            url: 'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/shop-api-pod-cpu-critical',
          },
        ],
      });
      expect(alert.description).toMatch(
        /^CPU of the api pods in shop above 90% of their limit\.\n\nThreshold Crossed/,
      );
    });

    it('resolves with the same fingerprint', async () => {
      const firing = expectOneAlert(await normalizeCloudWatch(alarmFixture(), unverified));
      const ok = expectOneAlert(await normalizeCloudWatch(okFixture(), unverified));
      expect(ok).toMatchObject({
        status: 'resolved',
        severity: 'critical',
        endsAt: '2026-03-03T10:22:12.402Z',
      });
      expect(ok.fingerprint).toBe(firing.fingerprint);
      expect(firing.fingerprint).toBe(
        'cloudwatch:arn:aws:cloudwatch:eu-west-1:123456789012:alarm:shop-api-pod-cpu-critical',
      );
    });

    it('names the pod when enhanced observability adds FullPodName', async () => {
      const body = withAlarm(alarmFixture(), (alarm) => {
        const trigger = alarm.Trigger as { Dimensions: Array<{ name: string; value: string }> };
        trigger.Dimensions.push({ name: 'FullPodName', value: 'api-7c9d8b6f5-x2x9p' });
      });
      const alert = expectOneAlert(await normalizeCloudWatch(body, unverified));
      expect(alert.scope).toEqual({
        cluster: 'prod-eu-1',
        namespace: 'shop',
        kind: 'pods',
        name: 'api-7c9d8b6f5-x2x9p',
      });
    });

    it('fires at warning on INSUFFICIENT_DATA', async () => {
      const body = withAlarm(alarmFixture(), (alarm) => {
        alarm.NewStateValue = 'INSUFFICIENT_DATA';
      });
      expect(expectOneAlert(await normalizeCloudWatch(body, unverified))).toMatchObject({
        status: 'firing',
        severity: 'warning',
      });
    });

    it('reads no Kubernetes scope from an ECS alarm that also has ClusterName', async () => {
      const body = withAlarm(alarmFixture(), (alarm) => {
        alarm.Trigger = {
          MetricName: 'CPUUtilization',
          Namespace: 'AWS/ECS',
          Dimensions: [{ name: 'ClusterName', value: 'web' }],
        };
      });
      expect(expectOneAlert(await normalizeCloudWatch(body, unverified)).scope).toEqual({});
    });
  });

  describe('when verification is on', () => {
    let key: SnsSigningKey;
    const verified = () => ({
      receivedAt: new Date(),
      sns: { verify: true, fetchCertificate: async () => key.certificatePem },
    });
    beforeAll(async () => {
      key = await createSnsSigningKey();
    });

    it('accepts an alarm SNS signed', async () => {
      const signed = signSnsMessage(alarmFixture(), key, '1');
      expect(expectOneAlert(await normalizeCloudWatch(signed, verified())).title).toBe(
        'shop-api-pod-cpu-critical',
      );
    });

    it('refuses an alarm whose Message was changed after signing', async () => {
      const signed = signSnsMessage(alarmFixture(), key, '2');
      const tampered = withAlarm(signed, (alarm) => {
        alarm.NewStateValue = 'OK';
      });
      await expect(normalizeCloudWatch(tampered, verified())).rejects.toBeInstanceOf(SnsSignatureError);
    });

    it.skipIf(!CORPUS_AVAILABLE)(
      corpusTitle('refuses the documentation’s example, whose signature is a placeholder'),
      async () => {
        const request = readCorpusHttp('cloudwatch_sns/sns_http_notification.http');
        await expect(normalizeCloudWatch(JSON.parse(request.body), verified())).rejects.toBeInstanceOf(
          SnsSignatureError,
        );
      },
    );

    it('verifies the subscription confirmation before handing it back', async () => {
      const confirmation = {
        Type: 'SubscriptionConfirmation',
        MessageId: '165545c9-2a5c-472c-8df2-7ff2be2b3b1b',
        Token: '2336412f37',
        TopicArn: 'arn:aws:sns:eu-west-1:123456789012:opsworker-alerts',
        Message: 'You have chosen to subscribe.',
        SubscribeURL: 'https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=2336412f37',
        Timestamp: '2026-03-03T09:50:00.000Z',
        SigningCertURL: 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-1.pem',
      };
      const signed = signSnsMessage(confirmation, key, '1');
      await expect(normalizeCloudWatch(signed, verified())).resolves.toMatchObject({
        kind: 'sns_subscription',
      });
      const forged = {
        ...signed,
        SubscribeURL: 'https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=other',
      };
      await expect(normalizeCloudWatch(forged, verified())).rejects.toBeInstanceOf(SnsSignatureError);
    });
  });

  describe('when SNS is not configured', () => {
    it('refuses rather than accept unverifiable alarms', async () => {
      await expect(normalizeCloudWatch(alarmFixture(), { receivedAt })).rejects.toBeInstanceOf(ConfigError);
    });
  });

  describe('when the payload is not an SNS message carrying an alarm', () => {
    it.each([
      ['an envelope without TopicArn', { ...alarmFixture(), TopicArn: undefined }, 'TopicArn'],
      ['an unknown message type', { ...alarmFixture(), Type: 'Alarm' }, 'Type'],
      [
        'a Lambda record without MessageId',
        { Records: [{ Sns: { ...alarmFixture(), MessageId: undefined } }] },
        'Records.0.Sns.MessageId',
      ],
      [
        'an alarm without its new state',
        withAlarm(alarmFixture(), (alarm) => {
          delete alarm.NewStateValue;
        }),
        'NewStateValue',
      ],
      [
        'an alarm in an unknown state',
        withAlarm(alarmFixture(), (alarm) => {
          alarm.NewStateValue = 'BROKEN';
        }),
        'NewStateValue',
      ],
    ])('refuses %s, naming the field', async (_case, body, field) => {
      const call = normalizeCloudWatch(body, unverified);
      await expect(call).rejects.toBeInstanceOf(ValidationError);
      await expect(call).rejects.toMatchObject({ field });
    });
  });
});

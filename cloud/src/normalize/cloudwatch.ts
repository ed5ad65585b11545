import { ConfigError, type NormalizedAlert } from '@opsworker/shared';
import { fromCloudWatchAlarm, looksLikeAlarm } from './cloudwatch-alarm.ts';
import { parseSnsMessages } from './sns/envelope.ts';
import { verifySnsSignature } from './sns/verify-signature.ts';
import type { NormalizationResult, NormalizeOptions } from './types.ts';

/**
 * Normalizes CloudWatch alarms delivered by Amazon SNS. Every message is verified first
 * (unless verification is switched off); a subscription handshake is handed back for the
 * route to confirm; notifications that are not alarm state changes are ignored.
 */
export async function normalizeCloudWatch(
  body: unknown,
  options: NormalizeOptions,
): Promise<NormalizationResult> {
  const sns = options.sns;
  // Failing closed: accepting SNS without a way to verify it would accept anyone's alarms.
  if (!sns)
    throw new ConfigError('CloudWatch alerts need SNS options (verification or an explicit verify: false)');
  const messages = parseSnsMessages(body);
  if (sns.verify) {
    await Promise.all(
      messages.map((message) => verifySnsSignature(message, sns.fetchCertificate, options.receivedAt)),
    );
  }
  const alerts: NormalizedAlert[] = [];
  for (const message of messages) {
    if (message.Type !== 'Notification') {
      return {
        kind: 'sns_subscription',
        type: message.Type,
        topicArn: message.TopicArn,
        subscribeUrl: message.SubscribeURL,
      };
    }
    const parsed = parseJson(message.Message);
    if (!looksLikeAlarm(parsed)) continue;
    alerts.push(
      fromCloudWatchAlarm(parsed, {
        topicArn: message.TopicArn,
        timestamp: message.Timestamp,
        receivedAt: options.receivedAt,
      }),
    );
  }
  if (alerts.length === 0)
    return { kind: 'ignored', reason: 'the SNS notification is not a CloudWatch alarm' };
  return { kind: 'alerts', alerts };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

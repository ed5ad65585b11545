import { readWith } from '@opsworker/shared';
import { z } from 'zod';

/** The fields every SNS message carries, all covered by its signature or naming how to check it. */
const signed = {
  MessageId: z.string().min(1),
  TopicArn: z.string().min(1),
  Message: z.string(),
  Timestamp: z.string().min(1),
  SignatureVersion: z.string(),
  Signature: z.string(),
  SigningCertURL: z.string(),
};

const SnsNotification = z.object({
  Type: z.literal('Notification'),
  ...signed,
  Subject: z.string().nullable().optional(),
  UnsubscribeURL: z.string().optional(),
});

const SnsSubscriptionMessage = z.object({
  Type: z.enum(['SubscriptionConfirmation', 'UnsubscribeConfirmation']),
  ...signed,
  SubscribeURL: z.string().min(1),
  Token: z.string().min(1),
});

/** A message Amazon SNS posts to an HTTP(S) subscriber. */
export const SnsMessage = z.discriminatedUnion('Type', [SnsNotification, SnsSubscriptionMessage]);
export type SnsMessage = z.infer<typeof SnsMessage>;
export type SnsNotification = z.infer<typeof SnsNotification>;

/** Lambda's SNS event spells two URL fields differently (`SigningCertUrl`); the values are the same. */
function fromLambdaSpelling(record: unknown): unknown {
  if (typeof record !== 'object' || record === null) return record;
  const { SigningCertUrl, UnsubscribeUrl, ...rest } = record as Record<string, unknown>;
  return {
    ...rest,
    ...(SigningCertUrl !== undefined && !('SigningCertURL' in rest)
      ? { SigningCertURL: SigningCertUrl }
      : {}),
    ...(UnsubscribeUrl !== undefined && !('UnsubscribeURL' in rest)
      ? { UnsubscribeURL: UnsubscribeUrl }
      : {}),
  };
}

const LambdaSnsEvent = z.object({
  Records: z.array(z.object({ Sns: z.preprocess(fromLambdaSpelling, SnsMessage) })).min(1),
});

/**
 * The SNS messages in a body: the one message an HTTP(S) subscription posts, or each record
 * of the event SNS hands a Lambda subscriber (`{ Records: [{ Sns: … }] }`).
 */
export function parseSnsMessages(body: unknown): SnsMessage[] {
  if (typeof body === 'object' && body !== null && 'Records' in body) {
    return readWith(LambdaSnsEvent, body, 'sns event').Records.map((record) => record.Sns);
  }
  return [readWith(SnsMessage, body, 'sns message')];
}

import type { SnsMessage } from './envelope.ts';

/**
 * The text SNS signs, as AWS documents it: selected fields in byte order of their names, each
 * as `Name\nValue\n`. Notifications sign Subject only when it is present; confirmations sign
 * SubscribeURL and Token instead.
 */
export function snsStringToSign(message: SnsMessage): string {
  const fields: Array<readonly [string, string]> =
    message.Type === 'Notification'
      ? [
          ['Message', message.Message],
          ['MessageId', message.MessageId],
          ...(message.Subject != null ? ([['Subject', message.Subject]] as const) : []),
          ['Timestamp', message.Timestamp],
          ['TopicArn', message.TopicArn],
          ['Type', message.Type],
        ]
      : [
          ['Message', message.Message],
          ['MessageId', message.MessageId],
          ['SubscribeURL', message.SubscribeURL],
          ['Timestamp', message.Timestamp],
          ['Token', message.Token],
          ['TopicArn', message.TopicArn],
          ['Type', message.Type],
        ];
  return fields.map(([name, value]) => `${name}\n${value}\n`).join('');
}

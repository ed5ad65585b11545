import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { OutboundMessage } from './message-codec.ts';

/**
 * Sends encoded messages one at a time. Parts of one answer are not batched: SQS caps a whole
 * batch at the size of a single message, and each part is already close to that size.
 */
export async function sendMessages(
  sqs: SQSClient,
  queueUrl: string,
  messages: readonly OutboundMessage[],
  signal?: AbortSignal,
): Promise<void> {
  for (const message of messages) {
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: message.body,
        MessageAttributes: message.attributes,
      }),
      signal ? { abortSignal: signal } : {},
    );
  }
}

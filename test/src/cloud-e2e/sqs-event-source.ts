import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';

/** What one poll did: how many records went to the handler and how many it reported failed. */
export interface PollResult {
  delivered: number;
  failed: number;
}

/**
 * Lambda's SQS event source mapping, one poll at a time: receives a batch, hands it to the
 * handler as an SQSEvent, deletes the records it did not report failed and makes the failed
 * ones visible again at once (on AWS they return after the visibility timeout).
 */
export function sqsEventSource(
  sqs: SQSClient,
  queueUrl: string,
  handler: (event: SQSEvent) => Promise<SQSBatchResponse | undefined>,
) {
  let arn: string | undefined;
  return async function poll(waitSeconds = 0): Promise<PollResult> {
    arn ??= (
      await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }))
    ).Attributes?.QueueArn;
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: waitSeconds,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
    );
    if (Messages.length === 0) return { delivered: 0, failed: 0 };
    const event: SQSEvent = {
      Records: Messages.map((message) => ({
        messageId: message.MessageId ?? '',
        receiptHandle: message.ReceiptHandle ?? '',
        body: message.Body ?? '',
        attributes: {
          ApproximateReceiveCount: message.Attributes?.ApproximateReceiveCount ?? '1',
          SentTimestamp: message.Attributes?.SentTimestamp ?? String(Date.now()),
          SenderId: 'local',
          ApproximateFirstReceiveTimestamp: String(Date.now()),
        },
        messageAttributes: {},
        md5OfBody: message.MD5OfBody ?? '',
        eventSource: 'aws:sqs',
        eventSourceARN: arn ?? '',
        awsRegion: 'us-east-1',
      })),
    };
    const result = await handler(event);
    const failed = new Set((result?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
    for (const message of Messages) {
      const target = { QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle };
      if (failed.has(message.MessageId ?? ''))
        await sqs.send(new ChangeMessageVisibilityCommand({ ...target, VisibilityTimeout: 0 }));
      else await sqs.send(new DeleteMessageCommand(target));
    }
    return { delivered: Messages.length, failed: failed.size };
  };
}

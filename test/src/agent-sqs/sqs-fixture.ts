import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { SQS_MAX_MESSAGE_BYTES } from '@opsworker/agent/transport/message-codec.ts';
import { buildApp } from 'fauxqs';

/** A private fauxqs on 127.0.0.1 and a real SQS client pointed at it. */
export interface SqsFixture {
  sqs: SQSClient;
  endpoint: string;
  /** A fresh standard queue that enforces the classic 256 KiB message limit. */
  createQueue(attributes?: Record<string, string>): Promise<string>;
  /** Visible plus in-flight messages: zero means nothing is left to be redelivered. */
  depth(queueUrl: string): Promise<{ visible: number; inFlight: number }>;
  /** One receive with all attributes, for inspecting what the code under test sent. */
  receive(
    queueUrl: string,
    options?: { waitSeconds?: number; visibilitySeconds?: number },
  ): Promise<Message[]>;
  close(): Promise<void>;
}

let queueCounter = 0;

export async function startSqsFixture(): Promise<SqsFixture> {
  const app = buildApp({ logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('fauxqs did not bind a TCP port');
  const endpoint = `http://127.0.0.1:${address.port}`;
  const sqs = new SQSClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    useQueueUrlAsEndpoint: false,
  });

  return {
    sqs,
    endpoint,
    async createQueue(attributes = {}) {
      queueCounter += 1;
      const created = await sqs.send(
        new CreateQueueCommand({
          QueueName: `q-${process.pid}-${queueCounter}`,
          Attributes: { MaximumMessageSize: String(SQS_MAX_MESSAGE_BYTES), ...attributes },
        }),
      );
      if (!created.QueueUrl) throw new Error('fauxqs returned no queue URL');
      return created.QueueUrl;
    },
    async depth(queueUrl) {
      const { Attributes = {} } = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: queueUrl,
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        }),
      );
      return {
        visible: Number(Attributes.ApproximateNumberOfMessages ?? 0),
        inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0),
      };
    },
    async receive(queueUrl, options = {}) {
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: options.waitSeconds ?? 0,
          ...(options.visibilitySeconds !== undefined
            ? { VisibilityTimeout: options.visibilitySeconds }
            : {}),
          MessageAttributeNames: ['All'],
        }),
      );
      return Messages;
    },
    async close() {
      sqs.destroy();
      await app.close();
    },
  };
}

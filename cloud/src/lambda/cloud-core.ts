import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SnsEventPublisher } from '../events/sns-event-publisher.ts';
import { createLogger, type Logger } from '../log/logger.ts';
import { SqsQueue } from '../queue/sqs-queue.ts';
import { DynamoStore } from '../store/aws/dynamo-store.ts';
import { S3BlobStore } from '../store/aws/s3-blob-store.ts';
import { DynamoClusterRegistry } from './agents/dynamo-cluster-registry.ts';
import type { CloudConfig } from './config.ts';
import { CounterTimelineSequencer } from './coordination/counter-timeline-sequencer.ts';
import { DynamoCounter } from './coordination/dynamo-counter.ts';
import { DynamoLease } from './coordination/dynamo-lease.ts';

/** The AWS SDK clients; by default from the Lambda environment (region, IAM role, `AWS_ENDPOINT_URL_*`). */
export interface CloudClients {
  dynamodb: DynamoDBClient;
  s3: S3Client;
  sqs: SQSClient;
  sns: SNSClient;
  /** Only functions with a secret to read create one (the SDK package is loaded on demand). */
  secrets?: SecretsManagerClient;
}

export function defaultClients(): Omit<CloudClients, 'secrets'> {
  return {
    dynamodb: new DynamoDBClient({}),
    s3: new S3Client({}),
    sqs: new SQSClient({}),
    sns: new SNSClient({}),
  };
}

export type CloudCore = ReturnType<typeof createCloudCore>;

/**
 * The adapters every cloud function shares: store, blobs, queue, events topic, counters, leases
 * and the cluster registry. The small functions (agent registration, digest) need nothing more,
 * so they never load the engine or the HTTP app: less to initialize on a cold start.
 */
export function createCloudCore(
  config: CloudConfig,
  overrides: { clients?: Partial<CloudClients>; log?: Logger } = {},
) {
  const clients = { ...defaultClients(), ...overrides.clients };
  const log = overrides.log ?? createLogger(config.logLevel);
  const logError = (message: string, error?: unknown) => log.error(message, error);
  const store = new DynamoStore({ client: clients.dynamodb, tableName: config.tableName });
  const counter = new DynamoCounter(clients.dynamodb, config.tableName);
  const bus = new SnsEventPublisher({ sns: clients.sns, topicArn: config.eventsTopicArn, log: logError });
  return {
    config,
    clients,
    log,
    logError,
    store,
    blobs: new S3BlobStore({ client: clients.s3, bucket: config.bucketName }),
    counter,
    lease: new DynamoLease(clients.dynamodb, config.tableName),
    sequencer: new CounterTimelineSequencer(store, counter),
    bus,
    queue: new SqsQueue({ sqs: clients.sqs, queueUrl: config.investigationQueueUrl, log: logError }),
    registry: new DynamoClusterRegistry(clients.dynamodb, config.tableName),
    /** Sends what the invocation published; every handler awaits it before answering. */
    flush: () => bus.flush(),
  };
}

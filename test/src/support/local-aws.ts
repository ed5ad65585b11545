import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { tableDefinition } from '@opsworker/cloud/store/aws/table-definition.ts';
import dynalite from 'dynalite';
import { buildApp } from 'fauxqs';

/** Dummy credentials and region: the local servers accept anything, the SDK insists on some. */
export const LOCAL_AWS_CLIENT_CONFIG = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
} as const;

/** dynalite (DynamoDB) and fauxqs (SQS, SNS, S3) on 127.0.0.1, with real SDK clients pointed at them. */
export interface LocalAws {
  /** `http://127.0.0.1:PORT` of each service, e.g. for `AWS_ENDPOINT_URL_DYNAMODB`. */
  endpoints: { dynamodb: string; sqs: string; sns: string; s3: string };
  /** Environment variables that point any SDK client in a child process at these servers. */
  env: Record<string, string>;
  dynamodb: DynamoDBClient;
  sqs: SQSClient;
  sns: SNSClient;
  s3: S3Client;
  /** Creates a table from the store's `tableDefinition()`; unique name when none is given. */
  createTable(name?: string): Promise<string>;
  /** Creates a bucket; unique name when none is given. */
  createBucket(name?: string): Promise<string>;
  close(): Promise<void>;
}

let counter = 0;
const uniqueName = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

/** Starts both servers on loopback ports the OS picks. Call `close()` in `afterAll`. */
export async function startLocalAws(options: { dynamoPath?: string } = {}): Promise<LocalAws> {
  const dynamoServer = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    path: options.dynamoPath,
  });
  await new Promise<void>((resolve, reject) => {
    dynamoServer.once('error', reject);
    dynamoServer.listen(0, '127.0.0.1', () => resolve());
  });
  const fauxqs = buildApp({ logger: false });
  await fauxqs.listen({ host: '127.0.0.1', port: 0 });

  const dynamoPort = (dynamoServer.address() as AddressInfo).port;
  const fauxqsPort = (fauxqs.server.address() as AddressInfo).port;
  const fauxqsUrl = `http://127.0.0.1:${fauxqsPort}`;
  const endpoints = {
    dynamodb: `http://127.0.0.1:${dynamoPort}`,
    sqs: fauxqsUrl,
    sns: fauxqsUrl,
    s3: fauxqsUrl,
  };

  const dynamodb = new DynamoDBClient({ ...LOCAL_AWS_CLIENT_CONFIG, endpoint: endpoints.dynamodb });
  // Without this the SQS client follows each queue URL's host instead of the endpoint.
  const sqs = new SQSClient({
    ...LOCAL_AWS_CLIENT_CONFIG,
    endpoint: endpoints.sqs,
    useQueueUrlAsEndpoint: false,
  });
  const sns = new SNSClient({ ...LOCAL_AWS_CLIENT_CONFIG, endpoint: endpoints.sns });
  const s3 = new S3Client({ ...LOCAL_AWS_CLIENT_CONFIG, endpoint: endpoints.s3, forcePathStyle: true });

  return {
    endpoints,
    env: {
      AWS_REGION: LOCAL_AWS_CLIENT_CONFIG.region,
      AWS_ACCESS_KEY_ID: LOCAL_AWS_CLIENT_CONFIG.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_AWS_CLIENT_CONFIG.credentials.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
      AWS_ENDPOINT_URL_SQS: endpoints.sqs,
      AWS_ENDPOINT_URL_SNS: endpoints.sns,
      AWS_ENDPOINT_URL_S3: endpoints.s3,
    },
    dynamodb,
    sqs,
    sns,
    s3,
    async createTable(name = uniqueName('opsworker')) {
      await dynamodb.send(new CreateTableCommand(tableDefinition(name)));
      return name;
    },
    async createBucket(name = uniqueName('opsworker')) {
      await s3.send(new CreateBucketCommand({ Bucket: name }));
      return name;
    },
    async close() {
      for (const client of [dynamodb, sqs, sns, s3]) client.destroy();
      await fauxqs.close();
      await new Promise<void>((resolve, reject) =>
        dynamoServer.close((error?: Error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

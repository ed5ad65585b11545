import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateTopicCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
} from '@aws-sdk/client-sqs';
import { createMemoryAuditSink } from '@opsworker/agent/audit/memory-audit-sink.ts';
import { createAgentExecutor } from '@opsworker/agent/executor/agent-executor.ts';
import { kubeClusterIdentity } from '@opsworker/agent/heartbeat-cluster-identity.ts';
import { createApiKubeReader } from '@opsworker/agent/kube/api-kube-reader.ts';
import type { KubeConnection } from '@opsworker/agent/kube/kube-connection.ts';
import { connectWithKubeConfig } from '@opsworker/agent/kube/kubeconfig-connection.ts';
import { runSqsAgent } from '@opsworker/agent/transport/sqs-agent-loop.ts';
import { silentLog } from '@opsworker/agent/transport/sqs-log.ts';
import { createNotifierHandler, type NotifierHandler } from '@opsworker/chatbot/lambda/notifier.ts';
import { createSlackLambdaParts, type SlackLambdaParts } from '@opsworker/chatbot/lambda/slack-container.ts';
import { createAgentRegistrationHandler } from '@opsworker/cloud/lambda/agent-registration.ts';
import { agentQueueName } from '@opsworker/cloud/lambda/agents/agent-queues.ts';
import { heartbeatQueueName } from '@opsworker/cloud/lambda/agents/heartbeat-source.ts';
import {
  type CloudComposition,
  type CloudOverrides,
  createCloudComposition,
} from '@opsworker/cloud/lambda/cloud-composition.ts';
import { loadCloudConfig } from '@opsworker/cloud/lambda/config.ts';
import { createDigestHandler } from '@opsworker/cloud/lambda/digest.ts';
import { createHttpHandler, type HttpHandler } from '@opsworker/cloud/lambda/http.ts';
import { createWorkerHandler } from '@opsworker/cloud/lambda/worker.ts';
import { createLogger } from '@opsworker/cloud/log/logger.ts';
import { RuleBook } from '@opsworker/cloud/org-rules/rule-book.ts';
import { type CreatedOrganization, createOrganization } from '@opsworker/cloud/orgs/organizations.ts';
import { ServiceEventMessage as ServiceEventSchema } from '@opsworker/shared';
import type { SNSEvent } from 'aws-lambda';
import { type FakeCluster, startFakeCluster } from '../kube/fake-cluster.ts';
import { FAKE_BOT_TOKEN, type FakeSlack, startFakeSlack } from '../slack/fake-slack-server.ts';
import { LOCAL_AWS_CLIENT_CONFIG, type LocalAws, startLocalAws } from '../support/local-aws.ts';
import { type OpsWorkerClient, opsWorkerClient } from '../support/opsworker-client.ts';
import { type ApiGatewayServer, startApiGateway } from './api-gateway-server.ts';
import { type LocalSecretsManager, startLocalSecretsManager } from './local-secrets-manager.ts';
import { sqsEventSource } from './sqs-event-source.ts';

export const PREFIX = 'opsworker-agent';
/** Where the Slack workspace (acme's) gets its investigation messages. */
export const SLACK_CHANNEL = '#incidents';
export const SLACK_SIGNING_SECRET = 'e2e-signing-secret-0123456789abcdef';

/** A message that reached the events topic: as published, and parsed. */
export interface TappedEvent {
  raw: string;
  message: ServiceEventSchema;
}
/** The cluster the scenarios' alerts name. */
export const CLUSTER = 'prod-eu-west-1';

/** The cloud deployment on loopback: every function's handler on fauxqs and dynalite, an agent on the simulated cluster. */
export interface CloudStack {
  aws: LocalAws;
  composition: CloudComposition;
  cluster: FakeCluster;
  gateway: ApiGatewayServer;
  http: HttpHandler;
  /** acme has a connected cluster; globex has none. */
  orgs: { acme: CreatedOrganization; globex: CreatedOrganization };
  client(org: CreatedOrganization): OpsWorkerClient;
  queues: {
    jobs: string;
    events: string;
    acmeHeartbeats: string;
    acmeRequests: string;
    acmeResponses: string;
  };
  /** One poll of the investigation queue through the worker handler (as the event source mapping does). */
  pollJobs(waitSeconds?: number): Promise<{ delivered: number; failed: number }>;
  /** Runs jobs until the investigation queue holds nothing, visible or in flight. */
  runJobs(): Promise<number>;
  /** One poll of acme's heartbeat queue through the registration handler. */
  pollHeartbeats(waitSeconds?: number): Promise<{ delivered: number; failed: number }>;
  digest: ReturnType<typeof createDigestHandler>;
  /** What reached the events topic so far (through its SQS subscription), removed from the queue. */
  takeEvents(): Promise<TappedEvent[]>;
  slack: FakeSlack;
  secrets: LocalSecretsManager;
  /** The Slack notifier function (acme's workspace), as SNS invokes it. */
  notifier: NotifierHandler;
  notifierParts: Promise<SlackLambdaParts>;
  /** Env of the Slack functions (resource names; credentials are in the Slack secret). */
  slackEnv: Record<string, string>;
  /** Hands tapped events to the notifier function in one SNS invocation. */
  notify(events: TappedEvent[]): Promise<{ applied: number; ignored: number }>;
  close(): Promise<void>;
}

export async function startCloudStack(options: {
  scenarios: string[];
  overrides?: Pick<CloudOverrides, 'ingestRequeueAfterMs'>;
}): Promise<CloudStack> {
  const aws = await startLocalAws();
  const cluster = await startFakeCluster({ scenarios: options.scenarios });
  const { sqs, sns } = aws;
  const queue = async (name: string) =>
    (await sqs.send(new CreateQueueCommand({ QueueName: name }))).QueueUrl ?? '';
  const [table, bucket, jobs, events, acmeHeartbeats, acmeRequests, acmeResponses] = await Promise.all([
    aws.createTable(),
    aws.createBucket(),
    queue('opsworker-investigations'),
    queue('opsworker-events-tap'),
    queue(heartbeatQueueName(PREFIX, 'acme')),
    queue(agentQueueName(PREFIX, 'acme', CLUSTER, 'requests')),
    queue(agentQueueName(PREFIX, 'acme', CLUSTER, 'responses')),
  ]);
  const topicArn = (await sns.send(new CreateTopicCommand({ Name: 'opsworker-events' }))).TopicArn ?? '';
  const eventsArn = (
    await sqs.send(new GetQueueAttributesCommand({ QueueUrl: events, AttributeNames: ['QueueArn'] }))
  ).Attributes?.QueueArn;
  await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: eventsArn }));

  const config = loadCloudConfig({
    OPSWORKER_TABLE_NAME: table,
    OPSWORKER_BUCKET_NAME: bucket,
    OPSWORKER_INVESTIGATION_QUEUE_URL: jobs,
    OPSWORKER_EVENTS_TOPIC_ARN: topicArn,
    OPSWORKER_AGENT_QUEUE_PREFIX: PREFIX,
  });
  const composition = await createCloudComposition(config, {
    clients: { dynamodb: aws.dynamodb, s3: aws.s3, sqs, sns },
    log: createLogger('error', () => {}),
    agentTimeoutMs: 15_000,
    ...options.overrides,
  });
  const rules = new RuleBook(composition.store);
  const acme = await createOrganization({ store: composition.store, rules }, { id: 'acme' });
  const globex = await createOrganization({ store: composition.store, rules }, { id: 'globex' });

  const connection: KubeConnection = await connectWithKubeConfig({ kubeconfigPath: cluster.kubeconfigPath });
  const reader = createApiKubeReader(connection);
  const stopAgent = new AbortController();
  const agentDone = runSqsAgent({
    sqs,
    requestQueueUrl: acmeRequests,
    responseQueueUrl: acmeResponses,
    heartbeatQueueUrl: acmeHeartbeats,
    executor: createAgentExecutor({ reader, audit: createMemoryAuditSink() }),
    cluster: kubeClusterIdentity(reader, CLUSTER),
    agentVersion: '0.1.0-e2e',
    signal: stopAgent.signal,
    heartbeatIntervalMs: 3_600_000,
    waitTimeSeconds: 1,
    log: silentLog,
  });

  const [slack, secrets] = await Promise.all([startFakeSlack(), startLocalSecretsManager()]);
  const slackSecretArn = secrets.put('opsworker-slack', {
    SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
    SLACK_SIGNING_SECRET,
    OPSWORKER_API_TOKEN: acme.apiToken,
    OPSWORKER_ORG_ID: 'acme',
  });

  const parts = () => Promise.resolve(composition);
  const http = createHttpHandler(parts);
  const gateway = await startApiGateway(http);
  const slackEnv = {
    OPSWORKER_SLACK_SECRET_ARN: slackSecretArn,
    OPSWORKER_API_URL: gateway.url,
    OPSWORKER_TABLE_NAME: table,
    OPSWORKER_SLACK_CHANNEL: SLACK_CHANNEL,
    OPSWORKER_SLACK_ASYNC_FUNCTION: 'opsworker-slack-async',
    SLACK_API_URL: slack.apiUrl,
  };
  const secretsClient = new SecretsManagerClient({ ...LOCAL_AWS_CLIENT_CONFIG, endpoint: secrets.endpoint });
  const notifierParts = createSlackLambdaParts({ dynamodb: aws.dynamodb, secrets: secretsClient }, slackEnv);
  const notifier = createNotifierHandler(() => notifierParts);
  const pollJobs = sqsEventSource(sqs, jobs, createWorkerHandler(parts));
  const pollHeartbeats = sqsEventSource(sqs, acmeHeartbeats, createAgentRegistrationHandler(parts));

  const depth = async (url: string) => {
    const { Attributes = {} } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: url,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return (
      Number(Attributes.ApproximateNumberOfMessages ?? 0) +
      Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0)
    );
  };

  return {
    aws,
    composition,
    cluster,
    gateway,
    http,
    orgs: { acme, globex },
    client: (org) =>
      opsWorkerClient({ url: gateway.url, apiToken: org.apiToken, webhookToken: org.webhookToken }),
    queues: { jobs, events, acmeHeartbeats, acmeRequests, acmeResponses },
    pollJobs,
    async runJobs() {
      let delivered = 0;
      while ((await depth(jobs)) > 0) delivered += (await pollJobs(1)).delivered;
      return delivered;
    },
    pollHeartbeats,
    digest: createDigestHandler(parts),
    slack,
    secrets,
    notifier,
    notifierParts,
    slackEnv,
    notify(events) {
      const event = {
        Records: events.map((tapped, index) => ({
          EventSource: 'aws:sns',
          EventVersion: '1.0',
          EventSubscriptionArn: `${topicArn}:sub`,
          Sns: {
            Type: 'Notification',
            MessageId: `m-${index}`,
            TopicArn: topicArn,
            Subject: '',
            Message: tapped.raw,
            Timestamp: new Date().toISOString(),
            SignatureVersion: '1',
            Signature: '',
            SigningCertUrl: '',
            UnsubscribeUrl: '',
            MessageAttributes: {},
          },
        })),
      } as SNSEvent;
      return notifier(event);
    },
    async takeEvents() {
      const taken: TappedEvent[] = [];
      for (;;) {
        const { Messages = [] } = await sqs.send(
          new ReceiveMessageCommand({ QueueUrl: events, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
        );
        if (Messages.length === 0) return taken;
        for (const message of Messages) {
          // SNS → SQS wraps the message in its notification envelope.
          const envelope = JSON.parse(message.Body ?? '{}') as { Message?: string };
          const raw = envelope.Message ?? message.Body ?? '';
          taken.push({ raw, message: ServiceEventSchema.parse(JSON.parse(raw)) });
          await sqs.send(
            new DeleteMessageCommand({ QueueUrl: events, ReceiptHandle: message.ReceiptHandle }),
          );
        }
      }
    },
    async close() {
      stopAgent.abort();
      await agentDone;
      await composition.close();
      await (await notifierParts).notifier.close();
      secretsClient.destroy();
      await Promise.all([slack.close(), secrets.close()]);
      await gateway.close();
      connection.close();
      await cluster.close();
      await aws.close();
    },
  };
}

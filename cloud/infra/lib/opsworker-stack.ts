import { heartbeatQueueName } from '@opsworker/cloud/lambda/agents/heartbeat-source.ts';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { Alias } from 'aws-cdk-lib/aws-kms';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { AgentCluster } from './agent-cluster.ts';
import { grantBedrock } from './bedrock-access.ts';
import { DataTable } from './data-table.ts';
import { DigestSchedule } from './digest-schedule.ts';
import { grantEvidenceObjects } from './evidence-access.ts';
import { FailureQueue } from './failure-queue.ts';
import { OpsworkerHttpApi, SLACK_ROUTE } from './http-api.ts';
import { clusterKey, type InfraConfig, REPO_ROOT } from './infra-config.ts';
import { LAMBDA_ENTRIES } from './lambda-entries.ts';
import { MonitoredQueue } from './monitored-queue.ts';
import { acknowledgeNagFindings } from './nag-suppressions.ts';
import { OpsworkerFunctions } from './opsworker-functions.ts';
import { Portal } from './portal.ts';
import { privateBucket } from './private-bucket.ts';
import { secretRef } from './secret-ref.ts';

export interface OpsworkerStackProps extends StackProps {
  config: InfraConfig;
  /** Where the Lambda entries are looked up; the repository by default (tests point elsewhere). */
  repoRoot?: string;
}

/** SQS's advice for Lambda consumers: a visibility timeout of six times the function timeout. */
const visibilityFor = (timeoutSeconds: number) => Duration.seconds(6 * timeoutSeconds);

/** The whole cloud deployment: one stack per environment (account and region). */
export class OpsworkerStack extends Stack {
  readonly agentClusters: AgentCluster[];

  constructor(scope: Construct, id: string, props: OpsworkerStackProps) {
    super(scope, id, props);
    const { config } = props;
    const retain = config.retainData;
    const alarmTopic = config.alarmTopicArn
      ? Topic.fromTopicArn(this, 'AlarmTopic', config.alarmTopicArn)
      : undefined;
    const withAlarms = alarmTopic ? { alarmTopic } : {};

    // Data
    const accessLogs = privateBucket(this, 'AccessLogs', {
      retain,
      expireAfterDays: 90,
      acceptsCloudFrontLogs: true,
    });
    const data = new DataTable(this, 'Data', { retain });
    const table = data.table;
    const evidence = privateBucket(this, 'Evidence', {
      retain,
      accessLogs,
      accessLogsPrefix: 'evidence-bucket/',
      // The table's default retention: evidence does not outlive the investigation citing it.
      expireAfterDays: 90,
    });

    // Messaging
    const events = new Topic(this, 'Events', {
      displayName: 'OpsWorker investigation events',
      masterKey: Alias.fromAliasName(this, 'SnsManagedKey', 'alias/aws/sns'),
      enforceSSL: true,
    });
    const investigations = new MonitoredQueue(this, 'Investigations', {
      visibilityTimeout: visibilityFor(LAMBDA_ENTRIES.worker.timeoutSeconds),
      maxReceiveCount: 3,
      maxMessageAge: Duration.minutes(5),
      purpose: 'Investigation jobs',
      ...withAlarms,
    });
    // One heartbeat queue per organization: the registration function reads the organization from
    // the queue's name, and IAM lets each agent send only to its own organization's queue.
    const heartbeats = new Map(
      [...new Set(config.clusters.map((cluster) => cluster.orgId))].map((orgId) => [
        orgId,
        new MonitoredQueue(this, `Heartbeats-${orgId}`, {
          queueName: heartbeatQueueName(config.agentQueuePrefix, orgId),
          visibilityTimeout: visibilityFor(LAMBDA_ENTRIES.agentRegistration.timeoutSeconds),
          // A heartbeat is stale after a few minutes; a newer one always follows.
          retentionPeriod: Duration.hours(1),
          maxReceiveCount: 3,
          maxMessageAge: Duration.minutes(5),
          purpose: `Agent heartbeats of ${orgId}`,
          ...withAlarms,
        }),
      ]),
    );
    this.agentClusters = config.clusters.map(
      (cluster) =>
        new AgentCluster(this, `Agent-${cluster.orgId}-${cluster.cluster}`, {
          cluster,
          queuePrefix: config.agentQueuePrefix,
          trust: config.agentTrust[clusterKey(cluster)] ?? config.agentTrust['*'],
          heartbeatQueue: heartbeats.get(cluster.orgId)!.queue,
          ...withAlarms,
        }),
    );
    const slackSecret = secretRef(this, 'SlackSecret', config.slackSecret);
    const modelSecret = config.modelSecret ? secretRef(this, 'ModelSecret', config.modelSecret) : undefined;
    const portal = new Portal(this, 'Portal', { accessLogs });

    // Functions
    const functions = new OpsworkerFunctions(this, 'Functions', {
      repoRoot: props.repoRoot ?? REPO_ROOT,
      backendEnvironment: {
        OPSWORKER_TABLE_NAME: table.tableName,
        OPSWORKER_BUCKET_NAME: evidence.bucketName,
        OPSWORKER_INVESTIGATION_QUEUE_URL: investigations.queue.queueUrl,
        OPSWORKER_EVENTS_TOPIC_ARN: events.topicArn,
        OPSWORKER_AGENT_QUEUE_PREFIX: config.agentQueuePrefix,
        OPSWORKER_PUBLIC_URL: portal.url,
        ...(modelSecret ? { OPSWORKER_MODEL_SECRET_ARN: modelSecret.secretArn } : {}),
        ...config.llm,
      },
      slackEnvironment: {
        OPSWORKER_SLACK_SECRET_ARN: slackSecret.secretArn,
        // The Slack app's own state (which message belongs to which investigation), in the same table.
        OPSWORKER_TABLE_NAME: table.tableName,
        OPSWORKER_PUBLIC_URL: portal.url,
      },
      logRetention: config.logRetentionDays,
      logRemovalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const fn = functions.byName;
    const api = new OpsworkerHttpApi(this, 'Http', {
      app: fn.http,
      slack: fn.slackEvents,
      allowedOrigins: [portal.url],
      logRetention: config.logRetentionDays,
    });
    portal.deploy({ dir: config.portalDir, built: config.portalBuilt, apiUrl: api.url });
    for (const slack of [fn.slackEvents, fn.slackAsync, fn.notifier]) {
      slack.addEnvironment('OPSWORKER_API_URL', api.url);
      slackSecret.grantRead(slack);
      // DynamoSlackState only gets and puts single items.
      table.grant(slack, 'dynamodb:GetItem', 'dynamodb:PutItem');
    }
    fn.slackEvents.addEnvironment('OPSWORKER_SLACK_ASYNC_FUNCTION', fn.slackAsync.functionName);
    fn.slackAsync.grantInvoke(fn.slackEvents);

    // Permissions: each function gets what its module calls, nothing more.
    for (const backend of [fn.http, fn.worker]) {
      table.grantReadWriteData(backend);
      grantEvidenceObjects(evidence, backend);
      events.grantPublish(backend);
      // Manual investigations and re-runs (API), resumed ones (worker).
      investigations.queue.grantSendMessages(backend);
      for (const cluster of this.agentClusters) cluster.grantBackend(backend);
      grantBedrock(backend, config.bedrockModelArns);
      modelSecret?.grantRead(backend);
    }
    table.grantReadWriteData(fn.agentRegistration);
    table.grantReadData(fn.digest);
    events.grantPublish(fn.digest);

    // Triggers
    fn.worker.addEventSource(
      new SqsEventSource(investigations.queue, { batchSize: 5, reportBatchItemFailures: true }),
    );
    for (const heartbeatQueue of heartbeats.values()) {
      fn.agentRegistration.addEventSource(
        new SqsEventSource(heartbeatQueue.queue, { batchSize: 10, reportBatchItemFailures: true }),
      );
    }
    const asyncFailures = new FailureQueue(this, 'AsyncFailures', {
      purpose: 'Notifier, Slack async work or digest invocations that failed after retries',
      ...withAlarms,
    });
    for (const asyncFunction of [fn.notifier, fn.slackAsync, fn.digest]) {
      asyncFunction.configureAsyncInvoke({
        retryAttempts: 2,
        onFailure: new SqsDestination(asyncFailures.queue),
      });
    }
    events.addSubscription(new LambdaSubscription(fn.notifier));
    new DigestSchedule(this, 'Digest', {
      digest: fn.digest,
      time: config.digestTime,
      timeZone: config.digestTimeZone,
      deadLetterQueue: asyncFailures.queue,
    });

    acknowledgeNagFindings({
      stack: this,
      functions,
      table,
      evidence,
      slackAsync: fn.slackAsync,
      digest: fn.digest,
      api: api.api,
      portal: portal.distribution,
      asyncFailures: asyncFailures.queue,
    });

    const output = (name: string, value: string, description: string) =>
      new CfnOutput(this, name, { value, description });
    output('ApiUrl', api.url, 'The HTTP API: webhooks at /webhooks/<source>, the REST API at /api');
    output(
      'SlackRequestUrl',
      `${api.url}${SLACK_ROUTE}`,
      'Request URL for the Slack app (events, commands, interactivity)',
    );
    output('PortalUrl', portal.url, 'The web portal');
    output('EvidenceBucketName', evidence.bucketName, 'Raw evidence and payloads');
    output('TableName', table.tableName, 'The DynamoDB table');
  }
}

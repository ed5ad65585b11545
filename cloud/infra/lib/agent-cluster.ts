import { agentQueueName } from '@opsworker/cloud/lambda/agents/agent-queues.ts';
import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import type { CfnRole, IGrantable } from 'aws-cdk-lib/aws-iam';
import { Role } from 'aws-cdk-lib/aws-iam';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { agentNamespace, agentPrincipal } from './agent-trust.ts';
import { helmInstallCommand } from './helm-install-command.ts';
import { type AgentTrustConfig, type ClusterConfig, clusterKey } from './infra-config.ts';
import { MonitoredQueue } from './monitored-queue.ts';

export interface AgentClusterProps {
  cluster: ClusterConfig;
  queuePrefix: string;
  trust: AgentTrustConfig | undefined;
  /** The organization's heartbeat queue: an agent's first heartbeat registers its cluster. */
  heartbeatQueue: IQueue;
  alarmTopic?: ITopic;
}

/**
 * One cluster's agent link: the request queue the backend writes to, the response queue the agent
 * answers on, and the IAM role the agent assumes, allowed those two queues (and sending
 * heartbeats to its own organization's queue) and nothing else, so one tenant's agent can never
 * read another's requests or register a cluster in another organization.
 */
export class AgentCluster extends Construct {
  readonly requests: MonitoredQueue;
  readonly responses: MonitoredQueue;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: AgentClusterProps) {
    super(scope, id);
    const { cluster, queuePrefix } = props;
    const key = clusterKey(cluster);
    this.requests = new MonitoredQueue(this, 'Requests', {
      queueName: agentQueueName(queuePrefix, cluster.orgId, cluster.cluster, 'requests'),
      visibilityTimeout: Duration.seconds(60),
      // An investigation waits 20 s at most: a request older than an hour only wastes the agent's time.
      retentionPeriod: Duration.hours(1),
      maxReceiveCount: 3,
      // Requests waiting this long mean the agent is down or cannot reach SQS.
      maxMessageAge: Duration.minutes(2),
      purpose: `Agent requests of ${key}`,
      ...(props.alarmTopic ? { alarmTopic: props.alarmTopic } : {}),
    });
    this.responses = new MonitoredQueue(this, 'Responses', {
      queueName: agentQueueName(queuePrefix, cluster.orgId, cluster.cluster, 'responses'),
      visibilityTimeout: Duration.seconds(30),
      retentionPeriod: Duration.hours(1),
      maxReceiveCount: 3,
      purpose: `Agent responses of ${key}`,
      ...(props.alarmTopic ? { alarmTopic: props.alarmTopic } : {}),
    });

    this.role = new Role(this, 'AgentRole', {
      assumedBy: agentPrincipal(this, 'OidcProvider', props.trust),
      description: `OpsWorker agent of ${key}: its own request and response queues only`,
      maxSessionDuration: Duration.hours(1),
    });
    this.requests.queue.grantConsumeMessages(this.role);
    this.responses.queue.grantSendMessages(this.role);
    props.heartbeatQueue.grantSendMessages(this.role);

    const helm = helmInstallCommand({
      clusterName: cluster.cluster,
      namespace: agentNamespace(props.trust),
      requestQueueUrl: this.requests.queue.queueUrl,
      responseQueueUrl: this.responses.queue.queueUrl,
      heartbeatQueueUrl: props.heartbeatQueue.queueUrl,
      region: Stack.of(this).region,
      roleArn: this.role.roleArn,
    });
    const output = (name: string, value: string, description: string) =>
      new CfnOutput(this, name, { value, description: `${key}: ${description}` });
    output('RequestQueueUrl', this.requests.queue.queueUrl, 'the queue the agent reads requests from');
    output('ResponseQueueUrl', this.responses.queue.queueUrl, 'the queue the agent answers on');
    output(
      'AgentRoleArn',
      this.role.roleArn,
      'the IAM role the agent assumes (IRSA: serviceAccount.roleArn)',
    );
    output('HelmInstall', helm, `run this in the cluster ${cluster.cluster}`);
  }

  /** The backend side: send requests to this cluster's agent and read its answers. */
  grantBackend(grantee: IGrantable): void {
    this.requests.queue.grantSendMessages(grantee);
    this.responses.queue.grantConsumeMessages(grantee);
  }

  /** The role's unique id, which SQS reports as the SenderId of the messages the agent sends. */
  get roleId(): string {
    return (this.role.node.defaultChild as CfnRole).attrRoleId;
  }
}

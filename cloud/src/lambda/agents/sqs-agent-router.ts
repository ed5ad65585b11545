import type { SQSClient } from '@aws-sdk/client-sqs';
import { createSqsAgentTransport } from '@opsworker/agent/transport/sqs-agent-transport.ts';
import type { TransportLog } from '@opsworker/agent/transport/sqs-log.ts';
import type { AgentTransport, Investigation } from '@opsworker/shared';
import { NoClusterError } from '../../engine/worker/kubeconfig-agent.ts';
import { agentQueueName, siblingQueueUrl } from './agent-queues.ts';
import type { DynamoClusterRegistry } from './dynamo-cluster-registry.ts';

export interface SqsAgentRouterOptions {
  sqs: SQSClient;
  registry: DynamoClusterRegistry;
  queuePrefix: string;
  /** Any queue URL of the deployment: the agents' queues are its siblings. */
  knownQueueUrl: string;
  timeoutMs?: number;
  log?: TransportLog;
}

type ClosableTransport = AgentTransport & { close(): Promise<void> };

/** Said when an organization has no agent reporting in. */
export const AGENT_HINT =
  'Install the OpsWorker agent in the cluster (helm install, with the queue URLs from the deployment), wait for its first heartbeat, then re-run the investigation.';

/**
 * Reaches the agent of an investigation's cluster over that cluster's SQS request/response
 * queues: the cluster the scope names, or the organization's most recently seen one. One
 * transport per cluster and container, reused by every investigation it runs.
 */
export class SqsAgentRouter {
  readonly #options: SqsAgentRouterOptions;
  readonly #transports = new Map<string, ClosableTransport>();

  constructor(options: SqsAgentRouterOptions) {
    this.#options = options;
  }

  async agentFor(investigation: Pick<Investigation, 'orgId' | 'scope'>): Promise<AgentTransport> {
    const cluster = await this.#clusterOf(investigation);
    return this.transport(investigation.orgId, cluster);
  }

  /** The transport to one cluster's agent (which need not be registered: tests, benchmarks). */
  transport(orgId: string, cluster: string): AgentTransport {
    const key = `${orgId}/${cluster}`;
    let transport = this.#transports.get(key);
    if (!transport) {
      const { sqs, queuePrefix, knownQueueUrl } = this.#options;
      const url = (role: 'requests' | 'responses') =>
        siblingQueueUrl(knownQueueUrl, agentQueueName(queuePrefix, orgId, cluster, role));
      transport = createSqsAgentTransport({
        sqs,
        requestQueueUrl: url('requests'),
        responseQueueUrl: url('responses'),
        ...(this.#options.timeoutMs ? { timeoutMs: this.#options.timeoutMs } : {}),
        ...(this.#options.log ? { log: this.#options.log } : {}),
      });
      this.#transports.set(key, transport);
    }
    return transport;
  }

  async close(): Promise<void> {
    const transports = [...this.#transports.values()];
    this.#transports.clear();
    await Promise.all(transports.map((transport) => transport.close()));
  }

  async #clusterOf(investigation: Pick<Investigation, 'orgId' | 'scope'>): Promise<string> {
    const { registry } = this.#options;
    const named = investigation.scope.cluster;
    if (named) {
      if (await registry.get(investigation.orgId, named)) return named;
      const message = `No OpsWorker agent has reported in from cluster "${named}". ${AGENT_HINT}`;
      throw new NoClusterError(message, { userMessage: message });
    }
    const [latest] = await registry.list(investigation.orgId);
    if (latest) return latest.cluster;
    const message = `No cluster is connected to OpsWorker yet. ${AGENT_HINT}`;
    throw new NoClusterError(message, { userMessage: message });
  }
}

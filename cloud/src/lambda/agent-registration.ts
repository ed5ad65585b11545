import { decodeInbound } from '@opsworker/agent/transport/message-codec-response.ts';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { orgOfHeartbeatQueue } from './agents/heartbeat-source.ts';
import type { CloudCore } from './cloud-core.ts';
import { containerCore } from './container.ts';

export type AgentRegistrationHandler = (event: SQSEvent) => Promise<SQSBatchResponse>;

/**
 * Agent heartbeats (SQS) → the organization's cluster registry: the first heartbeat of a cluster
 * registers it (investigations can reach it from then on), later ones keep `lastSeenAt` current.
 * A message that is not a heartbeat, or comes from a queue of no organization, is dropped.
 */
export function createAgentRegistrationHandler(core: () => Promise<CloudCore>): AgentRegistrationHandler {
  return async (event) => {
    const parts = await core();
    const outcomes = await Promise.all(event.Records.map((record) => register(parts, record)));
    return {
      batchItemFailures: event.Records.filter((_, index) => outcomes[index] === 'retry').map((record) => ({
        itemIdentifier: record.messageId,
      })),
    };
  };
}

async function register(parts: CloudCore, record: SQSRecord): Promise<'done' | 'retry'> {
  const orgId = orgOfHeartbeatQueue(record.eventSourceARN, parts.config.agentQueuePrefix);
  const inbound = decodeInbound(record.body);
  if (!orgId || inbound.kind !== 'heartbeat') {
    parts.log.warn('dropping a message that is not an agent heartbeat of an organization', {
      messageId: record.messageId,
      queue: record.eventSourceARN,
    });
    return 'done';
  }
  if (!(await parts.store.getOrganization(orgId))) {
    parts.log.warn('dropping a heartbeat for an organization that does not exist', { orgId });
    return 'done';
  }
  try {
    const { registered } = await parts.registry.recordHeartbeat(orgId, inbound.heartbeat);
    if (registered) parts.log.info('cluster registered', { orgId, cluster: inbound.heartbeat.cluster });
    return 'done';
  } catch (error) {
    parts.log.error(`recording a heartbeat of ${orgId}/${inbound.heartbeat.cluster} failed`, error);
    return 'retry';
  }
}

export const handler: AgentRegistrationHandler = createAgentRegistrationHandler(containerCore);

import { AGENT_PROTOCOL_VERSION, type AgentHeartbeat } from '@opsworker/shared';
import { describeError, type TransportLog } from './transport/sqs-log.ts';

/** What a heartbeat says about the cluster the agent runs in. */
export interface ClusterIdentity {
  cluster: string;
  kubernetesVersion: string;
  nodeCount: number;
}

/** Reads the cluster's identity afresh (node count changes as the cluster scales). */
export type ClusterIdentityProvider = () => Promise<ClusterIdentity>;

export interface HeartbeatOptions {
  identity: ClusterIdentityProvider;
  agentVersion: string;
  intervalMs: number;
  publish(heartbeat: AgentHeartbeat): Promise<void>;
  log: TransportLog;
  now?: () => Date;
}

/** A running heartbeat; `stop` waits for a beat in progress so nothing is sent after it resolves. */
export interface Heartbeat {
  stop(): Promise<void>;
}

/**
 * Publishes an AgentHeartbeat now and then every `intervalMs`, so the backend knows which
 * clusters are connected. A beat whose cluster identity cannot be read is skipped rather than
 * sent with stale numbers: a missing heartbeat is the honest signal that the agent cannot see
 * its cluster.
 */
export function startHeartbeat(options: HeartbeatOptions): Heartbeat {
  const { identity, agentVersion, intervalMs, publish, log, now = () => new Date() } = options;
  let current: Promise<void> | undefined;

  async function beat(): Promise<void> {
    let heartbeat: AgentHeartbeat;
    try {
      const { cluster, kubernetesVersion, nodeCount } = await identity();
      heartbeat = {
        version: AGENT_PROTOCOL_VERSION,
        type: 'heartbeat',
        cluster,
        kubernetesVersion,
        agentVersion,
        nodeCount,
        at: now().toISOString(),
      };
    } catch (error) {
      log.warn('heartbeat skipped: cannot read the cluster identity', { error: describeError(error) });
      return;
    }
    try {
      await publish(heartbeat);
    } catch (error) {
      log.warn('heartbeat not sent', { error: describeError(error) });
    }
  }

  function tick(): void {
    // A slow API server must not pile beats up behind each other.
    if (current) return;
    current = beat().finally(() => {
      current = undefined;
    });
  }

  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();

  return {
    async stop() {
      clearInterval(timer);
      await current;
    },
  };
}

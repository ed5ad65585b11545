import { createMemoryAuditSink } from '@opsworker/agent/audit/memory-audit-sink.ts';
import { createAgentExecutor } from '@opsworker/agent/executor/agent-executor.ts';
import { shopCluster } from '@opsworker/agent/fixtures/shop-cluster.ts';
import type { KubeObject } from '@opsworker/agent/kube/kube-types.ts';
import {
  createMemoryKubeReader,
  type MemoryCluster,
  type MemoryKubeReader,
} from '@opsworker/agent/kube/memory-kube-reader.ts';
import { createInProcessTransport } from '@opsworker/agent/transport/in-process-transport.ts';
import type { AgentTransport } from '@opsworker/shared';
import { type BlobStore, isBlobParts } from '../../../store/store.ts';

/** The real agent executor over an in-memory cluster, as the collector reaches it in-process. */
export interface MemoryAgent {
  transport: AgentTransport;
  reader: MemoryKubeReader;
  blobs: BlobStore & { keys(): string[]; json(key: string): unknown };
}

/** A blob store in a Map, keyed `orgId/key`. */
function memoryBlobs(): MemoryAgent['blobs'] {
  const blobs = new Map<string, Buffer>();
  return {
    async put(orgId, key, body) {
      blobs.set(`${orgId}/${key}`, isBlobParts(body) ? Buffer.concat(body) : Buffer.from(body));
    },
    async get(orgId, key) {
      return blobs.get(`${orgId}/${key}`);
    },
    keys: () => [...blobs.keys()],
    json: (key) => JSON.parse(blobs.get(key)?.toString() ?? 'null'),
  };
}

export function memoryAgent(cluster: MemoryCluster): MemoryAgent {
  const reader = createMemoryKubeReader(cluster);
  const executor = createAgentExecutor({ reader, audit: createMemoryAuditSink() });
  return { transport: createInProcessTransport(executor), reader, blobs: memoryBlobs() };
}

/**
 * The agent's shop fixture (a crash-looping web Deployment after a rollout, a failed backup Job
 * of a CronJob, a StatefulSet with a pending claim, an HPA at its maximum), with the labels a
 * real Job controller puts on its pods, plus `extra` objects.
 */
export function shopAgent(extra: KubeObject[] = [], overrides: Partial<MemoryCluster> = {}): MemoryAgent {
  const cluster = shopCluster(overrides);
  for (const object of cluster.objects) {
    if (object.kind === 'Pod' && object.metadata?.name?.startsWith('backup-')) {
      object.metadata.labels = {
        'batch.kubernetes.io/controller-uid': 'job-backup-uid',
        'job-name': 'backup-29012345',
      };
    }
  }
  return memoryAgent({ ...cluster, objects: [...cluster.objects, ...extra] });
}

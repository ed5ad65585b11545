import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Investigation, TimelineEvent } from '@opsworker/shared';
import { EventBus } from '../../../events/event-bus.ts';
import { TimelineSequencer } from '../../../investigations/timeline-sequencer.ts';
import { createOpsWorkerMetrics } from '../../../metrics/opsworker-metrics.ts';
import { LocalStore } from '../../../store/local/local-store.ts';
import { type MemoryAgent, shopAgent } from '../../collect/__fixtures__/memory-agent.ts';
import { InvestigationWorker, type InvestigationWorkerDeps } from '../investigation-worker.ts';

/** A queued investigation of the shop fixture's crash-looping web pod, as the pipeline stores it. */
export function queuedInvestigation(fields: Partial<Investigation> = {}): Investigation {
  return {
    id: 'inv_test1',
    orgId: 'acme',
    status: 'queued',
    title: 'KubePodCrashLooping',
    severity: 'warning',
    scope: { namespace: 'shop', kind: 'pods', name: 'web-7d9f8c6b5-x2x4k' },
    trigger: { type: 'manual' },
    alertIds: [],
    groupKey: 'shop/workload/web',
    createdAt: new Date(Date.now() - 1000).toISOString(),
    updatedAt: new Date(Date.now() - 1000).toISOString(),
    ...fields,
  };
}

/** A worker on a real local store in a temp dir, the real agent over the shop fixture, and what it published. */
export async function workerHarness(
  options: {
    agent?: MemoryAgent;
    investigation?: Investigation;
    deps?: Partial<InvestigationWorkerDeps>;
  } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'opsworker-worker-'));
  const store = new LocalStore(dir);
  const bus = new EventBus();
  const metrics = createOpsWorkerMetrics();
  const sequencer = new TimelineSequencer(store);
  const agent = options.agent ?? shopAgent();
  const investigation = options.investigation ?? queuedInvestigation();
  await store.apply({ investigations: [investigation] });
  const published: TimelineEvent[] = [];
  bus.subscribe(investigation.orgId, (event) => {
    if (event.type === 'timeline') published.push(event.event);
  });
  const worker = new InvestigationWorker({
    store,
    blobs: agent.blobs,
    bus,
    metrics,
    sequencer,
    agentFor: async () => agent.transport,
    ...options.deps,
  });
  const job = { orgId: investigation.orgId, investigationId: investigation.id };
  return {
    store,
    bus,
    metrics,
    agent,
    worker,
    job,
    published,
    stored: async () => (await store.getInvestigation(job.orgId, job.investigationId)) as Investigation,
    timeline: () => store.listTimeline(job.orgId, job.investigationId),
    async close() {
      await worker.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

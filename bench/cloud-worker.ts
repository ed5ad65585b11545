/**
 * The cloud investigation worker against fauxqs and dynalite (`npm run bench -- cloud-worker`):
 * jobs per second through the worker Lambda handler, fed by an SQS event-source stand-in
 * (batches of 10, as the CDK mapping does), each investigation talking to the real agent loop
 * on the simulated cluster over SQS; then the same jobs delivered again, which must be no-ops,
 * to show what a redelivery costs next to a real run (a ratio: the machines are shared).
 */

import { CLUSTER, startCloudStack } from '../test/src/cloud-e2e/cloud-stack.ts';
import type { ScenarioManifest } from '../test/src/kube/scenario-manifest.ts';
import type { BenchResult } from './support/bench-result.ts';
import { round } from './support/stats.ts';

const JOBS = 20;

export async function run(): Promise<BenchResult[]> {
  const stack = await startCloudStack({ scenarios: ['oom-killed'] });
  try {
    while ((await stack.pollHeartbeats(1)).delivered === 0);
    const scenario = stack.cluster.scenarios[0] as ScenarioManifest;
    const labels = scenario.alert.labels;
    const scope = { cluster: CLUSTER, namespace: labels.namespace, kind: 'pods', name: labels.pod };
    await stack.composition.investigations.startManual('acme', { scope });
    const alone = await drain(stack);
    const started = [];
    for (let i = 0; i < JOBS; i++)
      started.push(await stack.composition.investigations.startManual('acme', { scope }));

    const fresh = await drain(stack);
    const completed = await Promise.all(
      started.map((inv) => stack.composition.store.getInvestigation('acme', inv.id)),
    );
    const done = completed.filter((inv) => inv?.status === 'completed').length;

    const published = (await stack.takeEvents()).length;
    for (const inv of started)
      await stack.composition.queue.enqueue({ orgId: 'acme', investigationId: inv.id });
    const redelivered = await drain(stack);
    const republished = (await stack.takeEvents()).length;

    const freshRate = JOBS / (fresh / 1000);
    const noOpRate = JOBS / (redelivered / 1000);
    return [
      {
        name: 'cloud worker: one investigation alone, job to completed',
        value: Math.round(alone),
        unit: 'ms',
        detail:
          'collection, analysis and storage; every cluster read is a request and a response message on SQS',
      },
      {
        name: 'cloud worker: investigations per second (fauxqs, one consumer, batches of 10)',
        value: round(freshRate, 2),
        unit: 'jobs/s',
        detail: `${done}/${JOBS} completed in ${Math.round(fresh)} ms, each a full investigation through the agent over SQS`,
      },
      {
        name: 'cloud worker: redelivered jobs per second (idempotent no-ops)',
        value: round(noOpRate, 1),
        unit: 'jobs/s',
        detail: `${round(noOpRate / freshRate, 1)}× the rate of real runs: a duplicate costs a lease and a read`,
      },
      {
        name: 'cloud worker: SNS messages published per investigation (manual, no alert)',
        value: round(published / (JOBS + 1), 1),
        unit: 'messages',
        detail: `the investigation record and timeline events, for the Slack notifier; redeliveries published ${republished}`,
      },
    ];
  } finally {
    await stack.close();
  }
}

async function drain(stack: Awaited<ReturnType<typeof startCloudStack>>): Promise<number> {
  const begin = performance.now();
  await stack.runJobs();
  return performance.now() - begin;
}

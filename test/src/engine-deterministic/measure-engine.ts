/**
 * How long the deterministic engine (analyzers → correlate → report) takes per investigation,
 * on every corpus scenario and on a namespace of 500 pods. Collection is not timed: only the
 * pure part. Run: node test/src/engine-deterministic/measure-engine.ts
 */
import { performance } from 'node:perf_hooks';
import type { EvidenceBundle } from '@opsworker/cloud/engine/evidence/evidence-bundle.ts';
import { generateBusyNamespace } from '../kube/busy-namespace.ts';
import { listScenarioNames, loadBaseCluster } from '../kube/scenario-loader.ts';
import { collectForScope } from './collect-for-scope.ts';
import { runDeterministicEngine } from './run-engine.ts';
import { bundleFromScenario } from './scenario-bundle.ts';
import { SimulatedCollection } from './simulated-collection.ts';

const ROUNDS = 200;

/** Mean and 95th percentile in ms; each round gets a fresh copy so no per-bundle cache is reused. */
function time(bundle: EvidenceBundle, rounds = ROUNDS): { mean: number; p95: number } {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const copy = structuredClone(bundle);
    const start = performance.now();
    runDeterministicEngine(copy);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return {
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
    p95: samples[Math.floor(samples.length * 0.95)] ?? 0,
  };
}

const now = new Date();
const results: Array<{ name: string; objects: number; mean: number; p95: number }> = [];
for (const name of await listScenarioNames()) {
  const bundle = await bundleFromScenario(name, now);
  results.push({ name, objects: bundle.objects.length + bundle.events.length, ...time(bundle) });
}
const busy = new SimulatedCollection(
  [...(await loadBaseCluster()), ...generateBusyNamespace({ namespace: 'busy', pods: 500 })],
  [],
  now,
);
const target = collectForScope(busy, { namespace: 'busy' });
const busyBundle = busy.bundle({ namespace: 'busy' }, target);
const big = {
  name: 'busy namespace (500 pods)',
  objects: busyBundle.objects.length + busyBundle.events.length,
  ...time(busyBundle, 50),
};

for (const r of [...results, big]) {
  console.log(
    `${r.name.padEnd(30)} ${String(r.objects).padStart(5)} objects+events  mean ${r.mean.toFixed(3)} ms  p95 ${r.p95.toFixed(3)} ms`,
  );
}
const means = results.map((r) => r.mean).sort((a, b) => a - b);
console.log(
  `corpus: median ${means[Math.floor(means.length / 2)]?.toFixed(3)} ms, max ${means.at(-1)?.toFixed(3)} ms per investigation`,
);

import type { BenchResult } from './support/bench-result.ts';

/**
 * `npm run bench [-- name ...]`: runs the benchmarks (all, or those whose file name contains a
 * given word) and prints each figure with its target. Figures are ratios or medians measured
 * side by side in one run, because the machines are shared and noisy.
 */
const BENCHMARKS: Record<string, () => Promise<{ run(): Promise<BenchResult[]> }>> = {
  'ingest-http': () => import('./ingest-http.ts'),
  'start-up': () => import('./start-up.ts'),
  'pipeline-throughput': () => import('./pipeline-throughput.ts'),
  'store-latency': () => import('./store-latency.ts'),
  'store-dynamo': () => import('./store-dynamo.ts'),
  'rules-decide': () => import('./rules-decide.ts'),
  'normalize-throughput': () => import('./normalize-throughput.ts'),
  agent: () => import('./agent.ts'),
  'namespace-summary': () => import('./namespace-summary.ts'),
  engine: () => import('./engine.ts'),
  portal: () => import('./portal.ts'),
  'cloud-worker': () => import('./cloud-worker.ts'),
  'lambda-bundles': () => import('./lambda-bundles.ts'),
  slack: () => import('./slack.ts'),
};

const wanted = process.argv.slice(2);
const selected = Object.keys(BENCHMARKS).filter(
  (name) => wanted.length === 0 || wanted.some((word) => name.includes(word)),
);
if (selected.length === 0) {
  console.error(
    `No benchmark matches ${wanted.join(', ')}. Available: ${Object.keys(BENCHMARKS).join(', ')}`,
  );
  process.exit(2);
}

const results: BenchResult[] = [];
for (const name of selected) {
  process.stderr.write(`running ${name}…\n`);
  const module = await BENCHMARKS[name]!();
  for (const result of await module.run()) {
    results.push(result);
    const verdict = result.met === undefined ? '' : result.met ? '  ✓' : '  ✗ MISSED';
    const target = result.target ? ` (target ${result.target})` : '';
    console.log(`${result.name}: ${result.value.toLocaleString('en-US')} ${result.unit}${target}${verdict}`);
    if (result.detail) console.log(`    ${result.detail}`);
  }
}
const missed = results.filter((result) => result.met === false);
console.log(`\n${results.length} figures, ${missed.length} target(s) missed`);

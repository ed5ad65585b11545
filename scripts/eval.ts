/**
 * `npm run eval`: every scenario of test/scenarios through the whole engine — Alertmanager
 * webhook → ingest → rules → worker → agent → simulated cluster → report — scored on root-cause
 * category, resource and key facts. Exits non-zero when fewer than 90% of the failure scenarios
 * are right, or when a healthy control or noise scenario gets a cause that is not there.
 * Then replays the HolmesGPT cases through the LLM stage when a model is configured.
 */
import { parseArgs } from 'node:util';
import { replayHolmesCases } from '../test/src/engine-e2e/holmes-replay.ts';
import {
  awaitAlertOutcome,
  fireScenarioAlert,
  investigateByHand,
} from '../test/src/engine-e2e/scenario-run.ts';
import { type ScenarioScore, scoreScenario } from '../test/src/engine-e2e/score-scenario.ts';
import { formatScoreTable, formatTotals, totalsOf } from '../test/src/engine-e2e/score-table.ts';
import { investigateEveryAlert, startSimulatedStack } from '../test/src/engine-e2e/simulated-stack.ts';
import { listScenarioNames } from '../test/src/kube/scenario-loader.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { verbose: { type: 'boolean', short: 'v' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log('Usage: npm run eval [-- [--verbose] [scenario ...]]   (default: every scenario)');
  process.exit(0);
}

const names = positionals.length ? positionals : await listScenarioNames();
const started = performance.now();
const stack = await startSimulatedStack({ scenarios: names });
let exitCode = 0;
try {
  await investigateEveryAlert(stack.client);
  const scores: ScenarioScore[] = [];
  const times = new Map<string, number>();
  // All alerts at once, as a bad morning would send them; each is then awaited in turn.
  const fired = await Promise.all(
    stack.cluster.scenarios.map(async (scenario) => ({
      scenario,
      fingerprint: await fireScenarioAlert(stack.client, scenario),
    })),
  );
  for (const { scenario, fingerprint } of fired) {
    let outcome = await awaitAlertOutcome(stack.client, fingerprint, 60_000);
    // Noise scenarios' alert is a heartbeat the rules ignore: ask about their namespace instead.
    if (scenario.kind === 'noise') {
      const question = 'Is anything wrong in this namespace?';
      outcome = {
        investigation: await investigateByHand(
          stack.client,
          {
            scope: { namespace: scenario.namespace, kind: 'namespaces', name: scenario.namespace },
            question,
          },
          60_000,
        ),
      };
    }
    const { createdAt, completedAt } = outcome.investigation ?? {};
    if (createdAt && completedAt) times.set(scenario.name, Date.parse(completedAt) - Date.parse(createdAt));
    const score = scoreScenario(scenario, outcome);
    scores.push(score);
    if (values.verbose && !score.right) {
      const report = outcome.investigation?.report;
      console.log(
        `\n${scenario.name}: expected ${scenario.expected.category} on ${scenario.expected.resource ?? '-'}`,
      );
      console.log(`  got: ${report?.summary ?? outcome.investigation?.error ?? outcome.notInvestigated}`);
    }
  }
  console.log(formatScoreTable(scores, times));
  const totals = totalsOf(scores);
  console.log(`\n${formatTotals(totals, scores.filter((s) => s.kind !== 'failure').length)}`);
  console.log(`${scores.length} scenarios in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (!totals.passed) exitCode = 1;
} finally {
  await stack.stop();
}

console.log(`\n${await replayHolmesCases(process.env)}`);
process.exit(exitCode);

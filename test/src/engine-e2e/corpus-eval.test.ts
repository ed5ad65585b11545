import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awaitAlertOutcome, fireScenarioAlert, investigateByHand } from './scenario-run.ts';
import { type ScenarioScore, scoreScenario } from './score-scenario.ts';
import { REQUIRED_FAILURE_ACCURACY, totalsOf } from './score-table.ts';
import { investigateEveryAlert, type SimulatedStack, startSimulatedStack } from './simulated-stack.ts';

/**
 * `npm run eval` as a test: every scenario of the corpus through the whole engine (a few
 * seconds). The script prints the table; this keeps the bar from slipping unnoticed.
 */
describe('the scenario corpus through the whole engine', () => {
  let stack: SimulatedStack;
  const scores: ScenarioScore[] = [];

  beforeAll(async () => {
    stack = await startSimulatedStack({ scenarios: 'all' });
    await investigateEveryAlert(stack.client);
    const fired = await Promise.all(
      stack.cluster.scenarios.map(async (scenario) => ({
        scenario,
        fingerprint: await fireScenarioAlert(stack.client, scenario),
      })),
    );
    for (const { scenario, fingerprint } of fired) {
      const outcome =
        scenario.kind === 'noise'
          ? {
              investigation: await investigateByHand(stack.client, {
                scope: { namespace: scenario.namespace, kind: 'namespaces', name: scenario.namespace },
              }),
            }
          : await awaitAlertOutcome(stack.client, fingerprint, 30_000);
      scores.push(scoreScenario(scenario, outcome));
    }
  }, 60_000);
  afterAll(() => stack?.stop());

  it(`gets at least ${REQUIRED_FAILURE_ACCURACY * 100}% of the failure scenarios right: category, resource and every key fact`, () => {
    const wrong = scores.filter((s) => s.kind === 'failure' && !s.right);
    expect(totalsOf(scores).accuracy, JSON.stringify(wrong, null, 2)).toBeGreaterThanOrEqual(
      REQUIRED_FAILURE_ACCURACY,
    );
  });

  it('invents no cause for a healthy control or a noise namespace', () => {
    expect(totalsOf(scores).invented).toEqual([]);
  });
});

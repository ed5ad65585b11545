import type { Report } from '@opsworker/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { listScenarioNames } from '../kube/scenario-loader.ts';
import type { ScenarioManifest } from '../kube/scenario-manifest.ts';
import { reportText, runDeterministicEngine } from './run-engine.ts';
import { investigationFromScenario } from './scenario-bundle.ts';

/** One fixed clock, so ages in reports ("restarted 3m ago") are the same on every run. */
const NOW = new Date('2026-03-02T12:00:00Z');
const names = await listScenarioNames();

interface Outcome {
  name: string;
  manifest: ScenarioManifest;
  report: Report;
  categoryOk: boolean;
  resourceOk: boolean;
  missingFacts: string[];
  correct: boolean;
}

async function evaluate(name: string): Promise<Outcome> {
  const { manifest, alert, bundle } = await investigationFromScenario(name, NOW);
  const { report } = runDeterministicEngine(bundle, alert.links);
  const text = reportText(report).toLowerCase();
  const categoryOk = report.rootCause.category === manifest.expected.category;
  const resourceOk = !manifest.expected.resource || report.rootCause.resource === manifest.expected.resource;
  const missingFacts = manifest.expected.facts.filter((fact) => !text.includes(fact.toLowerCase()));
  return {
    name,
    manifest,
    report,
    categoryOk,
    resourceOk,
    missingFacts,
    correct: categoryOk && resourceOk && missingFacts.length === 0,
  };
}

function table(outcomes: Outcome[]): string {
  const rows = outcomes.map((o) =>
    [
      o.correct ? 'ok  ' : 'MISS',
      o.name.padEnd(30),
      o.manifest.kind.padEnd(15),
      `${o.report.rootCause.category}${o.categoryOk ? '' : ` (expected ${o.manifest.expected.category})`}`.padEnd(
        28,
      ),
      `${o.report.rootCause.resource ?? ''}${o.resourceOk ? '' : ` (expected ${o.manifest.expected.resource})`}`,
      o.report.confidence,
      o.missingFacts.length ? `missing facts: ${o.missingFacts.join(', ')}` : '',
    ].join(' | '),
  );
  return ['Per-scenario results (deterministic engine):', ...rows].join('\n');
}

const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-Za-z0-9])/).filter(Boolean);

describe('deterministic engine over the scenario corpus', () => {
  let outcomes: Outcome[] = [];

  beforeAll(async () => {
    outcomes = await Promise.all(names.map(evaluate));
    const failures = outcomes.filter((o) => o.manifest.kind === 'failure');
    const right = failures.filter((o) => o.correct).length;
    console.log(`${table(outcomes)}\nfailure scenarios right: ${right}/${failures.length}`);
  });

  describe('when a scenario is a failure', () => {
    it('finds the expected category, resource and facts in at least 90% of them', () => {
      const failures = outcomes.filter((o) => o.manifest.kind === 'failure');
      const right = failures.filter((o) => o.correct).length;
      expect(failures.length).toBeGreaterThan(0);
      expect(right / failures.length).toBeGreaterThanOrEqual(0.9);
    });
  });

  describe('when a scenario is a healthy control or noise', () => {
    it('invents no cause for any of them', () => {
      const quiet = outcomes.filter((o) => o.manifest.kind !== 'failure');
      const invented = quiet
        .filter((o) => o.report.rootCause.category !== 'no_problem_found')
        .map((o) => o.name);
      expect(quiet.length).toBeGreaterThan(0);
      expect(invented).toEqual([]);
    });
  });

  describe.each(names)('the report for %s', (name) => {
    it('answers in at most three sentences and gives commands to run', () => {
      const outcome = outcomes.find((o) => o.name === name) as Outcome;
      expect(sentences(outcome.report.summary).length).toBeLessThanOrEqual(3);
      expect(outcome.report.nextSteps.some((step) => step.command?.startsWith('kubectl '))).toBe(true);
      expect(outcome.report.evidence.every((e) => e.id.startsWith('ev_') && e.title.length > 0)).toBe(true);
    });

    it('names the namespace in every command about a namespaced object', () => {
      const outcome = outcomes.find((o) => o.name === name) as Outcome;
      const namespace = outcome.manifest.namespace;
      const namespaced = outcome.report.nextSteps
        .map((step) => step.command ?? '')
        .filter((command) =>
          / (pod|deployment|statefulset|job|service|persistentvolumeclaim|hpa|resourcequota|networkpolicy)[/ ]/.test(
            command,
          ),
        );
      for (const command of namespaced) expect(command).toContain(`-n ${namespace}`);
    });
  });
});

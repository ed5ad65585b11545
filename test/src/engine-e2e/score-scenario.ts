import type { Report } from '@opsworker/shared';
import type { ScenarioManifest } from '../kube/scenario-manifest.ts';
import type { AlertOutcome } from './scenario-run.ts';

/** How one scenario fared against what a correct report says. */
export interface ScenarioScore {
  name: string;
  kind: ScenarioManifest['kind'];
  /** What the report said (or why there is no report). */
  category: string;
  resource: string;
  categoryOk: boolean;
  /** True when the scenario names no resource. */
  resourceOk: boolean;
  missingFacts: string[];
  /** A healthy control or noise scenario reported a problem that is not there. */
  invented: boolean;
  /** Failure scenarios: category, resource and every fact; others: nothing invented. */
  right: boolean;
}

/** Everything of a report a human reads: where the expected facts must appear. */
export function reportText(report: Report): string {
  return [
    report.summary,
    report.rootCause.statement,
    report.rootCause.resource ?? '',
    report.impact ?? '',
    ...report.evidence.map((e) => `${e.title} ${e.excerpt}`),
    ...report.nextSteps.map((s) => `${s.description} ${s.command ?? ''}`),
    ...report.contributingFactors,
  ].join('\n');
}

/** Scores a scenario's outcome: root-cause category, resource, key facts (case-insensitive). */
export function scoreScenario(scenario: ScenarioManifest, outcome: AlertOutcome): ScenarioScore {
  const { expected } = scenario;
  const report = outcome.investigation?.report;
  const category =
    report?.rootCause.category ??
    (outcome.notInvestigated ? 'not investigated' : (outcome.investigation?.status ?? 'none'));
  const resource = report?.rootCause.resource ?? '';
  const text = report ? reportText(report).toLowerCase() : '';
  const missingFacts = expected.facts.filter((fact) => !text.includes(fact.toLowerCase()));
  const healthy = scenario.kind !== 'failure';
  // For a healthy target, no investigation at all (a rule ignored the alert) invents nothing either.
  const categoryOk = healthy
    ? category === 'no_problem_found' || category === 'not investigated'
    : category === expected.category;
  const resourceOk = !expected.resource || resource === expected.resource;
  const invented = healthy && Boolean(report) && category !== 'no_problem_found';
  const right = healthy
    ? !invented && outcome.investigation?.status !== 'failed'
    : categoryOk && resourceOk && missingFacts.length === 0;
  return {
    name: scenario.name,
    kind: scenario.kind,
    category,
    resource,
    categoryOk,
    resourceOk,
    missingFacts,
    invented,
    right,
  };
}

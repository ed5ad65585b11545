import type { ScenarioScore } from './score-scenario.ts';

/** The evaluation's verdict: failure scenarios at least this often right, no invented cause anywhere. */
export const REQUIRED_FAILURE_ACCURACY = 0.9;

export interface EvaluationTotals {
  failuresRight: number;
  failures: number;
  accuracy: number;
  /** Healthy-control and noise scenarios that got a cause that is not there. */
  invented: string[];
  passed: boolean;
}

export function totalsOf(scores: readonly ScenarioScore[]): EvaluationTotals {
  const failures = scores.filter((s) => s.kind === 'failure');
  const failuresRight = failures.filter((s) => s.right).length;
  const accuracy = failures.length ? failuresRight / failures.length : 1;
  const invented = scores.filter((s) => s.invented).map((s) => s.name);
  return {
    failuresRight,
    failures: failures.length,
    accuracy,
    invented,
    passed: accuracy >= REQUIRED_FAILURE_ACCURACY && invented.length === 0,
  };
}

const mark = (ok: boolean) => (ok ? '✓' : '✗');

function pad(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** One row per scenario: what the report said, and whether category, resource and facts are right. */
export function formatScoreTable(
  scores: readonly ScenarioScore[],
  timesMs: ReadonlyMap<string, number>,
): string {
  const header = `${pad('scenario', 30)} ${pad('kind', 8)} ${pad('category', 30)} ${pad('resource', 48)} ${pad('facts', 24)} ${'ms'.padStart(6)}  result`;
  const rows = scores.map((s) => {
    const facts = s.missingFacts.length ? `✗ missing ${s.missingFacts.join(', ')}` : '✓';
    const kind = s.kind === 'healthy-control' ? 'control' : s.kind;
    const result = s.right ? 'right' : s.invented ? 'INVENTED A CAUSE' : 'WRONG';
    return [
      pad(s.name, 30),
      pad(kind, 8),
      pad(`${mark(s.categoryOk)} ${s.category}`, 30),
      pad(`${mark(s.resourceOk)} ${s.resource || '-'}`, 48),
      pad(s.kind === 'failure' ? facts : s.missingFacts.length ? '(informative)' : '✓', 24),
      String(timesMs.get(s.name) ?? '').padStart(6),
      ` ${result}`,
    ].join(' ');
  });
  return [header, '-'.repeat(header.length), ...rows].join('\n');
}

/** `Failure scenarios: 32/33 right (97%, needs ≥ 90%) · healthy and noise: no invented cause` */
export function formatTotals(totals: EvaluationTotals, healthy: number): string {
  const percent = Math.round(totals.accuracy * 100);
  const invented = totals.invented.length
    ? `${totals.invented.length} of ${healthy} got an invented cause: ${totals.invented.join(', ')}`
    : `none of ${healthy} got an invented cause`;
  return `Failure scenarios: ${totals.failuresRight}/${totals.failures} right (${percent}%, needs ≥ ${REQUIRED_FAILURE_ACCURACY * 100}%) · healthy controls and noise: ${invented}\n${totals.passed ? 'PASS' : 'FAIL'}`;
}

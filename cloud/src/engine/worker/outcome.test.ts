import type { Report } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { outcomeOf } from './outcome.ts';

const report = (category: string, confidence: Report['confidence']): Report => ({
  summary: 's',
  rootCause: { category, statement: 's' },
  confidence,
  evidence: [],
  nextSteps: [],
  contributingFactors: [],
  links: [],
});

describe('outcomeOf', () => {
  it.each([
    ['oom_killed', 'high', 'root_cause_found'],
    ['oom_killed', 'medium', 'root_cause_found'],
    ['crash_loop_panic', 'low', 'inconclusive'],
    ['no_problem_found', 'high', 'no_problem_found'],
    // Nothing matched and health could not be confirmed either: not a clean bill of health.
    ['no_problem_found', 'low', 'inconclusive'],
  ] as const)('%s with %s confidence is %s', (category, confidence, outcome) => {
    expect(outcomeOf(report(category, confidence))).toBe(outcome);
  });
});

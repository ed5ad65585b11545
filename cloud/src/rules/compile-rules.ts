import type { Rule } from '@opsworker/shared';
import { ValidationError } from '@opsworker/shared';
import { type CompiledRule, compileRule } from './compile-rule.ts';

/** A rule left out of evaluation because it does not compile, with the reason to show its owner. */
export interface RefusedRule {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly problem: string;
}

/** An organization's rules, ready for `decide`. Compile once per change of the rule set. */
export interface CompiledRules {
  /** Enabled rules, in evaluation order. */
  readonly rules: readonly CompiledRule[];
  /** Rules that could not be compiled; they never match, and the others still run. */
  readonly refused: readonly RefusedRule[];
}

function evaluationOrder(a: Rule, b: Rule): number {
  return (
    a.priority - b.priority ||
    Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Orders rules by priority (lower first), then by creation time, then by id so the order never
 * depends on storage; leaves disabled rules out and compiles every regex and window once.
 * One broken rule is refused rather than taking the organization's whole rule set down.
 */
export function compileRules(rules: readonly Rule[]): CompiledRules {
  const compiled: CompiledRule[] = [];
  const refused: RefusedRule[] = [];
  for (const rule of rules.filter((r) => r.enabled).sort(evaluationOrder)) {
    try {
      compiled.push(compileRule(rule));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      refused.push({ ruleId: rule.id, ruleName: rule.name, problem: error.userMessage });
    }
  }
  return { rules: compiled, refused };
}

import type { Rule, RuleAction, RuleInput } from '@opsworker/shared';
import { ValidationError } from '@opsworker/shared';
import { type CompiledMatch, compileMatch } from './compile-match.ts';
import { type CompiledMaintenanceWindow, compileMaintenanceWindow } from './maintenance-window.ts';
import { ruleInputProblem } from './validate-rule-input.ts';
import { compileWeeklyWindow } from './weekly-window.ts';

/** A rule with its regexes and windows compiled, ready for `decide`. */
export interface CompiledRule {
  readonly id: string;
  readonly name: string;
  readonly action: RuleAction;
  /** Resolved alerts only reach rules with `status: 'any'`. */
  readonly firingOnly: boolean;
  readonly match: CompiledMatch;
  /** False when `activeDuring` excludes `now`. */
  isActive(now: Date): boolean;
  readonly maintenanceWindows: readonly CompiledMaintenanceWindow[];
  readonly cooldownMs: number;
}

function activity(rule: RuleInput): (now: Date) => boolean {
  if (rule.activeDuring === 'always' || !rule.businessHours) return () => true;
  const hours = compileWeeklyWindow(rule.businessHours);
  return rule.activeDuring === 'business_hours' ? hours.contains : (now) => !hours.contains(now);
}

/**
 * Compiles one rule. Throws a ValidationError when the rule is inconsistent or a regex or time
 * zone does not compile (a stored rule that skipped `validateRuleInput`).
 */
export function compileRule(rule: RuleInput & Pick<Rule, 'id'>): CompiledRule {
  const problem = ruleInputProblem(rule);
  if (problem)
    throw new ValidationError(`rule "${rule.name}": ${problem.field}: ${problem.message}`, {
      field: problem.field,
    });
  try {
    return {
      id: rule.id,
      name: rule.name,
      action: rule.action,
      firingOnly: rule.status !== 'any',
      match: compileMatch(rule.match),
      isActive: activity(rule),
      maintenanceWindows: rule.maintenanceWindows.map(compileMaintenanceWindow),
      cooldownMs: rule.cooldownMinutes * 60_000,
    };
  } catch (cause) {
    throw new ValidationError(`rule "${rule.name}" does not compile: ${(cause as Error).message}`, { cause });
  }
}

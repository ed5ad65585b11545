import { parseWith, RuleInput, ValidationError } from '@opsworker/shared';

/** A problem the schema cannot see because it spans several fields. */
export interface RuleProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * Cross-field checks beyond the zod schema: a rule limited to (or outside) business hours must
 * say what its business hours are, otherwise it would silently never (or always) apply.
 */
export function ruleInputProblem(input: RuleInput): RuleProblem | undefined {
  if (input.activeDuring !== 'always' && !input.businessHours) {
    return { field: 'businessHours', message: `is required when activeDuring is ${input.activeDuring}` };
  }
  return undefined;
}

/**
 * Parses a rule sent by a user (API, rules editor): the RuleInput schema, defaults filled in,
 * then the cross-field checks. Throws a ValidationError naming the field, safe to show a user.
 */
export function validateRuleInput(input: unknown): RuleInput {
  const rule = parseWith(RuleInput, input, 'rule');
  const problem = ruleInputProblem(rule);
  if (problem)
    throw new ValidationError(`rule: ${problem.field}: ${problem.message}`, { field: problem.field });
  return rule;
}

import type { NormalizedAlert, RuleInput } from '@opsworker/shared';
import { compileRule } from './compile-rule.ts';
import { type Decision, decide } from './decide.ts';

/** What a rule being edited would do to recent alerts. */
export interface RulePreview {
  /** The alerts the rule matches (conditions and status), in the order given. */
  matched: NormalizedAlert[];
  /** For each matched alert, same order: what the rule would decide now, cooldowns ignored. */
  decisions: Decision[];
  /** How many alerts were looked at. */
  total: number;
  /** False when `activeDuring` excludes `now`: the rule would pass every alert on to the next rule. */
  activeNow: boolean;
}

const noHistory = () => undefined;

/**
 * Previews a rule for the rules editor: which of `alerts` it would match and what it would
 * decide for them at `now`. Cooldowns are ignored (a preview has no investigation history) and
 * so is `enabled`, so a rule can be tried before it is switched on. Throws a ValidationError
 * (safe to show) when the rule does not compile.
 */
export function previewRule(input: RuleInput, alerts: readonly NormalizedAlert[], now: Date): RulePreview {
  const rule = compileRule({ ...input, id: 'preview' });
  // Judged as if active, so the editor shows what the rule does when it applies.
  const alwaysActive = { rules: [{ ...rule, isActive: () => true }], refused: [] };
  const context = { now, lastInvestigationAt: noHistory };
  const matched: NormalizedAlert[] = [];
  const decisions: Decision[] = [];
  for (const alert of alerts) {
    const decision = decide(alwaysActive, alert, context);
    if (decision.ruleId === undefined) continue;
    matched.push(alert);
    decisions.push({ action: decision.action, ruleName: decision.ruleName, reason: decision.reason });
  }
  return { matched, decisions, total: alerts.length, activeNow: rule.isActive(now) };
}

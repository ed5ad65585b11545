import type { NormalizedAlert, RuleAction } from '@opsworker/shared';
import type { CompiledRule } from './compile-rule.ts';
import type { CompiledRules } from './compile-rules.ts';
import { cooldownKey } from './cooldown-key.ts';
import { formatInstant } from './format-instant.ts';

/** What the rules decided for one alert, and why, in a sentence a user reads. */
export type Decision = {
  action: RuleAction;
  ruleId?: string;
  ruleName?: string;
  reason: string;
};

/** What `decide` needs from outside: the time, and when a rule last opened an investigation. */
export interface DecisionContext {
  now: Date;
  /** Keyed by rule id and `cooldownKey(alert)`; undefined when there was none. */
  lastInvestigationAt(ruleId: string, scopeKey: string): Date | undefined;
}

function matched(rule: CompiledRule, alert: NormalizedAlert): string {
  return `Matched rule "${rule.name}": ${rule.match.explain(alert)}`;
}

function objectOf(alert: NormalizedAlert): string {
  const { kind, namespace, name } = alert.scope;
  if (!kind || !name) return 'this alert';
  // kubectl's own notation, which on-call engineers read and paste.
  return `${kind}/${name}${namespace ? ` in namespace ${namespace}` : ''}`;
}

function cooldownDecision(
  rule: CompiledRule,
  alert: NormalizedAlert,
  context: DecisionContext,
): Decision | undefined {
  const last = context.lastInvestigationAt(rule.id, cooldownKey(alert));
  if (!last) return undefined;
  const lastMs = last.getTime();
  const nextMs = lastMs + rule.cooldownMs;
  if (context.now.getTime() >= nextMs) return undefined;
  // Rounded up so that "allowed from" is never a minute the cooldown still covers.
  const nextMinute = Math.ceil(nextMs / 60_000) * 60_000;
  return {
    action: 'notify',
    ruleId: rule.id,
    ruleName: rule.name,
    reason:
      `${matched(rule, alert)}. An investigation for ${objectOf(alert)} was opened at ${formatInstant(lastMs)}; ` +
      `the rule's ${rule.cooldownMs / 60_000}-minute cooldown allows the next one from ${formatInstant(nextMinute)}, ` +
      'so this alert is sent as a notification without a new investigation',
  };
}

/**
 * Decides what to do with one alert: the first rule (in `compileRules` order) that takes
 * resolved alerts if this one is resolved, matches, and is active now decides. Inside one of
 * that rule's maintenance windows the alert is ignored; an `investigate` rule still cooling
 * down for the same object only notifies. With no such rule the alert is ignored. Pure: the
 * time and the cooldown history come from `context`.
 */
export function decide(compiled: CompiledRules, alert: NormalizedAlert, context: DecisionContext): Decision {
  const resolved = alert.status === 'resolved';
  for (const rule of compiled.rules) {
    if (resolved && rule.firingOnly) continue;
    if (!rule.match.test(alert) || !rule.isActive(context.now)) continue;
    for (const window of rule.maintenanceWindows) {
      if (!window.contains(context.now)) continue;
      return {
        action: 'ignore',
        ruleId: rule.id,
        ruleName: rule.name,
        reason: `${matched(rule, alert)}. It is in ${window.describeUntilEnd(context.now)}, so this alert is ignored`,
      };
    }
    if (rule.action === 'investigate' && rule.cooldownMs > 0) {
      const cooling = cooldownDecision(rule, alert, context);
      if (cooling) return cooling;
    }
    return { action: rule.action, ruleId: rule.id, ruleName: rule.name, reason: matched(rule, alert) };
  }
  return { action: 'ignore', reason: 'no rule matched' };
}

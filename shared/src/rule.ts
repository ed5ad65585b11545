import { z } from 'zod';
import { AlertSource, Severity } from './alert.ts';

export const RuleAction = z.enum(['investigate', 'notify', 'ignore']);
export type RuleAction = z.infer<typeof RuleAction>;

/** A regular expression given as text; checked to compile so a bad rule is refused at save time. */
const Regex = z
  .string()
  .min(1)
  .max(500)
  .refine(
    (source) => {
      try {
        new RegExp(source);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'is not a valid regular expression' },
  );

/** Alertmanager-style label matcher: `=`, `!=`, `=~`, `!~` (regexes are anchored, as there). */
export const LabelMatcher = z
  .object({
    name: z.string().min(1).max(200),
    op: z.enum(['=', '!=', '=~', '!~']),
    value: z.string().max(500),
  })
  .superRefine((matcher, ctx) => {
    if (matcher.op === '=~' || matcher.op === '!~') {
      const result = Regex.safeParse(matcher.value);
      if (!result.success)
        ctx.addIssue({ code: 'custom', path: ['value'], message: 'is not a valid regular expression' });
    }
  });
export type LabelMatcher = z.infer<typeof LabelMatcher>;

/**
 * Conditions of a rule. Only the conditions present take part; `combine` says whether all of
 * them (`and`) or any of them (`or`) must hold. A rule with no condition matches every alert.
 */
export const RuleMatch = z.object({
  combine: z.enum(['and', 'or']).default('and'),
  sources: z.array(AlertSource).min(1).optional(),
  /** Against the `alertname` label, or the title when there is none. */
  alertName: Regex.optional(),
  minSeverity: Severity.optional(),
  severities: z.array(Severity).min(1).optional(),
  clusters: z.array(z.string().min(1)).min(1).optional(),
  namespace: Regex.optional(),
  labels: z.array(LabelMatcher).min(1).max(20).optional(),
});
export type RuleMatch = z.infer<typeof RuleMatch>;

const Weekday = z.number().int().min(0).max(6);
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');
const TimeZone = z
  .string()
  .default('UTC')
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'is not a known IANA time zone' },
  );

/** Days (0 = Sunday) and a daily time range in a time zone; `end` before `start` wraps midnight. */
export const WeeklyWindow = z.object({
  days: z.array(Weekday).min(1).max(7),
  start: ClockTime,
  end: ClockTime,
  timeZone: TimeZone,
});
export type WeeklyWindow = z.infer<typeof WeeklyWindow>;

export const MaintenanceWindow = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('once'),
      name: z.string().max(200).optional(),
      start: z.iso.datetime({ offset: true }),
      end: z.iso.datetime({ offset: true }),
    })
    .refine((w) => Date.parse(w.end) > Date.parse(w.start), {
      message: 'end must be after start',
      path: ['end'],
    }),
  WeeklyWindow.extend({ type: z.literal('weekly'), name: z.string().max(200).optional() }),
]);
export type MaintenanceWindow = z.infer<typeof MaintenanceWindow>;

/** What a user sends to create or replace a rule. */
export const RuleInput = z.object({
  name: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  enabled: z.boolean().default(true),
  /** Lower runs first; the first matching rule decides. */
  priority: z.number().int().min(0).max(1_000_000).default(100),
  match: RuleMatch.default({ combine: 'and' }),
  /** Only firing alerts take part unless this is `any`. */
  status: z.enum(['firing', 'any']).default('firing'),
  action: RuleAction,
  /** After this rule opens an investigation for an object, same-object alerts are only noted for this long. */
  cooldownMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(0),
  maintenanceWindows: z.array(MaintenanceWindow).max(50).default([]),
  /** With `business_hours` the rule applies only inside them; with `outside_business_hours` only outside. */
  activeDuring: z.enum(['always', 'business_hours', 'outside_business_hours']).default('always'),
  businessHours: WeeklyWindow.optional(),
  /** Slack channel for alerts this rule decides on (the chatbot falls back to its default). */
  slackChannel: z.string().max(200).optional(),
});
export type RuleInput = z.infer<typeof RuleInput>;

export const Rule = RuleInput.extend({
  id: z.string(),
  orgId: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Rule = z.infer<typeof Rule>;

/** Why an alert was or was not investigated: one per notification that reached the rules. */
export const RuleDecision = z.object({
  id: z.string(),
  orgId: z.string(),
  alertId: z.string(),
  fingerprint: z.string(),
  at: z.iso.datetime(),
  action: RuleAction,
  ruleId: z.string().optional(),
  ruleName: z.string().optional(),
  reason: z.string(),
  /** Set when the decision opened an investigation or attached the alert to an open one. */
  investigationId: z.string().optional(),
  grouped: z.boolean().default(false),
});
export type RuleDecision = z.infer<typeof RuleDecision>;

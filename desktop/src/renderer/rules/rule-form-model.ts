import {
  type AlertSource,
  type LabelMatcher,
  type Rule,
  type RuleAction,
  RuleInput,
  type Severity,
} from '@opsworker/shared';
import { type FieldErrors, zodFieldErrors } from '../common/field-errors.ts';

/** A rule as the form edits it: text where the user types, lists where they tick. */
export interface RuleForm {
  name: string;
  description: string;
  enabled: boolean;
  priority: string;
  action: RuleAction;
  status: 'firing' | 'any';
  cooldownMinutes: string;
  combine: 'and' | 'or';
  sources: AlertSource[];
  alertName: string;
  minSeverity: Severity | '';
  clusters: string;
  namespace: string;
  /** One matcher per line: `team=payments`, `env!=dev`, `pod=~web-.*`. */
  labels: string;
  activeDuring: 'always' | 'business_hours' | 'outside_business_hours';
  slackChannel: string;
  /** Parts the form does not edit, kept as they are on save. */
  kept: Pick<RuleInput, 'maintenanceWindows' | 'businessHours' | 'match'>;
}

export function ruleToForm(rule?: Rule): RuleForm {
  const match = rule?.match ?? { combine: 'and' as const };
  return {
    name: rule?.name ?? '',
    description: rule?.description ?? '',
    enabled: rule?.enabled ?? true,
    priority: String(rule?.priority ?? 100),
    action: rule?.action ?? 'investigate',
    status: rule?.status ?? 'firing',
    cooldownMinutes: String(rule?.cooldownMinutes ?? 0),
    combine: match.combine,
    sources: match.sources ?? [],
    alertName: match.alertName ?? '',
    minSeverity: match.minSeverity ?? '',
    clusters: (match.clusters ?? []).join(', '),
    namespace: match.namespace ?? '',
    labels: (match.labels ?? []).map((m) => `${m.name}${m.op}${m.value}`).join('\n'),
    activeDuring: rule?.activeDuring ?? 'always',
    slackChannel: rule?.slackChannel ?? '',
    kept: {
      maintenanceWindows: rule?.maintenanceWindows ?? [],
      businessHours: rule?.businessHours,
      match,
    },
  };
}

const MATCHER = /^\s*([^=!~\s]+)\s*(=~|!~|!=|=)\s*(.*?)\s*$/;

function parseLabels(text: string): LabelMatcher[] | { error: string } {
  const matchers: LabelMatcher[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const parsed = MATCHER.exec(line);
    if (!parsed)
      return { error: `line ${index + 1}: write name=value, name!=value, name=~regex or name!~regex` };
    matchers.push({ name: parsed[1]!, op: parsed[2] as LabelMatcher['op'], value: parsed[3]! });
  }
  return matchers;
}

const numberOrText = (text: string) =>
  text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;

/**
 * Checks the form with the same schema the API uses (so the user sees the API's rules before
 * saving), with messages at the fields; returns the rule to send when it is valid.
 */
export function validateRuleForm(form: RuleForm): { input: RuleInput } | { errors: FieldErrors } {
  const labels = parseLabels(form.labels);
  if ('error' in labels) return { errors: { 'match.labels': labels.error } };
  const clusters = form.clusters
    .split(',')
    .map((cluster) => cluster.trim())
    .filter(Boolean);
  const { severities } = form.kept.match;
  const draft = {
    name: form.name.trim(),
    ...(form.description.trim() ? { description: form.description.trim() } : {}),
    enabled: form.enabled,
    priority: numberOrText(form.priority),
    action: form.action,
    status: form.status,
    cooldownMinutes: numberOrText(form.cooldownMinutes),
    match: {
      combine: form.combine,
      ...(form.sources.length ? { sources: form.sources } : {}),
      ...(form.alertName.trim() ? { alertName: form.alertName.trim() } : {}),
      ...(form.minSeverity ? { minSeverity: form.minSeverity } : {}),
      ...(severities ? { severities } : {}),
      ...(clusters.length ? { clusters } : {}),
      ...(form.namespace.trim() ? { namespace: form.namespace.trim() } : {}),
      ...(labels.length ? { labels } : {}),
    },
    maintenanceWindows: form.kept.maintenanceWindows,
    activeDuring: form.activeDuring,
    ...(form.kept.businessHours ? { businessHours: form.kept.businessHours } : {}),
    ...(form.slackChannel.trim() ? { slackChannel: form.slackChannel.trim() } : {}),
  };
  const parsed = RuleInput.safeParse(draft);
  if (!parsed.success) {
    const errors = zodFieldErrors(parsed.error);
    // Matcher issues are reported per matcher (`match.labels.0.value`): show them at the labels box.
    for (const key of Object.keys(errors))
      if (key.startsWith('match.labels.')) errors['match.labels'] ??= errors[key]!;
    return { errors };
  }
  return { input: parsed.data };
}

/** Where a field's error is shown, for errors the API reports on paths the form shows together. */
export const RULE_FIELDS = [
  'name',
  'description',
  'priority',
  'action',
  'status',
  'cooldownMinutes',
  'match.sources',
  'match.alertName',
  'match.minSeverity',
  'match.clusters',
  'match.namespace',
  'match.labels',
  'activeDuring',
  'slackChannel',
];

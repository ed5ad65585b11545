import { type Severity, severityRank } from '@opsworker/shared';

/**
 * Words monitoring tools use for severity or priority, folded onto OpsWorker's four levels.
 * Priorities follow the common P1 (page now) … P5 (informational) scale; `none` is what
 * kube-prometheus puts on its Watchdog alert.
 */
const SEVERITY_WORDS: Readonly<Record<string, Severity>> = {
  critical: 'critical',
  crit: 'critical',
  page: 'critical',
  p1: 'critical',
  sev1: 'critical',
  emergency: 'critical',
  emerg: 'critical',
  fatal: 'critical',
  disaster: 'critical',
  error: 'error',
  err: 'error',
  high: 'error',
  major: 'error',
  p2: 'error',
  sev2: 'error',
  warning: 'warning',
  warn: 'warning',
  medium: 'warning',
  moderate: 'warning',
  minor: 'warning',
  p3: 'warning',
  sev3: 'warning',
  info: 'info',
  informational: 'info',
  notice: 'info',
  low: 'info',
  none: 'info',
  p4: 'info',
  p5: 'info',
  sev4: 'info',
  sev5: 'info',
};

/** The level a severity word stands for, or undefined when the word is not one we know. */
export function severityFromText(text: string | undefined): Severity | undefined {
  if (text === undefined) return undefined;
  // Most senders write the word as listed ("warning", "critical"): no need to tidy it first.
  if (Object.hasOwn(SEVERITY_WORDS, text)) return SEVERITY_WORDS[text];
  const word = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');
  return Object.hasOwn(SEVERITY_WORDS, word) ? SEVERITY_WORDS[word] : undefined;
}

/** The less severe of two levels: caps a severity (e.g. a Datadog warn threshold is never critical). */
export function lowerSeverity(a: Severity, b: Severity): Severity {
  return severityRank(a) <= severityRank(b) ? a : b;
}

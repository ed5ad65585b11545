import type { Severity } from '@opsworker/shared';
import { severityFromText } from './severity.ts';

/** `severity=critical`, `sev: p2`, `Severity: High` anywhere in an alarm's name or description. */
const SEVERITY_FIELD = /\bsev(?:erity)?\s*[:=]\s*([a-z0-9]+)/i;

/**
 * Words that mean a severity on their own, as teams put them in alarm names
 * (`prod-api-critical`, `[P2] checkout latency`). Words that are also ordinary vocabulary
 * (`high`, `low`, `info`, `error`, `page`) are left out: `HighCPU` or `api-error-rate` says
 * what is measured, not how bad it is.
 */
const SEVERITY_TOKENS: ReadonlySet<string> = new Set([
  'critical',
  'crit',
  'fatal',
  'emergency',
  'warning',
  'warn',
  'p1',
  'p2',
  'p3',
  'p4',
  'p5',
  'sev1',
  'sev2',
  'sev3',
  'sev4',
  'sev5',
]);

/** The severity an alarm's author wrote into its name or description, if any. */
export function severityInAlarmText(name: string, description: string | undefined): Severity | undefined {
  for (const text of [name, description ?? '']) {
    const field = SEVERITY_FIELD.exec(text);
    const severity = severityFromText(field?.[1]);
    if (severity) return severity;
  }
  for (const token of name.toLowerCase().split(/[^a-z0-9]+/)) {
    if (SEVERITY_TOKENS.has(token)) return severityFromText(token);
  }
  return undefined;
}

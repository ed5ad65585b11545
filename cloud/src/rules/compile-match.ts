import { type NormalizedAlert, type RuleMatch, severityRank } from '@opsworker/shared';
import { compileLabelMatcher } from './label-matcher.ts';
import { labelValue } from './label-value.ts';

/** One condition of a rule: a fast test, and a phrase saying why it held. */
interface Condition {
  holds(alert: NormalizedAlert): boolean;
  explain(alert: NormalizedAlert): string;
}

/** The conditions of a rule, combined. */
export interface CompiledMatch {
  test(alert: NormalizedAlert): boolean;
  /** The conditions that held (for `or`, only those), as a phrase: `severity warning ≥ warning and source is grafana`. */
  explain(alert: NormalizedAlert): string;
}

/** The alert name: the `alertname` label, or the title for sources that have no such label. */
export function alertNameOf(alert: NormalizedAlert): string {
  return labelValue(alert.labels, 'alertname') || alert.title;
}

/** The namespace: from the scope, falling back to the `namespace` label; `''` when neither. */
export function namespaceOf(alert: NormalizedAlert): string {
  return alert.scope.namespace ?? labelValue(alert.labels, 'namespace');
}

function oneOf(what: string, value: string, allowed: readonly string[]): string {
  return allowed.length === 1 ? `${what} is ${value}` : `${what} ${value} is one of ${allowed.join(', ')}`;
}

function conditionsOf(match: RuleMatch): Condition[] {
  const conditions: Condition[] = [];
  const { sources, alertName, minSeverity, severities, clusters, namespace, labels } = match;
  if (sources) {
    const allowed = new Set<string>(sources);
    conditions.push({
      holds: (alert) => allowed.has(alert.source),
      explain: (alert) => oneOf('source', alert.source, sources),
    });
  }
  if (alertName !== undefined) {
    const re = new RegExp(alertName);
    conditions.push({
      holds: (alert) => re.test(alertNameOf(alert)),
      explain: (alert) => `alert name "${alertNameOf(alert)}" matches /${alertName}/`,
    });
  }
  if (minSeverity) {
    const min = severityRank(minSeverity);
    conditions.push({
      holds: (alert) => severityRank(alert.severity) >= min,
      explain: (alert) => `severity ${alert.severity} ≥ ${minSeverity}`,
    });
  }
  if (severities) {
    const allowed = new Set<string>(severities);
    conditions.push({
      holds: (alert) => allowed.has(alert.severity),
      explain: (alert) => oneOf('severity', alert.severity, severities),
    });
  }
  if (clusters) {
    const allowed = new Set(clusters);
    conditions.push({
      holds: (alert) => alert.scope.cluster !== undefined && allowed.has(alert.scope.cluster),
      explain: (alert) => oneOf('cluster', `"${alert.scope.cluster}"`, clusters),
    });
  }
  if (namespace !== undefined) {
    const re = new RegExp(namespace);
    conditions.push({
      holds: (alert) => re.test(namespaceOf(alert)),
      explain: (alert) => `namespace "${namespaceOf(alert)}" matches /${namespace}/`,
    });
  }
  if (labels) {
    // The matchers form one condition, all of them required, as in an Alertmanager route.
    const matchers = labels.map(compileLabelMatcher);
    const text = `labels match {${matchers.map((m) => m.text).join(', ')}}`;
    conditions.push({
      holds: (alert) => {
        for (const matcher of matchers) if (!matcher.test(alert.labels)) return false;
        return true;
      },
      explain: () => text,
    });
  }
  return conditions;
}

/**
 * Compiles a rule's conditions once (regexes included). `alertName` and `namespace` are
 * unanchored searches (`api` matches `payments-api`; write `^api$` for an exact name), unlike
 * label matchers, which are anchored as in Alertmanager. A missing namespace is searched as
 * `''`. `labels` counts as one condition that needs every matcher. With `combine: 'and'` every
 * condition present must hold, with `or` at least one; no condition at all matches every alert.
 * Throws a SyntaxError for a regex that does not compile.
 */
export function compileMatch(match: RuleMatch): CompiledMatch {
  const conditions = conditionsOf(match);
  if (conditions.length === 0) return { test: () => true, explain: () => 'it matches every alert' };
  const any = match.combine === 'or';
  return {
    test: (alert) => {
      for (const condition of conditions) if (condition.holds(alert) === any) return any;
      return !any;
    },
    explain: (alert) =>
      conditions
        .filter((condition) => condition.holds(alert))
        .map((condition) => condition.explain(alert))
        .join(' and '),
  };
}

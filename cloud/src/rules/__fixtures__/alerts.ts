import { readFileSync } from 'node:fs';
import { NormalizedAlert, Rule, type RuleInput } from '@opsworker/shared';
import { z } from 'zod';

const KubePrometheusAlerts = z.record(z.string(), NormalizedAlert);

/** Alerts as kube-prometheus raises them (real label sets), already normalized. */
export const kubePrometheusAlerts = KubePrometheusAlerts.parse(
  JSON.parse(readFileSync(new URL('./kube-prometheus-alerts.json', import.meta.url), 'utf8')),
);

/** One fixture by alert name; throws when the fixture file lacks it so a typo fails loudly. */
export function kubePrometheusAlert(name: string): NormalizedAlert {
  const alert = kubePrometheusAlerts[name];
  if (!alert) throw new Error(`no kube-prometheus fixture named ${name}`);
  return alert;
}

/** A firing alert built through the real schema, with only what a test cares about given. */
export function makeAlert(overrides: Partial<NormalizedAlert> = {}): NormalizedAlert {
  return NormalizedAlert.parse({
    source: 'alertmanager',
    fingerprint: 'f00dfeed12345678',
    status: 'firing',
    severity: 'warning',
    title: 'SomethingIsWrong',
    labels: {},
    annotations: {},
    startsAt: '2026-03-06T09:00:00Z',
    links: [],
    scope: {},
    ...overrides,
  });
}

let sequence = 0;

/** A stored rule built through the real schema (defaults filled in as the API would). */
export function makeRule(input: Partial<RuleInput> & Partial<Pick<Rule, 'id' | 'createdAt'>> = {}): Rule {
  sequence += 1;
  return Rule.parse({
    id: `rule-${sequence}`,
    orgId: 'org-1',
    name: `Rule ${sequence}`,
    action: 'investigate',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...input,
  });
}

/**
 * Throughput of `decide`, for the performance budget (normalize + dedup + rules ≥ 50,000
 * alerts/s on one core). Not a test: run `node cloud/src/rules/measure-decide.ts` from the repo
 * root. Prints the median of several rounds, measured side by side, because machines are noisy.
 */
import {
  type MaintenanceWindow,
  type NormalizedAlert,
  Rule,
  type RuleInput,
  type WeeklyWindow,
} from '@opsworker/shared';
import { kubePrometheusAlerts } from '../cloud/src/rules/__fixtures__/alerts.ts';
import { type CompiledRules, compileRules } from '../cloud/src/rules/compile-rules.ts';
import { cooldownKey } from '../cloud/src/rules/cooldown-key.ts';
import { decide } from '../cloud/src/rules/decide.ts';
import { defaultRules } from '../cloud/src/rules/default-rules.ts';
import type { BenchResult } from './support/bench-result.ts';

function stored(inputs: RuleInput[]): Rule[] {
  return inputs.map((input, index) =>
    Rule.parse({
      ...input,
      id: `r${index}`,
      orgId: 'o',
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    }),
  );
}

const hours: WeeklyWindow = {
  days: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '18:00',
  timeZone: 'Europe/Berlin',
};
const nightly: MaintenanceWindow = {
  type: 'weekly',
  name: 'Backups',
  days: [0, 1, 2, 3, 4, 5, 6],
  start: '02:00',
  end: '03:00',
  timeZone: 'America/New_York',
};

/** Twenty rules a busy organization might have: regexes, label matchers, windows, business hours. */
function twentyRules(): RuleInput[] {
  const teams = ['payments', 'search', 'checkout', 'identity', 'data'];
  const specific: RuleInput[] = teams.flatMap((team, i) => [
    {
      ...base(`${team} critical`, 10 + i),
      match: {
        combine: 'and',
        labels: [
          { name: 'team', op: '=', value: team },
          { name: 'env', op: '=~', value: 'prod|production' },
        ],
        minSeverity: 'critical',
      },
      action: 'investigate',
      cooldownMinutes: 15,
    },
    {
      ...base(`${team} noisy`, 20 + i),
      match: { combine: 'and', alertName: `^(${team}Latency|${team}Saturation)`, namespace: `^${team}-` },
      action: 'notify',
      maintenanceWindows: [nightly],
    },
  ]);
  const broad: RuleInput[] = [
    {
      ...base('Ignore staging', 40),
      match: { combine: 'and', clusters: ['staging-eu', 'staging-us'] },
      action: 'ignore',
    },
    {
      ...base('Ignore test namespaces', 41),
      match: {
        combine: 'or',
        namespace: '^(test|e2e|tmp)-',
        labels: [
          { name: 'env', op: '!~', value: 'prod.*' },
          { name: 'env', op: '!=', value: '' },
        ],
      },
      action: 'ignore',
    },
    {
      ...base('Heartbeats', 42),
      status: 'any',
      match: { combine: 'and', alertName: '^(Watchdog|InfoInhibitor|DeadMansSwitch)$' },
      action: 'ignore',
    },
    {
      ...base('Grafana and Datadog by day', 43),
      match: { combine: 'and', sources: ['grafana', 'datadog'] },
      action: 'investigate',
      activeDuring: 'business_hours',
      businessHours: hours,
    },
    {
      ...base('Kube system', 44),
      match: {
        combine: 'and',
        namespace: 'kube-system|monitoring',
        labels: [{ name: 'job', op: '=~', value: 'kube-.*' }],
      },
      action: 'notify',
    },
    {
      ...base('Storage', 45),
      match: {
        combine: 'or',
        alertName: 'PersistentVolume|Disk|Filesystem',
        labels: [{ name: 'persistentvolumeclaim', op: '!=', value: '' }],
      },
      action: 'investigate',
      cooldownMinutes: 60,
    },
    {
      ...base('Nights: critical only', 46),
      match: { combine: 'and', minSeverity: 'critical' },
      action: 'investigate',
      activeDuring: 'outside_business_hours',
      businessHours: hours,
      cooldownMinutes: 30,
    },
    {
      ...base('Investigate warning and above', 47),
      match: { combine: 'and', minSeverity: 'warning' },
      action: 'investigate',
      cooldownMinutes: 30,
    },
    { ...base('Info', 48), match: { combine: 'and', severities: ['info'] }, action: 'notify' },
    { ...base('Catch-all', 49), match: { combine: 'and' }, action: 'notify' },
  ];
  return [...specific, ...broad];
}

function base(name: string, priority: number): Omit<RuleInput, 'match' | 'action'> {
  return {
    name,
    priority,
    enabled: true,
    status: 'firing',
    cooldownMinutes: 0,
    maintenanceWindows: [],
    activeDuring: 'always',
  };
}

/** Real kube-prometheus alerts, varied per object so cooldown lookups hit and miss. */
function corpus(size: number): NormalizedAlert[] {
  const templates = Object.values(kubePrometheusAlerts);
  return Array.from({ length: size }, (_, i) => {
    const template = templates[i % templates.length]!;
    const name = `${template.scope.name ?? 'object'}-${i % 97}`;
    // Every fifth alert comes from Grafana so the business-hours rule is evaluated too.
    const source = i % 5 === 0 ? 'grafana' : template.source;
    return {
      ...template,
      source,
      fingerprint: `${template.fingerprint}${i}`,
      scope: { ...template.scope, name },
    };
  });
}

function decisionsPerSecond(compiled: CompiledRules, alerts: NormalizedAlert[], rounds: number): number {
  const history = new Map<string, Date>();
  for (const alert of alerts.slice(0, 200))
    history.set(`r1 ${cooldownKey(alert)}`, new Date('2026-03-09T09:50:00Z'));
  const start = Date.parse('2026-03-09T10:00:00Z');
  const lastInvestigationAt = (ruleId: string, key: string) => history.get(`${ruleId} ${key}`);
  const rates: number[] = [];
  let sink = 0;
  for (let round = 0; round < rounds; round++) {
    const started = process.hrtime.bigint();
    // Webhooks deliver alerts in batches: a new `now` every 100 alerts, 10 s apart, so the
    // per-minute local-time cache misses about as often as it would in service.
    let context = { now: new Date(start), lastInvestigationAt };
    for (let i = 0; i < alerts.length; i++) {
      if (i % 100 === 0) context = { now: new Date(start + (i / 100) * 10_000), lastInvestigationAt };
      sink += decide(compiled, alerts[i]!, context).reason.length;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    rates.push(alerts.length / seconds);
  }
  if (sink === 0) throw new Error('unreachable: keeps the loop from being optimized away');
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)]!;
}

/** Decisions per second for the default rule set and for 20 rules (informational; the target is the whole path). */
export async function run(): Promise<BenchResult[]> {
  const alerts = corpus(20_000);
  const sets = {
    'rules: decide, default set (3 rules)': compileRules(stored(defaultRules())),
    'rules: decide, 20 rules (regex, labels, windows)': compileRules(stored(twentyRules())),
  };
  for (const compiled of Object.values(sets)) decisionsPerSecond(compiled, alerts, 5); // warm-up
  return Object.entries(sets).map(([name, compiled]) => ({
    name,
    value: Math.round(decisionsPerSecond(compiled, alerts, 15)),
    unit: 'decisions/s',
  }));
}

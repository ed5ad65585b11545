/**
 * How many alerts per second `normalize` handles for an Alertmanager group of 10
 * kube-prometheus alerts, on one core (informational: the target is the whole pipeline).
 */
import { readFileSync } from 'node:fs';
import { normalize } from '../cloud/src/normalize/index.ts';
import type { BenchResult } from './support/bench-result.ts';
import { median } from './support/stats.ts';

const ALERTS_PER_PAYLOAD = 10;
const ROUNDS = 5;
const ROUND_MS = 1000;

const fixture = readFileSync(
  new URL('../cloud/src/normalize/fixtures/alertmanager/kube-pod-crash-looping.firing.json', import.meta.url),
  'utf8',
);
const template = JSON.parse(fixture) as {
  alerts: Array<{ labels: Record<string, string>; fingerprint: string }>;
};
const [first] = template.alerts;
if (!first) throw new Error('fixture has no alert');
template.alerts = Array.from({ length: ALERTS_PER_PAYLOAD }, (_, index) => ({
  ...first,
  labels: { ...first.labels, pod: `api-7c9d8b6f5-${index}` },
  fingerprint: `${first.fingerprint.slice(0, 14)}${index.toString(16).padStart(2, '0')}`,
}));
const body = JSON.stringify(template);
const options = { receivedAt: new Date() };

async function alertsPerSecond(parseJson: boolean): Promise<number> {
  const parsed = JSON.parse(body);
  let alerts = 0;
  const start = performance.now();
  while (performance.now() - start < ROUND_MS) {
    for (let i = 0; i < 100; i += 1) {
      const result = await normalize('alertmanager', parseJson ? JSON.parse(body) : parsed, options);
      if (result.kind === 'alerts') alerts += result.alerts.length;
    }
  }
  return alerts / ((performance.now() - start) / 1000);
}

export async function run(): Promise<BenchResult[]> {
  await alertsPerSecond(false); // warm-up: let the JIT settle
  const results: BenchResult[] = [];
  for (const parseJson of [false, true]) {
    const rounds: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) rounds.push(await alertsPerSecond(parseJson));
    results.push({
      name: parseJson
        ? 'normalize: JSON.parse + normalize (Alertmanager, 10 alerts)'
        : 'normalize: normalize only (Alertmanager, 10 alerts)',
      value: Math.round(median(rounds)),
      unit: 'alerts/s',
      detail: `median of ${ROUNDS} one-second rounds`,
    });
  }
  return results;
}

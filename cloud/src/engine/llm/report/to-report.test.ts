import type { Report } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from './evidence-catalog.ts';
import type { ReporterOutput } from './reporter-output.ts';
import { toReport } from './to-report.ts';

const log = [
  'connecting to redis at inventory-cache:6379',
  'Error: connect ECONNREFUSED 172.20.217.69:6379 (attempt 1/5)',
  'Error: connect ECONNREFUSED 172.20.217.69:6379 (attempt 5/5)',
  'fatal: cache unavailable after 5 attempts',
].join('\n');
const catalog = new Map<string, CatalogEntry>([
  [
    'op-1',
    {
      id: 'op-1',
      title: 'kubectl -n inventory logs api-1 --previous',
      source: log,
      excerpt: 'fatal: cache unavailable after 5 attempts',
    },
  ],
]);
const deterministic: Report = {
  summary: 'api crash-loops',
  rootCause: { category: 'crash_loop_panic', statement: 'api exits' },
  confidence: 'low',
  evidence: [{ id: 'ev_1', title: 'Pod api-1', excerpt: 'CrashLoopBackOff' }],
  nextSteps: [],
  contributingFactors: [],
  links: [{ title: 'Runbook', url: 'https://runbooks.example/crash' }],
};
const output = (
  evidence: ReporterOutput['evidence'],
  extra: Partial<ReporterOutput> = {},
): ReporterOutput => ({
  summary: 'The cache is down.',
  rootCause: {
    category: 'crash_loop_dependency',
    statement: 'inventory-cache is down',
    resource: 'deployment/inventory-cache',
  },
  confidence: 'high',
  contributingFactors: [],
  evidence,
  nextSteps: [],
  ...extra,
});

describe('toReport', () => {
  it('accepts a quote whose lines all appear in the evidence, ellipses and spacing aside', () => {
    const excerpt =
      'Error: connect  ECONNREFUSED 172.20.217.69:6379 (attempt 1/5)\n…\nfatal: cache unavailable after 5 attempts';
    const report = toReport(output([{ id: 'op-1', excerpt }]), catalog, deterministic);
    expect(report.evidence).toEqual([
      { id: 'op-1', title: 'kubectl -n inventory logs api-1 --previous', excerpt },
    ]);
    expect(report.confidence).toBe('high');
    expect(report.links).toEqual(deterministic.links);
  });

  it('replaces a misquote with the evidence’s own lines', () => {
    const report = toReport(
      output([{ id: 'op-1', excerpt: 'redis: connection timed out' }]),
      catalog,
      deterministic,
    );
    expect(report.evidence[0]?.excerpt).toBe('fatal: cache unavailable after 5 attempts');
  });

  it('drops evidence that was never collected and, left with none, cannot claim high confidence', () => {
    const report = toReport(output([{ id: 'ev_made_up', excerpt: 'x' }]), catalog, deterministic);
    expect(report.evidence).toEqual(deterministic.evidence);
    expect(report.confidence).toBe('medium');
  });

  it('redacts anything secret-shaped the model wrote', () => {
    const report = toReport(
      output([], {
        nextSteps: [{ description: 'Reconnect', command: 'psql postgres://app:hunter2-db@db:5432/shop' }],
      }),
      catalog,
      deterministic,
    );
    expect(report.nextSteps[0]?.command).not.toContain('hunter2-db');
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Investigation } from '@opsworker/shared';
import { makeId } from '../cloud/src/ids/make-id.ts';
import { LocalStore } from '../cloud/src/store/local/local-store.ts';
import type { BenchResult } from './support/bench-result.ts';
import { percentile, round } from './support/stats.ts';

function investigation(n: number, at: Date): Investigation {
  return {
    id: makeId('inv', at),
    orgId: 'default',
    status: 'completed',
    title: `KubePodCrashLooping: pod shop/checkout-${n} is crash looping`,
    severity: 'warning',
    scope: { cluster: 'prod-eu-1', namespace: 'shop', kind: 'pods', name: `checkout-7d9f8b6c5d-${n}` },
    trigger: {
      type: 'alert',
      alertId: `alert_${n}`,
      fingerprint: `alertmanager:${n}`,
      source: 'alertmanager',
    },
    alertIds: [`alert_${n}`],
    groupKey: `prod-eu-1/shop/workload/checkout-${n}`,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
    report: {
      summary: 'The container exceeds its 256Mi memory limit and is killed (exit 137), 7 restarts in 20 min.',
      rootCause: {
        category: 'oom_killed',
        statement: 'OOMKilled: memory limit 256Mi exceeded',
        resource: `pod/checkout-${n}`,
      },
      confidence: 'high',
      evidence: [
        { id: `ev_${n}`, title: 'Last state', excerpt: 'lastState.terminated.reason=OOMKilled exitCode=137' },
      ],
      nextSteps: [
        {
          description: 'Raise the limit',
          command: 'kubectl -n shop set resources deployment/checkout --limits=memory=512Mi',
        },
      ],
      contributingFactors: [],
      links: [],
    },
  };
}

/**
 * Latency of writing one investigation (insert, then update) when 1k, 10k and 100k are already
 * stored. lowdb rewrites whole files, so this shows whether write cost grows with history.
 * Target: p99 ≤ 10 ms at every size.
 */
export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const size of [1_000, 10_000, 100_000]) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
    try {
      const store = new LocalStore(dir);
      const base = Date.now() - size * 1000;
      for (let start = 0; start < size; start += 5_000) {
        const batch = Array.from({ length: Math.min(5_000, size - start) }, (_, i) =>
          investigation(start + i, new Date(base + (start + i) * 1000)),
        );
        await store.apply({ investigations: batch });
      }
      const latencies: number[] = [];
      for (let i = 0; i < 300; i++) {
        const fresh = investigation(size + i, new Date());
        let started = performance.now();
        await store.putInvestigation(fresh);
        latencies.push(performance.now() - started);
        started = performance.now();
        await store.putInvestigation({ ...fresh, status: 'running' });
        latencies.push(performance.now() - started);
      }
      const p99 = percentile(latencies, 99);
      results.push({
        name: `store: write p99 with ${size.toLocaleString('en-US')} investigations stored`,
        value: round(p99),
        unit: 'ms',
        target: '≤ 10 ms',
        met: p99 <= 10,
        detail: `p50 ${round(percentile(latencies, 50))} ms over ${latencies.length} writes (inserts and updates)`,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}

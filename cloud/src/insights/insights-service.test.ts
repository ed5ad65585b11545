import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Alert, Investigation, Severity } from '@opsworker/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAlert } from '../rules/__fixtures__/alerts.ts';
import { LocalStore } from '../store/local/local-store.ts';
import { InsightsService } from './insights-service.ts';

const NOW = new Date('2026-11-24T09:00:00.000Z');
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();

function storedAlert(
  id: string,
  title: string,
  severity: Severity,
  firstSeenHoursAgo: number,
  extra: Partial<Alert> = {},
): Alert {
  const at = hoursAgo(firstSeenHoursAgo);
  return {
    ...makeAlert({ fingerprint: id, title, severity, startsAt: at }),
    id,
    orgId: 'default',
    receivedCount: 1,
    firstSeenAt: at,
    lastSeenAt: at,
    lastReceipt: 1,
    ...extra,
  };
}

function investigation(id: string, createdHoursAgo: number, extra: Partial<Investigation>): Investigation {
  const at = hoursAgo(createdHoursAgo);
  return {
    id,
    orgId: 'default',
    status: 'completed',
    title: id,
    severity: 'critical',
    scope: { cluster: 'prod', namespace: 'shop', kind: 'deployments', name: id },
    trigger: { type: 'manual' },
    alertIds: [],
    groupKey: id,
    createdAt: at,
    updatedAt: at,
    ...extra,
  };
}

describe('InsightsService', () => {
  let dir: string;
  let store: LocalStore;
  let insights: InsightsService;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'insights-'));
    store = new LocalStore(dir);
    insights = new InsightsService({ store, now: () => NOW });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('counts the window only, by day and severity, by hour, and ranks the noisiest alerts', async () => {
    await store.apply({
      alerts: [
        storedAlert('a1', 'KubePodCrashLooping', 'critical', 2, { receivedCount: 7, status: 'firing' }),
        storedAlert('a2', 'KubePodCrashLooping', 'warning', 3, { receivedCount: 2, status: 'resolved' }),
        storedAlert('a3', 'HighLatency', 'warning', 30, { status: 'resolved' }),
        // Outside a one-day window, still inside seven days.
        storedAlert('a4', 'DiskFull', 'error', 50, { status: 'resolved' }),
      ],
    });
    const day = await insights.compute('default', { days: '1' });
    expect(day.alertsReceived).toBe(2);
    expect(day.notificationsReceived).toBe(9);
    expect(day.topAlerts).toEqual([{ title: 'KubePodCrashLooping', severity: 'critical', count: 9 }]);
    expect(day.alertsPerHour).toHaveLength(24);
    expect(day.alertsPerHour.reduce((sum, hour) => sum + hour.count, 0)).toBe(2);
    expect(day.stillFiring.map((alert) => alert.alertId)).toEqual(['a1']);

    const week = await insights.compute('default', { days: 7 });
    expect(week.alertsReceived).toBe(4);
    const perDay = Object.fromEntries(week.alertsPerDay.map((d) => [d.date, d]));
    expect(perDay['2026-11-24']).toMatchObject({ critical: 1, warning: 1, total: 2 });
    expect(perDay['2026-11-22']).toMatchObject({ error: 1, total: 1 });
    expect(week.alertsPerDay.at(-1)?.date).toBe('2026-11-24');
  });

  it('reports root causes, accuracy from feedback, time to first finding and time saved', async () => {
    const report = (category: string) => ({
      summary: 's',
      rootCause: { category, statement: 'x' },
      confidence: 'high' as const,
      evidence: [],
      nextSteps: [],
      contributingFactors: [],
      links: [],
    });
    const rated = (rating: 'accurate' | 'partially_accurate' | 'needs_improvement') => ({
      rating,
      via: 'slack' as const,
      at: NOW.toISOString(),
    });
    await store.apply({
      investigations: [
        investigation('i1', 5, {
          outcome: 'root_cause_found',
          report: report('crash_loop'),
          feedback: rated('accurate'),
        }),
        investigation('i2', 4, {
          outcome: 'root_cause_found',
          report: report('crash_loop'),
          feedback: rated('partially_accurate'),
        }),
        investigation('i3', 3, {
          outcome: 'root_cause_found',
          report: report('oom_killed'),
          feedback: rated('needs_improvement'),
        }),
        investigation('i4', 1, { status: 'running' }),
      ],
      timeline: [
        {
          id: 'i1:2',
          orgId: 'default',
          investigationId: 'i1',
          seq: 2,
          at: new Date(Date.parse(hoursAgo(5)) + 800).toISOString(),
          type: 'finding',
          message: 'f',
        },
      ],
    });
    const result = await insights.compute('default', { days: 1 });
    expect(result.rootCauseCategories).toEqual([
      { category: 'crash_loop', count: 2 },
      { category: 'oom_killed', count: 1 },
    ]);
    expect(result.investigations).toEqual({ opened: 4, completed: 3, failed: 0, open: 1 });
    expect(result.feedback).toMatchObject({
      accurate: 1,
      partially_accurate: 1,
      needs_improvement: 1,
      total: 3,
    });
    expect(result.feedback.accuracy).toBeCloseTo(0.5);
    expect(result.timeToFirstFindingMs).toEqual({ p50: 800, p90: 800, count: 1 });
    // 25 (accurate) + 13 (half of 25, partially accurate) + 0 (needs improvement).
    expect(result.estimatedTimeSavedMinutes).toBe(38);
  });

  it('refuses a window beyond 90 days with a validation error', async () => {
    await expect(insights.compute('default', { days: '365' })).rejects.toThrow(/days/);
  });
});

import type { Insights } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { buildDigestMessage } from '../blocks/digest-blocks.ts';
import { digestFigures, digestWindows, onDemandDigestTime } from './digest-figures.ts';

function insights(overrides: Partial<Insights>): Insights {
  return {
    from: '2026-11-23T09:00:00.000Z',
    to: '2026-11-24T09:00:00.000Z',
    alertsReceived: 0,
    notificationsReceived: 0,
    alertsPerDay: [],
    alertsPerHour: [],
    topAlerts: [],
    rootCauseCategories: [],
    investigations: { opened: 0, completed: 0, failed: 0, open: 0 },
    stillFiring: [],
    timeToFirstFindingMs: { p50: null, p90: null, count: 0 },
    feedback: { accurate: 0, partially_accurate: 0, needs_improvement: 0, total: 0, accuracy: null },
    estimatedTimeSavedMinutes: 0,
    ...overrides,
  };
}

describe('digestFigures', () => {
  const day = insights({
    alertsReceived: 12,
    investigations: { opened: 6, completed: 5, failed: 1, open: 2 },
    topAlerts: Array.from({ length: 8 }, (_, i) => ({
      title: `Alert ${i}`,
      severity: 'warning' as const,
      count: i,
    })),
    rootCauseCategories: [
      { category: 'oom_killed', count: 1 },
      { category: 'bad_rollout', count: 3 },
    ],
    feedback: { accurate: 3, partially_accurate: 1, needs_improvement: 0, total: 4, accuracy: 0.875 },
    estimatedTimeSavedMinutes: 150,
  });
  const previous = insights({
    alertsReceived: 8,
    investigations: { opened: 6, completed: 6, failed: 0, open: 0 },
  });
  const figures = digestFigures(day, previous);

  it('compares the day with the day before', () => {
    expect(figures.alertsReceived).toEqual({ value: 12, previous: 8, changePercent: 50 });
    expect(figures.investigationsOpened.changePercent).toBe(0);
    expect(figures.timeSavedMinutes.changePercent).toBeNull();
  });

  it('keeps the five biggest of each top list, biggest first', () => {
    expect(figures.topAlerts.map((a) => a.count)).toEqual([7, 6, 5, 4, 3]);
    expect(figures.rootCauseCategories[0]?.category).toBe('bad_rollout');
  });

  it('reads as a digest a person can scan', () => {
    const text = JSON.stringify(buildDigestMessage(figures, { publicUrl: 'https://ops.example.com' }).blocks);
    expect(text).toContain('12 (▲ 50% vs 8)');
    expect(text).toContain('88%');
    expect(text).toContain('2.5 h');
    expect(text).toContain('bad rollout — 3');
    expect(text).toContain('https://ops.example.com/insights');
  });
});

describe('digestWindows', () => {
  it('covers the whole hours before the send time and the 24 hours before those', () => {
    expect(digestWindows(new Date('2026-11-24T09:00:30Z'))).toEqual({
      day: { until: '2026-11-24T09:00:00.000Z' },
      previousDay: { until: '2026-11-23T09:00:00.000Z' },
    });
  });
});

describe('onDemandDigestTime', () => {
  it.each([
    // Why: at 08:30 a digest ending at 08:00 would leave out the alert everyone is looking at.
    ['2026-11-24T08:30:12.345Z', '2026-11-24T09:00:00.000Z'],
    ['2026-11-24T23:59:59.999Z', '2026-11-25T00:00:00.000Z'],
    ['2026-11-24T09:00:00.000Z', '2026-11-24T09:00:00.000Z'],
  ])('asked at %s covers up to %s', (asked, until) => {
    expect(onDemandDigestTime(new Date(asked)).toISOString()).toBe(until);
  });
});

import type { Insights, Severity } from '@opsworker/shared';

/** A figure for the day and the day before. `changePercent` is null when there is nothing to compare with. */
export interface Compared {
  value: number;
  previous: number;
  changePercent: number | null;
}

/** What the daily digest says, computed from two `GET /api/insights?days=1` windows. */
export interface DigestFigures {
  /** The UTC day the digest is about (`YYYY-MM-DD`, the start of its window). */
  day: string;
  alertsReceived: Compared;
  notificationsReceived: Compared;
  investigationsOpened: Compared;
  investigationsCompleted: number;
  investigationsFailed: number;
  investigationsOpen: number;
  topAlerts: { title: string; severity: Severity; count: number }[];
  rootCauseCategories: { category: string; count: number }[];
  stillFiring: Insights['stillFiring'];
  feedback: { accuracy: number | null; previousAccuracy: number | null; total: number };
  timeSavedMinutes: Compared;
  /** Alerts per hour over the day, oldest first (the chart). */
  alertsPerHour: { hour: string; count: number }[];
}

const TOP = 5;

export function compare(value: number, previous: number): Compared {
  return {
    value,
    previous,
    changePercent: previous === 0 ? null : Math.round(((value - previous) / previous) * 100),
  };
}

/** The digest's figures: `day` against `previousDay`, each top list cut to five. */
export function digestFigures(day: Insights, previousDay: Insights): DigestFigures {
  return {
    day: day.from.slice(0, 10),
    alertsReceived: compare(day.alertsReceived, previousDay.alertsReceived),
    notificationsReceived: compare(day.notificationsReceived, previousDay.notificationsReceived),
    investigationsOpened: compare(day.investigations.opened, previousDay.investigations.opened),
    investigationsCompleted: day.investigations.completed,
    investigationsFailed: day.investigations.failed,
    investigationsOpen: day.investigations.open,
    topAlerts: [...day.topAlerts].sort((a, b) => b.count - a.count).slice(0, TOP),
    rootCauseCategories: [...day.rootCauseCategories].sort((a, b) => b.count - a.count).slice(0, TOP),
    stillFiring: day.stillFiring,
    feedback: {
      accuracy: day.feedback.accuracy,
      previousAccuracy: previousDay.feedback.accuracy,
      total: day.feedback.total,
    },
    timeSavedMinutes: compare(day.estimatedTimeSavedMinutes, previousDay.estimatedTimeSavedMinutes),
    alertsPerHour: day.alertsPerHour,
  };
}

/** The digest's window for a send time: the 24 hours before it, and the 24 before those. */
export function digestWindows(now: Date): { day: { until: string }; previousDay: { until: string } } {
  const until = new Date(now.getTime());
  until.setUTCMinutes(0, 0, 0);
  return {
    day: { until: until.toISOString() },
    previousDay: { until: new Date(until.getTime() - 86_400_000).toISOString() },
  };
}

/**
 * The send time of a digest asked for now (`/opsworker digest`): the end of the current hour,
 * so it covers what just happened (a scheduled digest stops at its whole hour).
 */
export function onDemandDigestTime(now: Date): Date {
  const end = new Date(now.getTime());
  end.setUTCMinutes(0, 0, 0);
  return end.getTime() === now.getTime() ? end : new Date(end.getTime() + 3_600_000);
}

import { z } from 'zod';
import { Severity } from './alert.ts';

const count = z.number().int().nonnegative();

/** Alerts that first fired on one UTC day, by severity. */
export const DailyAlertCount = z.object({
  date: z.string(),
  info: count,
  warning: count,
  error: count,
  critical: count,
  total: count,
});
export type DailyAlertCount = z.infer<typeof DailyAlertCount>;

/**
 * What happened in an organization over a window: the desktop app's Insights page, Slack's
 * App Home and daily digest all read this one shape from `GET /api/insights`.
 */
export const Insights = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  /** Distinct alerts that started firing in the window. */
  alertsReceived: count,
  /** Notifications received in the window, counting repeats of the same alert. */
  notificationsReceived: count,
  alertsPerDay: z.array(DailyAlertCount),
  /** One entry per hour of the window (UTC), for volume charts. */
  alertsPerHour: z.array(z.object({ hour: z.iso.datetime(), count })),
  topAlerts: z.array(z.object({ title: z.string(), severity: Severity, count })),
  rootCauseCategories: z.array(z.object({ category: z.string(), count })),
  investigations: z.object({ opened: count, completed: count, failed: count, open: count }),
  stillFiring: z.array(
    z.object({
      alertId: z.string(),
      title: z.string(),
      severity: Severity,
      since: z.iso.datetime(),
      investigationId: z.string().optional(),
    }),
  ),
  /** From an investigation's creation to its first finding (or report), over the window's investigations. */
  timeToFirstFindingMs: z.object({ p50: z.number().nullable(), p90: z.number().nullable(), count }),
  feedback: z.object({
    accurate: count,
    partially_accurate: count,
    needs_improvement: count,
    total: count,
    /** Accurate counts 1, partially accurate 0.5; null without feedback. */
    accuracy: z.number().min(0).max(1).nullable(),
  }),
  /** A rough estimate, with its assumptions in `docs/insights.md`. */
  estimatedTimeSavedMinutes: count,
});
export type Insights = z.infer<typeof Insights>;

export const InsightsQuery = z.object({
  days: z.coerce.number().int().min(1).max(90).default(7),
  until: z.iso.datetime({ offset: true }).optional(),
});
export type InsightsQuery = z.infer<typeof InsightsQuery>;

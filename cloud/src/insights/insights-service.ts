import {
  type Alert,
  FeedbackRating,
  type Insights,
  InsightsQuery,
  type Investigation,
  parseWith,
  type Severity,
  severityRank,
} from '@opsworker/shared';
import type { Store } from '../store/store.ts';
import { percentile } from './percentile.ts';
import { minutesSaved } from './time-saved.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const PAGE = 500;
/** Bounds the work of one request on a very large history; the newest records count first. */
const MAX_SCANNED = 20_000;
/** Time to first finding reads each investigation's timeline: a sample of the newest is enough. */
const MAX_TIMELINES = 200;
const TOP = 10;

/**
 * Figures over a window of an organization's alerts and investigations: the desktop app's
 * Insights page, Slack's App Home and the daily digest. Computed from the store on demand.
 */
export class InsightsService {
  readonly #store: Store;
  readonly #now: () => Date;

  constructor(deps: { store: Store; now?: () => Date }) {
    this.#store = deps.store;
    this.#now = deps.now ?? (() => new Date());
  }

  async compute(orgId: string, rawQuery: unknown): Promise<Insights> {
    const query = parseWith(InsightsQuery, rawQuery, 'insights query');
    const to = query.until ? new Date(query.until) : this.#now();
    const from = new Date(to.getTime() - query.days * DAY_MS);
    const within = (iso: string | undefined) => {
      if (!iso) return false;
      const at = Date.parse(iso);
      return at >= from.getTime() && at < to.getTime();
    };

    const alerts = await this.#scanAlerts(orgId);
    const investigations = await this.#scanInvestigations(orgId, from);
    const started = alerts.filter((alert) => within(alert.firstSeenAt));
    const seen = alerts.filter(
      (alert) =>
        Date.parse(alert.lastSeenAt) >= from.getTime() && Date.parse(alert.firstSeenAt) < to.getTime(),
    );
    const opened = investigations.filter((inv) => within(inv.createdAt));

    return {
      from: from.toISOString(),
      to: to.toISOString(),
      alertsReceived: started.length,
      notificationsReceived: seen.reduce((sum, alert) => sum + alert.receivedCount, 0),
      alertsPerDay: perDay(started, from, to),
      alertsPerHour: perHour(started, from, to),
      topAlerts: topAlerts(seen),
      rootCauseCategories: rootCauses(opened),
      investigations: {
        opened: opened.length,
        completed: opened.filter((inv) => inv.status === 'completed').length,
        failed: opened.filter((inv) => inv.status === 'failed').length,
        open: investigations.filter((inv) => inv.status === 'queued' || inv.status === 'running').length,
      },
      stillFiring: alerts
        .filter((alert) => alert.status === 'firing' && Date.parse(alert.firstSeenAt) < to.getTime())
        .sort(
          (a, b) =>
            severityRank(b.severity) - severityRank(a.severity) || a.startsAt.localeCompare(b.startsAt),
        )
        .slice(0, TOP)
        .map((alert) => ({
          alertId: alert.id,
          title: alert.title,
          severity: alert.severity,
          since: new Date(alert.startsAt).toISOString(),
          ...(alert.investigationId ? { investigationId: alert.investigationId } : {}),
        })),
      timeToFirstFindingMs: await this.#timeToFirstFinding(orgId, opened),
      feedback: feedback(opened),
      estimatedTimeSavedMinutes: opened.reduce((sum, inv) => sum + minutesSaved(inv), 0),
    };
  }

  async #scanAlerts(orgId: string): Promise<Alert[]> {
    const alerts: Alert[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.#store.listAlerts(orgId, { limit: PAGE, ...(cursor ? { cursor } : {}) });
      alerts.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && alerts.length < MAX_SCANNED);
    return alerts;
  }

  /** Newest first, down to the window's start (investigations are listed by creation). */
  async #scanInvestigations(orgId: string, from: Date): Promise<Investigation[]> {
    const found: Investigation[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.#store.listInvestigations(orgId, {
        limit: PAGE,
        ...(cursor ? { cursor } : {}),
      });
      found.push(...page.items);
      const oldest = page.items.at(-1);
      if (oldest && Date.parse(oldest.createdAt) < from.getTime()) break;
      cursor = page.nextCursor;
    } while (cursor && found.length < MAX_SCANNED);
    return found;
  }

  async #timeToFirstFinding(
    orgId: string,
    opened: Investigation[],
  ): Promise<Insights['timeToFirstFindingMs']> {
    const durations: number[] = [];
    for (const inv of opened.filter((i) => i.status === 'completed').slice(0, MAX_TIMELINES)) {
      const timeline = await this.#store.listTimeline(orgId, inv.id);
      const first = timeline.find((event) => event.type === 'finding' || event.type === 'report');
      if (first) durations.push(Math.max(0, Date.parse(first.at) - Date.parse(inv.createdAt)));
    }
    durations.sort((a, b) => a - b);
    return { p50: percentile(durations, 50), p90: percentile(durations, 90), count: durations.length };
  }
}

function emptyDay(date: string): Insights['alertsPerDay'][number] {
  return { date, info: 0, warning: 0, error: 0, critical: 0, total: 0 };
}

function perDay(alerts: Alert[], from: Date, to: Date): Insights['alertsPerDay'] {
  const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  const buckets = new Map<string, Insights['alertsPerDay'][number]>();
  // A window of N days that starts mid-day touches N+1 calendar days.
  const last = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  for (let day = start; day <= last; day += DAY_MS) {
    const date = new Date(day).toISOString().slice(0, 10);
    buckets.set(date, emptyDay(date));
  }
  for (const alert of alerts) {
    const bucket = buckets.get(alert.firstSeenAt.slice(0, 10));
    if (!bucket) continue;
    bucket[alert.severity as Severity]++;
    bucket.total++;
  }
  return [...buckets.values()];
}

function perHour(alerts: Alert[], from: Date, to: Date): Insights['alertsPerHour'] {
  const first = Math.floor(from.getTime() / HOUR_MS) * HOUR_MS;
  const counts = new Map<number, number>();
  for (let hour = first; hour < to.getTime(); hour += HOUR_MS) counts.set(hour, 0);
  for (const alert of alerts) {
    const hour = Math.floor(Date.parse(alert.firstSeenAt) / HOUR_MS) * HOUR_MS;
    if (counts.has(hour)) counts.set(hour, (counts.get(hour) ?? 0) + 1);
  }
  return [...counts].map(([hour, count]) => ({ hour: new Date(hour).toISOString(), count }));
}

function topAlerts(alerts: Alert[]): Insights['topAlerts'] {
  const byTitle = new Map<string, { title: string; severity: Severity; count: number }>();
  for (const alert of alerts) {
    const entry = byTitle.get(alert.title) ?? { title: alert.title, severity: alert.severity, count: 0 };
    entry.count += alert.receivedCount;
    if (severityRank(alert.severity) > severityRank(entry.severity)) entry.severity = alert.severity;
    byTitle.set(alert.title, entry);
  }
  return [...byTitle.values()]
    .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title))
    .slice(0, TOP);
}

function rootCauses(investigations: Investigation[]): Insights['rootCauseCategories'] {
  const counts = new Map<string, number>();
  for (const inv of investigations) {
    const category = inv.outcome === 'root_cause_found' ? inv.report?.rootCause.category : undefined;
    if (category) counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  return [...counts]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
}

function feedback(investigations: Investigation[]): Insights['feedback'] {
  const counts = Object.fromEntries(FeedbackRating.options.map((rating) => [rating, 0])) as Record<
    FeedbackRating,
    number
  >;
  for (const inv of investigations) if (inv.feedback) counts[inv.feedback.rating]++;
  const total = counts.accurate + counts.partially_accurate + counts.needs_improvement;
  const accuracy = total === 0 ? null : (counts.accurate + counts.partially_accurate / 2) / total;
  return { ...counts, total, accuracy };
}

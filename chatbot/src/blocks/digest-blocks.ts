import type { Compared, DigestFigures } from '../digest/digest-figures.ts';
import type { SlackMessage } from './block-types.ts';
import { escapeMrkdwn, type LinkOptions, portalUrl } from './investigation-links.ts';
import { context, fallbackText, fieldsSection, section, withinLimits } from './limits.ts';

/** `12 (▲ 50% vs 8)`, `3 (same as the day before)`, `4 (0 the day before)`. */
export function comparedLabel(figure: Compared): string {
  if (figure.changePercent === null) return `${figure.value} (${figure.previous} the day before)`;
  if (figure.changePercent === 0) return `${figure.value} (same as the day before)`;
  const arrow = figure.changePercent > 0 ? '▲' : '▼';
  return `${figure.value} (${arrow} ${Math.abs(figure.changePercent)}% vs ${figure.previous})`;
}

function percent(value: number | null): string {
  return value === null ? 'no feedback yet' : `${Math.round(value * 100)}%`;
}

function minutes(value: number): string {
  return value >= 120 ? `${Math.round(value / 6) / 10} h` : `${value} min`;
}

/**
 * The morning digest: the day in numbers against the day before, what was noisy, what caused
 * it, what is still firing, how right OpsWorker was and the time it saved. The chart is
 * uploaded separately, in the digest's thread.
 */
export function buildDigestMessage(figures: DigestFigures, links: LinkOptions = {}): SlackMessage {
  const portal = links.publicUrl ? `${links.publicUrl.replace(/\/+$/, '')}/insights` : undefined;
  const seeAll = portal ? { link: `<${portal}|Insights>` } : undefined;
  const topAlerts = figures.topAlerts.map(
    (alert) => `• ${escapeMrkdwn(alert.title)} — ${alert.count}× (${alert.severity})`,
  );
  const causes = figures.rootCauseCategories.map(
    (cause) => `• ${cause.category.replace(/_/g, ' ')} — ${cause.count}`,
  );
  const firing = figures.stillFiring.slice(0, 5).map((alert) => {
    const link = alert.investigationId ? portalUrl(alert.investigationId, links) : undefined;
    const title = escapeMrkdwn(alert.title);
    return `• ${link ? `<${link}|${title}>` : title} (${alert.severity}, since ${alert.since.slice(0, 16).replace('T', ' ')} UTC)`;
  });
  const blocks = [
    section(`:sunrise: *OpsWorker daily digest — ${figures.day}*`),
    fieldsSection([
      `*Alerts received*\n${comparedLabel(figures.alertsReceived)}`,
      `*Notifications*\n${comparedLabel(figures.notificationsReceived)}`,
      `*Investigations*\n${comparedLabel(figures.investigationsOpened)}`,
      `*Completed / failed / open*\n${figures.investigationsCompleted} / ${figures.investigationsFailed} / ${figures.investigationsOpen}`,
      `*Feedback accuracy*\n${percent(figures.feedback.accuracy)}${figures.feedback.total ? ` (${figures.feedback.total} rated)` : ''}`,
      `*Engineer time saved (est.)*\n${minutes(figures.timeSavedMinutes.value)}`,
    ]),
    section(`*Top alerts*\n${topAlerts.join('\n') || '_No alerts._'}`, seeAll),
    section(`*Top root causes*\n${causes.join('\n') || '_No root causes found._'}`, seeAll),
    section(
      `*Still firing* (${figures.stillFiring.length})\n${firing.join('\n') || '_Nothing is firing._'}${figures.stillFiring.length > 5 ? `\n_and ${figures.stillFiring.length - 5} more_` : ''}`,
      seeAll,
    ),
    context(portal ? `More in <${portal}|Insights>.` : 'More on the Insights page of the OpsWorker app.'),
  ];
  const text = `OpsWorker digest ${figures.day}: ${figures.alertsReceived.value} alerts, ${figures.investigationsOpened.value} investigations, ${figures.stillFiring.length} still firing`;
  return { text: fallbackText(text), blocks: withinLimits(blocks, seeAll) };
}

import type { Investigation } from '@opsworker/shared';
import type { KnownBlock, SlackMessage } from './block-types.ts';
import { feedbackActions, feedbackLabel, investigationActions } from './investigation-buttons.ts';
import { messageState, resourceLabel, stateEmoji, timeLabel, whereLabel } from './investigation-labels.ts';
import { escapeMrkdwn, type LinkOptions, seeAllFor } from './investigation-links.ts';
import { context, fallbackText, section, withinLimits } from './limits.ts';
import { evidenceBlock, nextStepsBlocks, rootCauseBlock } from './report-blocks.ts';

export interface InvestigationMessageOptions extends LinkOptions {
  /** The latest step while it runs ("Reading logs of checkout-7d9f…"). */
  lastStep?: string | undefined;
  /** Alerts grouped into it so far (the thread lists them). */
  alertCount?: number | undefined;
}

/**
 * The one Slack message of an investigation, in whatever state it is: investigating, answered
 * (root cause, confidence, evidence, next steps, feedback), failed, resolved; acknowledged and
 * rated shown in place. Updated in place as it changes.
 */
export function buildInvestigationMessage(
  investigation: Investigation,
  options: InvestigationMessageOptions = {},
): SlackMessage {
  const seeAll = seeAllFor(investigation.id, options);
  const state = messageState(investigation);
  const headline = `${stateEmoji(investigation)} *${escapeMrkdwn(investigation.title)}*`;
  const blocks: KnownBlock[] = [
    section(headline, seeAll),
    context(
      `*${investigation.severity}*`,
      escapeMrkdwn(whereLabel(investigation)),
      `\`${escapeMrkdwn(resourceLabel(investigation))}\``,
      ...(options.alertCount && options.alertCount > 1 ? [`${options.alertCount} alerts grouped`] : []),
    ),
    ...bodyBlocks(investigation, options, seeAll),
    ...statusLines(investigation, state),
    investigationActions(investigation, options),
    ...(investigation.report && investigation.status === 'completed' ? feedbackActions(investigation) : []),
  ];
  return { text: fallbackText(summaryText(investigation)), blocks: withinLimits(blocks, seeAll) };
}

function bodyBlocks(
  investigation: Investigation,
  options: InvestigationMessageOptions,
  seeAll: ReturnType<typeof seeAllFor>,
): KnownBlock[] {
  if (investigation.status === 'failed') {
    return [
      section(`*The investigation failed:* ${escapeMrkdwn(investigation.error ?? 'unknown error')}`, seeAll),
    ];
  }
  const report = investigation.report;
  if (!report || investigation.status !== 'completed') {
    const step = options.lastStep ? ` ${escapeMrkdwn(options.lastStep)}` : '';
    const question = investigation.question ? `\n> ${escapeMrkdwn(investigation.question)}` : '';
    return [section(`:hourglass_flowing_sand: _Investigating…_${step}${question}`, seeAll)];
  }
  const evidence = evidenceBlock(report, seeAll);
  return [
    rootCauseBlock(report, investigation.outcome, seeAll),
    ...(evidence ? [evidence] : []),
    ...nextStepsBlocks(report, seeAll),
  ];
}

function statusLines(investigation: Investigation, state: ReturnType<typeof messageState>): KnownBlock[] {
  const lines: string[] = [];
  if (state === 'resolved' && investigation.resolvedAt)
    lines.push(`:white_check_mark: Resolved at ${timeLabel(investigation.resolvedAt)}`);
  if (investigation.acknowledgedAt)
    lines.push(
      `:eyes: Acknowledged${investigation.acknowledgedBy ? ` by ${escapeMrkdwn(investigation.acknowledgedBy)}` : ''} at ${timeLabel(investigation.acknowledgedAt)}`,
    );
  if (investigation.feedback)
    lines.push(
      `:memo: Rated *${feedbackLabel(investigation.feedback.rating)}*${investigation.feedback.by ? ` by ${escapeMrkdwn(investigation.feedback.by)}` : ''}`,
    );
  return lines.length ? [context(...lines)] : [];
}

/** The notification text: what broke and, once known, why. */
function summaryText(investigation: Investigation): string {
  const where = `${resourceLabel(investigation)} (${whereLabel(investigation)})`;
  switch (messageState(investigation)) {
    case 'investigating':
      return `Investigating: ${investigation.title} — ${where}`;
    case 'failed':
      return `Investigation failed: ${investigation.title} — ${where}`;
    case 'resolved':
      return `Resolved: ${investigation.title} — ${where}`;
    default:
      return `${investigation.title} — ${investigation.report?.rootCause.statement ?? where}`;
  }
}

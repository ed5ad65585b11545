import type { Investigation } from '@opsworker/shared';
import type { KnownBlock, SlackMessage } from './block-types.ts';
import { resourceLabel, stateEmoji, timeLabel, whereLabel } from './investigation-labels.ts';
import { desktopUrl, escapeMrkdwn, type LinkOptions, portalUrl } from './investigation-links.ts';
import { context, fallbackText, section, withinLimits } from './limits.ts';

/** One line per investigation: state, title linked to where it can be opened, scope, age. */
export function investigationLine(investigation: Investigation, links: LinkOptions): string {
  const url = portalUrl(investigation.id, links) ?? desktopUrl(investigation.id);
  const cause =
    investigation.status === 'completed' && investigation.report
      ? `\n   ${escapeMrkdwn(investigation.report.rootCause.statement)}`
      : '';
  return `${stateEmoji(investigation)} <${url}|${escapeMrkdwn(investigation.title)}> · \`${escapeMrkdwn(resourceLabel(investigation))}\` · ${escapeMrkdwn(whereLabel(investigation))} · since ${timeLabel(investigation.createdAt)}${cause}`;
}

/** `/opsworker status`: the open investigations, newest first. */
export function buildStatusList(investigations: Investigation[], links: LinkOptions = {}): SlackMessage {
  if (investigations.length === 0) {
    return {
      text: 'No open investigations.',
      blocks: [
        section(':large_green_circle: *No open investigations.* Nothing is being investigated right now.'),
      ],
    };
  }
  const blocks: KnownBlock[] = [
    section(`*${investigations.length} open investigation${investigations.length === 1 ? '' : 's'}*`),
    ...investigations.map((investigation) => section(investigationLine(investigation, links))),
  ];
  const seeAll = links.publicUrl
    ? { link: `<${links.publicUrl.replace(/\/+$/, '')}/investigations|the portal>` }
    : undefined;
  if (!seeAll) blocks.push(context('Open one in the OpsWorker app to follow it live.'));
  return {
    text: fallbackText(`${investigations.length} open investigations`),
    blocks: withinLimits(blocks, seeAll),
  };
}

import type { Insights, Investigation } from '@opsworker/shared';
import type { HomeView, KnownBlock } from './block-types.ts';
import type { LinkOptions } from './investigation-links.ts';
import { context, fieldsSection, section, withinLimits } from './limits.ts';
import { investigationLine } from './status-list.ts';

/** Investigations listed on the App Home: enough to scan, no more. */
const RECENT_SHOWN = 15;

/** App Home: the day's figures, then the recent investigations with their state. */
export function buildAppHome(input: {
  recent: Investigation[];
  today: Insights;
  links?: LinkOptions;
}): HomeView {
  const links = input.links ?? {};
  const { today } = input;
  const accuracy = today.feedback.accuracy === null ? '–' : `${Math.round(today.feedback.accuracy * 100)}%`;
  const recent = input.recent.slice(0, RECENT_SHOWN);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'OpsWorker', emoji: true } },
    section('*Last 24 hours*'),
    fieldsSection([
      `*Alerts*\n${today.alertsReceived}`,
      `*Investigations*\n${today.investigations.opened} (${today.investigations.open} open)`,
      `*Still firing*\n${today.stillFiring.length}`,
      `*Feedback accuracy*\n${accuracy}`,
    ]),
    { type: 'divider' },
    section('*Recent investigations*'),
    ...(recent.length
      ? recent.map((investigation) => section(investigationLine(investigation, links)))
      : [
          section(
            '_No investigations yet. They appear here as alerts come in, or start one with `/opsworker investigate`._',
          ),
        ]),
    context('`/opsworker help` lists what you can ask.'),
  ];
  return { type: 'home', blocks: withinLimits(blocks) };
}

import type { Insights, Investigation } from '@opsworker/shared';
import type { HomeView, KnownBlock } from './block-types.ts';
import type { LinkOptions } from './investigation-links.ts';
import { context, fieldsSection, section, withinLimits } from './limits.ts';
import { investigationLine } from './status-list.ts';

/** Investigations listed on the App Home: enough to scan, no more. */
const RECENT_SHOWN = 15;

/** Six of the ten fields a section allows. */
function figures(today: Insights): string[] {
  const accuracy = today.feedback.accuracy === null ? '–' : `${Math.round(today.feedback.accuracy * 100)}%`;
  const p50 = today.timeToFirstFindingMs.p50;
  return [
    `*Alerts received*\n${today.alertsReceived}`,
    `*Investigations*\n${today.investigations.opened} (${today.investigations.open} open)`,
    `*Still firing*\n${today.stillFiring.length}`,
    `*Time to first finding (p50)*\n${p50 === null ? '–' : `${(p50 / 1000).toFixed(1)} s`}`,
    `*Feedback accuracy*\n${accuracy} (${today.feedback.total} ratings)`,
    `*Engineer time saved (est.)*\n${today.estimatedTimeSavedMinutes} min`,
  ];
}

/** App Home: the day's figures, then the recent investigations with their state. */
export function buildAppHome(input: {
  recent: Investigation[];
  /** Undefined when the figures could not be read: the list still shows. */
  today: Insights | undefined;
  links?: LinkOptions;
}): HomeView {
  const links = input.links ?? {};
  const { today } = input;
  const recent = input.recent.slice(0, RECENT_SHOWN);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'OpsWorker', emoji: true } },
    section('*Last 24 hours*'),
    today ? fieldsSection(figures(today)) : section('_The figures cannot be read right now._'),
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

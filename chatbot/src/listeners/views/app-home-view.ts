import type { Insights, Investigation } from '@opsworker/shared';
import type { types } from '@slack/bolt';
import { investigationLine } from './investigation-line.ts';

/** Slack allows 100 blocks in a Home tab; a glance needs far fewer. */
const SHOWN = 10;

/**
 * The App Home tab: today's figures, then the recent investigations, each linked to the
 * portal. Pure, so its limits are tested without Slack.
 */
export function buildAppHomeView(input: {
  recent: Investigation[];
  today: Insights | undefined;
  portalUrl: string;
  now?: number;
}): types.HomeView {
  const { recent, today, portalUrl } = input;
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'OpsWorker' } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: 'Your read-only SRE for Kubernetes: what broke, why, and what to run now.',
      },
      accessory: {
        type: 'button',
        text: { type: 'plain_text', text: 'Open the portal' },
        url: portalUrl,
        action_id: 'home_open_portal',
      },
    },
    { type: 'header', text: { type: 'plain_text', text: 'Last 24 hours' } },
    today
      ? { type: 'section', fields: figures(today) }
      : { type: 'section', text: { type: 'mrkdwn', text: '_The figures cannot be read right now._' } },
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: 'Recent investigations' } },
  ];
  if (recent.length === 0) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: 'No investigation yet. Alerts sent to OpsWorker, `/opsworker investigate` and mentions start them.',
      },
    });
  }
  for (const investigation of recent.slice(0, SHOWN)) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: investigationLine(investigation, portalUrl, input.now).slice(0, 2_900) },
    });
  }
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: 'Type `/opsworker help` for commands.' }],
  });
  return { type: 'home', blocks };
}

/** At most 10 fields per section (Slack's limit); these are 6. */
function figures(today: Insights): types.MrkdwnElement[] {
  const accuracy = today.feedback.accuracy === null ? '–' : `${Math.round(today.feedback.accuracy * 100)}%`;
  const p50 = today.timeToFirstFindingMs.p50;
  return [
    `*Alerts received*\n${today.alertsReceived}`,
    `*Investigations*\n${today.investigations.opened} opened · ${today.investigations.open} open`,
    `*Still firing*\n${today.stillFiring.length}`,
    `*Time to first finding (p50)*\n${p50 === null ? '–' : `${(p50 / 1000).toFixed(1)} s`}`,
    `*Feedback accuracy*\n${accuracy} (${today.feedback.total} ratings)`,
    `*Engineer time saved (est.)*\n${today.estimatedTimeSavedMinutes} min`,
  ].map((text) => ({ type: 'mrkdwn', text }));
}

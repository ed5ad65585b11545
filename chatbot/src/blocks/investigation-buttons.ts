import type { FeedbackRating, Investigation } from '@opsworker/shared';
import { ACTION_IDS, FEEDBACK_ACTIONS } from './action-ids.ts';
import type { Button, KnownBlock } from './block-types.ts';
import { desktopUrl, type LinkOptions, portalUrl } from './investigation-links.ts';

const FEEDBACK_LABELS: Record<FeedbackRating, string> = {
  accurate: 'Accurate',
  partially_accurate: 'Partially accurate',
  needs_improvement: 'Needs improvement',
};

export function feedbackLabel(rating: FeedbackRating): string {
  return FEEDBACK_LABELS[rating];
}

function button(text: string, actionId: string, value: string, extra: Partial<Button> = {}): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text, emoji: true },
    action_id: actionId,
    value,
    ...extra,
  };
}

/** Open (desktop, portal), re-run, acknowledge: the actions on every investigation message. */
export function investigationActions(investigation: Investigation, links: LinkOptions): KnownBlock {
  const id = investigation.id;
  const portal = portalUrl(id, links);
  const finished = investigation.status === 'completed' || investigation.status === 'failed';
  const elements: Button[] = [
    button('Open in OpsWorker', ACTION_IDS.openDesktop, id, { url: desktopUrl(id), style: 'primary' }),
    ...(portal ? [button('Open in portal', ACTION_IDS.openPortal, id, { url: portal })] : []),
    // Re-running a running investigation would only race it.
    ...(finished ? [button('Re-run', ACTION_IDS.rerun, id)] : []),
    ...(investigation.acknowledgedAt ? [] : [button('Acknowledge', ACTION_IDS.acknowledge, id)]),
  ];
  return { type: 'actions', block_id: `investigation_actions:${id}`, elements };
}

/** "Was this right?" with the three ratings; the one given is marked. */
export function feedbackActions(investigation: Investigation): KnownBlock[] {
  const given = investigation.feedback?.rating;
  const elements = (Object.keys(FEEDBACK_ACTIONS) as FeedbackRating[]).map((rating) =>
    button(
      given === rating ? `✓ ${FEEDBACK_LABELS[rating]}` : FEEDBACK_LABELS[rating],
      FEEDBACK_ACTIONS[rating],
      investigation.id,
      given === rating ? { style: 'primary' } : {},
    ),
  );
  return [
    { type: 'context', elements: [{ type: 'mrkdwn', text: '*Was this right?*' }] },
    { type: 'actions', block_id: `investigation_feedback:${investigation.id}`, elements },
  ];
}

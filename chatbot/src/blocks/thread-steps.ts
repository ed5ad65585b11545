import type { TimelineEvent, TimelineEventType } from '@opsworker/shared';
import type { SlackMessage } from './block-types.ts';
import { escapeMrkdwn } from './investigation-links.ts';
import { fallbackText, section, withinLimits } from './limits.ts';

/**
 * Timeline events worth a line in the thread. Evidence reads are too many to be read there
 * (the app shows them); conversation turns are posted by the conversation itself.
 */
const STEP_EMOJI: Partial<Record<TimelineEventType, string>> = {
  started: ':arrow_forward:',
  step: ':small_blue_diamond:',
  finding: ':mag_right:',
  report: ':page_facing_up:',
  completed: ':checkered_flag:',
  failed: ':warning:',
  alert_attached: ':bell:',
  resolved: ':white_check_mark:',
  feedback: ':memo:',
};

export function isThreadStep(event: TimelineEvent): boolean {
  return event.type in STEP_EMOJI;
}

/** One line per step: `14:05:02 :mag_right: The container exceeds its memory limit…`. */
export function threadStepLine(event: TimelineEvent): string {
  const time = event.at.slice(11, 19);
  return `\`${time}\` ${STEP_EMOJI[event.type] ?? ''} ${escapeMrkdwn(event.message)}`;
}

/** The steps gathered since the last thread post, as one reply (keeps the thread readable and quiet). */
export function buildThreadSteps(lines: string[]): SlackMessage {
  const text = lines.join('\n');
  return { text: fallbackText(text), blocks: withinLimits([section(text)]) };
}

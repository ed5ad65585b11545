import type { ChatMessage } from '@opsworker/shared';
import type { KnownBlock, SlackMessage } from './block-types.ts';
import { type LinkOptions, seeAllFor } from './investigation-links.ts';
import { context, fallbackText, SLACK_LIMITS, section, withinLimits } from './limits.ts';

/** The short acknowledgement posted while an answer is being worked out. */
export function buildLookingMessage(): SlackMessage {
  return { text: 'Looking…', blocks: [context(':hourglass_flowing_sand: Looking…')] };
}

/**
 * A follow-up answer in the investigation's thread. The engine answers in Markdown that Slack
 * mostly understands (code fences, bullets); long answers are split over sections and cut
 * with a link to the rest.
 */
export function buildFollowUpAnswer(answer: ChatMessage, links: LinkOptions = {}): SlackMessage {
  const seeAll = seeAllFor(answer.investigationId, links);
  const text = toMrkdwn(answer.text);
  const blocks: KnownBlock[] = splitSections(text).map((part) => section(part, seeAll));
  if (answer.answeredBy) blocks.push(context(`Answered by ${answer.answeredBy}`));
  return { text: fallbackText(text), blocks: withinLimits(blocks, seeAll) };
}

/** Markdown bold (`**x**`) and headings read oddly in Slack; mrkdwn uses `*x*`. */
function toMrkdwn(markdown: string): string {
  return markdown.replace(/\*\*(.+?)\*\*/g, '*$1*').replace(/^#{1,6}\s+(.+)$/gm, '*$1*');
}

/** Splits on line boundaries, and never inside a code fence when it can help it. */
function splitSections(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const fenceOpen = (current.split('```').length - 1) % 2 === 1;
    if (current && current.length + line.length + 1 > SLACK_LIMITS.sectionText - 10) {
      parts.push(fenceOpen ? `${current}\n\`\`\`` : current);
      current = fenceOpen ? `\`\`\`\n${line}` : line;
    } else current = current ? `${current}\n${line}` : line;
  }
  if (current) parts.push(current);
  return parts.length ? parts : ['_(empty answer)_'];
}

import type { ChatMessage } from '@opsworker/shared';
import type { KnownBlock, SlackMessage } from './block-types.ts';
import { type LinkOptions, seeAllFor } from './investigation-links.ts';
import { context, fallbackText, SLACK_LIMITS, section, withinLimits } from './limits.ts';

/** Room under the section limit for a fence closed at a cut. */
const SECTION_CHARS = SLACK_LIMITS.sectionText - 100;

/** The short acknowledgement posted in the thread while an answer is being worked out. */
export function buildLookingMessage(): SlackMessage {
  return { text: 'Looking…', blocks: [context(':hourglass_flowing_sand: Looking…')] };
}

/**
 * A follow-up answer in the investigation's thread. The engine answers in Markdown; Slack
 * speaks mrkdwn. Long answers are split over sections on line boundaries (a code block cut in
 * two is closed and re-opened, so both halves render as code) and, past 50 blocks, cut with
 * a link to the rest.
 */
export function buildFollowUpAnswer(answer: ChatMessage, links: LinkOptions = {}): SlackMessage {
  const seeAll = seeAllFor(answer.investigationId, links);
  const text = markdownToMrkdwn(answer.text);
  const blocks: KnownBlock[] = splitSections(text).map((part) => section(part, seeAll));
  if (answer.answeredBy) blocks.push(context(`Answered by ${answer.answeredBy}`));
  // The notification (what a phone shows) is the answer's start, without markup.
  return {
    text: fallbackText(text.replace(/[`*_]/g, '').slice(0, 300)),
    blocks: withinLimits(blocks, seeAll),
  };
}

/**
 * Markdown → mrkdwn: fences lose their language (Slack would print it), `**bold**` and
 * headings become `*bold*`, `[text](url)` becomes `<url|text>`. Code is left alone.
 */
export function markdownToMrkdwn(markdown: string): string {
  let inFence = false;
  return markdown
    .split('\n')
    .map((line) => {
      const fence = /^(\s*)(`{3,})[\w+-]*\s*$/.exec(line);
      if (fence) {
        inFence = !inFence;
        return `${fence[1]}\`\`\``;
      }
      if (inFence) return line;
      return line
        .replace(/^#{1,6}\s+(.+)$/, '*$1*')
        .replace(/\*\*(.+?)\*\*/g, '*$1*')
        .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<$2|$1>');
    })
    .join('\n');
}

/** Splits on line boundaries; a line longer than a section (a minified log line) is cut into pieces. */
function splitSections(text: string): string[] {
  const parts: string[] = [];
  let current: string[] = [];
  let length = 0;
  let inFence = false;
  const flush = () => {
    if (current.length === 0) return;
    parts.push(current.join('\n') + (inFence ? '\n```' : ''));
    current = inFence ? ['```'] : [];
    length = inFence ? 4 : 0;
  };
  for (const rawLine of text.split('\n')) {
    for (let start = 0; start === 0 || start < rawLine.length; start += SECTION_CHARS - 10) {
      const line = rawLine.slice(start, start + SECTION_CHARS - 10);
      if (length + line.length + 1 > SECTION_CHARS - 4) flush();
      current.push(line);
      length += line.length + 1;
    }
    if (/^\s*```\s*$/.test(rawLine)) inFence = !inFence;
  }
  flush();
  const shown = parts.filter((part) => part.trim() !== '');
  return shown.length ? shown : ['_(empty answer)_'];
}

import type { types } from '@slack/bolt';

type KnownBlock = types.KnownBlock;

/** Slack's limit for a section's text is 3,000 characters; leave room for re-opened fences. */
const SECTION_CHARS = 2_900;
/** An answer is capped at 12,000 characters by the API: a handful of sections, far below 50 blocks. */
const MAX_SECTIONS = 45;

/**
 * The conversation API answers in Markdown; Slack speaks mrkdwn. Fences lose their language
 * (Slack would print it), `**bold**` and headings become `*bold*`, `[text](url)` becomes
 * `<url|text>`. Inside code fences nothing is touched.
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

/**
 * Markdown as section blocks within Slack's limits: split on line boundaries, and a code
 * block cut between two sections is closed and re-opened so both render as code.
 */
export function answerBlocks(markdown: string): KnownBlock[] {
  const sections: string[] = [];
  let current: string[] = [];
  let length = 0;
  let inFence = false;
  const flush = () => {
    if (current.length === 0) return;
    sections.push(current.join('\n') + (inFence ? '\n```' : ''));
    current = inFence ? ['```'] : [];
    length = inFence ? 4 : 0;
  };
  for (const rawLine of markdownToMrkdwn(markdown).split('\n')) {
    // A single line longer than a section (a minified log line) is cut into pieces.
    for (let start = 0; start === 0 || start < rawLine.length; start += SECTION_CHARS - 10) {
      const line = rawLine.slice(start, start + SECTION_CHARS - 10);
      if (length + line.length + 1 > SECTION_CHARS - 4) flush();
      current.push(line);
      length += line.length + 1;
    }
    if (/^\s*```\s*$/.test(rawLine)) inFence = !inFence;
  }
  flush();
  const shown = sections.filter((text) => text.trim() !== '').slice(0, MAX_SECTIONS);
  return shown.map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}

/** A piece of an answer: prose, or a fenced block (logs, a command) to show in monospace. */
export type MessageBlock = { kind: 'text'; text: string } | { kind: 'code'; text: string; language: string };

const FENCE = /```([\w-]*)\n([\s\S]*?)(?:```|$)/g;

/** Splits an answer on Markdown code fences; everything else stays plain text (never HTML). */
export function messageBlocks(text: string): MessageBlock[] {
  const blocks: MessageBlock[] = [];
  let at = 0;
  for (const match of text.matchAll(FENCE)) {
    const index = match.index ?? 0;
    const before = text.slice(at, index).trim();
    if (before) blocks.push({ kind: 'text', text: before });
    blocks.push({ kind: 'code', language: match[1] ?? '', text: (match[2] ?? '').replace(/\n$/, '') });
    at = index + match[0].length;
  }
  const rest = text.slice(at).trim();
  if (rest) blocks.push({ kind: 'text', text: rest });
  return blocks;
}

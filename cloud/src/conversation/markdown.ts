/** The longest answer we send: a chat bubble, not a log viewer. */
export const MAX_ANSWER_CHARS = 12_000;

/** A fence longer than any backtick run inside, so output containing ``` cannot break out. */
function fenceFor(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

/**
 * Output in a fenced block, cut to `maxLines` (logs and events keep their newest lines,
 * everything else its first), with a note saying what was left out.
 */
export function codeBlock(
  text: string,
  options: { maxLines: number; keep: 'head' | 'tail'; language?: string },
): string {
  const lines = text.trimEnd().split('\n');
  const cut = lines.length > options.maxLines;
  const shown = cut
    ? options.keep === 'tail'
      ? lines.slice(-options.maxLines)
      : lines.slice(0, options.maxLines)
    : lines;
  const body = shown.join('\n');
  const fence = fenceFor(body);
  const block = `${fence}${options.language ?? 'text'}\n${body}\n${fence}`;
  if (!cut) return block;
  const which = options.keep === 'tail' ? 'last' : 'first';
  return `${block}\n_Showing the ${which} ${options.maxLines} of ${lines.length} lines; run the command for the rest._`;
}

/** A command for a human to copy. */
export function commandBlock(command: string): string {
  return `\`\`\`sh\n${command}\n\`\`\``;
}

/** Caps a whole answer; a cut answer says so. */
export function capAnswer(text: string): string {
  if (text.length <= MAX_ANSWER_CHARS) return text;
  return `${text.slice(0, MAX_ANSWER_CHARS)}\n\n_(answer cut at ${MAX_ANSWER_CHARS} characters)_`;
}

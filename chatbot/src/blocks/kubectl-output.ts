import type { SlackMessage } from './block-types.ts';
import { context, fallbackText, SLACK_LIMITS, section } from './limits.ts';
import { codeBlock } from './report-blocks.ts';

/** Output longer than this goes in a snippet file; the message shows its head. */
const INLINE_OUTPUT_CHARS = SLACK_LIMITS.sectionText - 200;

/** True when the output does not fit in a message and should be uploaded as a snippet. */
export function kubectlNeedsSnippet(output: string): boolean {
  return output.length > INLINE_OUTPUT_CHARS;
}

/**
 * `/opsworker kubectl …`: the command and its output in a code block. Long output shows its
 * first lines and says the whole of it is in the attached snippet (or was cut by the agent).
 */
export function buildKubectlOutput(result: {
  command: string;
  output: string;
  truncated: boolean;
}): SlackMessage {
  const long = kubectlNeedsSnippet(result.output);
  const shown = long ? headLines(result.output, INLINE_OUTPUT_CHARS) : result.output;
  const notes = [
    ...(long ? ['Showing the first lines; the whole output is in the snippet below.'] : []),
    ...(result.truncated
      ? ['The agent cut the output at its size limit; narrow the command (`-l`, `--tail`).']
      : []),
  ];
  return {
    text: fallbackText(`$ ${result.command}`),
    blocks: [
      section(`\`$ ${result.command.replace(/`/g, "'")}\`\n${codeBlock(shown.trimEnd() || '(no output)')}`),
      ...(notes.length ? [context(...notes)] : []),
      context('Read-only, run by the OpsWorker agent.'),
    ],
  };
}

/** A refused command, explained in the words the API gave (written for users). */
export function buildKubectlRefusal(command: string, reason: string): SlackMessage {
  return {
    text: fallbackText(`Refused: ${command}`),
    blocks: [section(`:no_entry: *Refused:* \`${command.replace(/`/g, "'")}\`\n${reason}`)],
  };
}

function headLines(text: string, max: number): string {
  const cut = text.slice(0, max);
  const lastNewline = cut.lastIndexOf('\n');
  return lastNewline > max / 2 ? cut.slice(0, lastNewline) : cut;
}

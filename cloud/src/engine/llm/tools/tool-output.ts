import { type OperationResult, renderResult, truncateText } from './operation-runner.ts';

/** What one tool result may cost in the model's context: about 2k tokens. */
export const MAX_TOOL_OUTPUT_CHARS = 8000;

/**
 * A tool result as the model reads it: the id it can cite, the kubectl equivalent, and the
 * output, cut to size (logs and events keep their newest lines).
 */
export function toolOutput(result: OperationResult, now = Date.now()): string {
  const keep = result.operation.op === 'logs' || result.operation.op === 'events' ? 'tail' : 'head';
  const { text, cut } = truncateText(renderResult(result, now), MAX_TOOL_OUTPUT_CHARS, keep);
  const notes = [
    cut > 0 ? `${cut} characters cut from the ${keep === 'tail' ? 'start' : 'end'}` : '',
    result.response.ok && result.response.truncated ? 'the agent truncated this result' : '',
  ].filter(Boolean);
  const note = notes.length ? `\n[${notes.join('; ')}]` : '';
  return `[${result.id}] $ ${result.command}\n${text.trimEnd()}${note}`;
}

/** A piece of raw output and how to colour it. */
export interface Segment {
  text: string;
  kind: 'plain' | 'error' | 'warning' | 'key' | 'number';
}

const ERROR =
  /\b(error|errors|failed|failure|fatal|panic|killed|oomkilled|crashloopbackoff|back-off|refused|denied|forbidden|unauthorized|not found|exception|exit code [1-9]\d*|evicted|unhealthy)\b/i;
const WARNING =
  /\b(warn|warning|pending|timeout|timed out|deadline|retry|retrying|throttl\w*|notready|unschedulable)\b/i;
const TOKEN =
  /(\b(?:error|errors|failed|failure|fatal|panic|killed|oomkilled|crashloopbackoff|back-off|refused|denied|forbidden|unauthorized|not found|exception|exit code [1-9]\d*|evicted|unhealthy|warn|warning|pending|timeout|timed out|deadline|retry|retrying|throttl\w*|notready|unschedulable)\b)|(^\s*[A-Za-z][\w.-]*:(?=\s))|(\b\d+(?:\.\d+)?(?:Mi|Gi|Ki|m|ms|s)?\b)/gim;

/**
 * Colours raw evidence (logs, events, describe output) so the eye finds the failure: failure
 * words, warnings, `key:` labels and quantities. Returns text segments, never HTML, so nothing
 * in the output can inject markup.
 */
export function highlight(text: string): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const match of text.matchAll(TOKEN)) {
    const index = match.index ?? 0;
    if (index > at) segments.push({ text: text.slice(at, index), kind: 'plain' });
    const [word, failure, key] = match;
    const kind: Segment['kind'] = failure
      ? ERROR.test(failure)
        ? 'error'
        : WARNING.test(failure)
          ? 'warning'
          : 'plain'
      : key
        ? 'key'
        : 'number';
    segments.push({ text: word, kind });
    at = index + word.length;
  }
  if (at < text.length) segments.push({ text: text.slice(at), kind: 'plain' });
  return segments;
}

import { OutputTooLargeError } from '../errors.ts';

export type CappedOutput = { result: unknown; truncated: boolean; serialized: string; bytes: number };

/** Which end of a string or array survives a cut: logs and events keep their newest (last) part. */
export type KeepEnd = 'head' | 'tail';

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

function done(result: unknown, truncated: boolean): CappedOutput {
  const serialized = JSON.stringify(result) ?? 'null';
  return { result, truncated, serialized, bytes: byteLength(serialized) };
}

/** Cuts text to fit `maxBytes` of JSON at a line boundary, keeping its head or its tail. */
export function cutText(text: string, maxBytes: number, keep: KeepEnd): string {
  const raw = Buffer.from(text, 'utf8');
  let budget = maxBytes;
  let cut = text;
  // JSON escaping makes the serialized form a little longer than the raw text: shrink until it fits.
  while (budget > 0) {
    const slice = keep === 'tail' ? raw.subarray(Math.max(0, raw.length - budget)) : raw.subarray(0, budget);
    cut = slice.toString('utf8').replace(/^\uFFFD|\uFFFD$/g, '');
    // Whole lines read better than a half line: drop the partial one at the cut.
    if (keep === 'tail') {
      const newline = cut.indexOf('\n');
      if (newline >= 0 && newline < cut.length - 1) cut = cut.slice(newline + 1);
    } else {
      const newline = cut.lastIndexOf('\n');
      if (newline > 0) cut = cut.slice(0, newline + 1);
    }
    const over = byteLength(JSON.stringify(cut)) - maxBytes;
    if (over <= 0) return cut;
    budget -= Math.max(over, 16);
  }
  return '';
}

function cutArray(items: unknown[], maxBytes: number, keep: KeepEnd, overhead: number): unknown[] {
  const sizes = items.map((item) => byteLength(JSON.stringify(item) ?? 'null') + 1);
  let total = overhead + 2;
  let count = 0;
  const order = keep === 'tail' ? [...sizes].reverse() : sizes;
  for (const size of order) {
    if (total + size > maxBytes) break;
    total += size;
    count++;
  }
  return keep === 'tail' ? items.slice(items.length - count) : items.slice(0, count);
}

/**
 * Fits a result into `maxBytes` of JSON: strings and arrays are cut (keeping `keep`'s end), a
 * list's `items` lose their last entries; anything else that does not fit is OutputTooLargeError.
 */
export function capOutput(result: unknown, maxBytes: number, keep: KeepEnd): CappedOutput {
  const whole = done(result, false);
  if (whole.bytes <= maxBytes) return whole;

  if (typeof result === 'string') return done(cutText(result, maxBytes, keep), true);
  if (Array.isArray(result)) return done(cutArray(result, maxBytes, keep, 0), true);
  if (result !== null && typeof result === 'object' && Array.isArray((result as { items?: unknown }).items)) {
    const list = result as { items: unknown[] };
    const overhead = whole.bytes - byteLength(JSON.stringify(list.items));
    const capped = done({ ...list, items: cutArray(list.items, maxBytes, 'head', overhead) }, true);
    if (capped.bytes <= maxBytes) return capped;
  }
  throw new OutputTooLargeError(`result of ${whole.bytes} bytes exceeds the ${maxBytes}-byte cap`, {
    userMessage: `the result is larger than the agent's ${maxBytes}-byte output cap; ask for something narrower`,
  });
}

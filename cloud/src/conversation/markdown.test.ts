import { describe, expect, it } from 'vitest';
import { capAnswer, codeBlock, MAX_ANSWER_CHARS } from './markdown.ts';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n');

describe('codeBlock', () => {
  it('keeps the newest lines of a long log and says what it left out', () => {
    const block = codeBlock(lines(100), { maxLines: 3, keep: 'tail' });
    expect(block).toBe(
      '```text\nline 98\nline 99\nline 100\n```\n_Showing the last 3 of 100 lines; run the command for the rest._',
    );
  });

  it('keeps the first lines of a long description', () => {
    expect(codeBlock(lines(10), { maxLines: 2, keep: 'head' })).toContain(
      '```text\nline 1\nline 2\n```\n_Showing the first 2 of 10',
    );
  });

  it('adds no note when everything fits', () => {
    expect(codeBlock('ok\n', { maxLines: 5, keep: 'tail' })).toBe('```text\nok\n```');
  });

  // Regression: a log line with a fence must not end the block and turn the rest into markdown.
  it('uses a longer fence than any backtick run in the output', () => {
    expect(codeBlock('echo ```\n````', { maxLines: 5, keep: 'head' })).toBe(
      '`````text\necho ```\n````\n`````',
    );
  });
});

describe('capAnswer', () => {
  it('cuts an over-long answer and says so', () => {
    const capped = capAnswer('x'.repeat(MAX_ANSWER_CHARS + 10));
    expect(capped.endsWith(`_(answer cut at ${MAX_ANSWER_CHARS} characters)_`)).toBe(true);
  });
});

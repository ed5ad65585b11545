import { describe, expect, it } from 'vitest';
import { answerBlocks, markdownToMrkdwn } from './answer-blocks.ts';

describe('markdownToMrkdwn', () => {
  it('turns Markdown into what Slack renders, leaving code alone', () => {
    const markdown = [
      '### Previous logs',
      '**checkout** crashed, see [the runbook](https://x.example/r).',
      '```text',
      '**not bold** [x](https://y)',
      '```',
    ].join('\n');
    expect(markdownToMrkdwn(markdown)).toBe(
      [
        '*Previous logs*',
        '*checkout* crashed, see <https://x.example/r|the runbook>.',
        '```',
        '**not bold** [x](https://y)',
        '```',
      ].join('\n'),
    );
  });
});

describe('answerBlocks', () => {
  it('keeps a short answer in one section', () => {
    expect(answerBlocks('All good.')).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'All good.' } },
    ]);
  });

  describe('when the answer is longer than a section holds', () => {
    const logLines = Array.from(
      { length: 400 },
      (_, i) =>
        `2026-11-24T10:00:${String(i % 60).padStart(2, '0')}Z line ${i} connection refused to cart-db:5432`,
    );
    const markdown = `Here are the logs:\n\`\`\`text\n${logLines.join('\n')}\n\`\`\`\nThat is all.`;
    const blocks = answerBlocks(markdown);
    const texts = blocks.map((block) => (block as { text: { text: string } }).text.text);

    it('splits it into sections within 3,000 characters and 50 blocks, losing no line', () => {
      expect(blocks.length).toBeGreaterThan(1);
      expect(blocks.length).toBeLessThanOrEqual(50);
      for (const text of texts) expect(text.length).toBeLessThanOrEqual(3_000);
      const joined = texts.join('\n');
      for (const line of logLines) expect(joined).toContain(line);
      expect(joined).toContain('That is all.');
    });

    it('closes and re-opens the code block at each cut, so every part renders as code', () => {
      for (const text of texts) expect((text.match(/```/g) ?? []).length % 2).toBe(0);
    });
  });

  it('cuts a single overlong line rather than exceeding the limit', () => {
    const blocks = answerBlocks('x'.repeat(7_000));
    for (const block of blocks)
      expect((block as { text: { text: string } }).text.text.length).toBeLessThanOrEqual(3_000);
    expect(blocks.map((block) => (block as { text: { text: string } }).text.text).join('')).toHaveLength(
      7_000,
    );
  });
});

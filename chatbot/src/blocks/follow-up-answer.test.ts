import type { ChatMessage } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { buildFollowUpAnswer, markdownToMrkdwn } from './follow-up-answer.ts';

const answer = (text: string, extra: Partial<ChatMessage> = {}): ChatMessage => ({
  id: 'msg_1',
  orgId: 'org_1',
  investigationId: 'inv_1',
  role: 'assistant',
  text,
  at: '2026-11-24T10:00:00.000Z',
  evidenceIds: [],
  ...extra,
});
const sectionTexts = (text: string) =>
  buildFollowUpAnswer(answer(text), { publicUrl: 'https://ops.example.com' }).blocks.flatMap((block) =>
    block.type === 'section' && block.text ? [block.text.text] : [],
  );

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

describe('buildFollowUpAnswer', () => {
  it('keeps a short answer in one section, says how it was answered, and notifies with plain text', () => {
    const message = buildFollowUpAnswer(answer('All **good**.', { answeredBy: 'intent router (logs)' }));
    expect(message.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'All *good*.' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Answered by intent router (logs)' }] },
    ]);
    expect(message.text).toBe('All good.');
  });

  describe('when the answer is longer than a section holds', () => {
    const logLines = Array.from(
      { length: 400 },
      (_, i) =>
        `2026-11-24T10:00:${String(i % 60).padStart(2, '0')}Z line ${i} connection refused to cart-db:5432`,
    );
    const texts = sectionTexts(
      `Here are the logs:\n\`\`\`text\n${logLines.join('\n')}\n\`\`\`\nThat is all.`,
    );

    it('splits it into sections within 3,000 characters and 50 blocks, losing no line', () => {
      expect(texts.length).toBeGreaterThan(1);
      expect(texts.length).toBeLessThanOrEqual(50);
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
    const texts = sectionTexts('x'.repeat(7_000));
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(3_000);
    expect(texts.join('')).toHaveLength(7_000);
  });

  it('past 50 blocks, ends with a link to the whole answer in the portal', () => {
    const message = buildFollowUpAnswer(
      answer(Array.from({ length: 60 }, () => 'y'.repeat(2_950)).join('\n')),
      {
        publicUrl: 'https://ops.example.com',
      },
    );
    expect(message.blocks).toHaveLength(50);
    expect(JSON.stringify(message.blocks.at(-1))).toContain('https://ops.example.com/investigations/inv_1');
  });
});

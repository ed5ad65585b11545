import { describe, expect, it } from 'vitest';
import type { KnownBlock } from './block-types.ts';
import { clip, fieldsSection, SLACK_LIMITS, section, truncateText, withinLimits } from './limits.ts';

const seeAll = { link: '<https://ops.example.com/investigations/inv_1|the portal>' };

describe('truncateText', () => {
  it('leaves text within the limit untouched', () => {
    expect(truncateText('short', 10)).toBe('short');
  });

  it('cuts long text to the limit and says where to read the rest', () => {
    const cut = truncateText('x'.repeat(5000), 3000, seeAll);
    expect(cut.length).toBeLessThanOrEqual(3000);
    expect(cut).toContain('see all in <https://ops.example.com/investigations/inv_1|the portal>');
  });

  it('closes a code block it cut through, so the note is not swallowed as code', () => {
    const cut = truncateText(`logs:\n\`\`\`${'line\n'.repeat(1000)}\`\`\``, 500, seeAll);
    expect(cut.split('```').length - 1).toBe(2);
    expect(cut.length).toBeLessThanOrEqual(500);
  });

  it('never leaves half a link behind', () => {
    const text = `${'a'.repeat(80)} <https://example.com/${'b'.repeat(100)}|logs>`;
    expect(truncateText(text, 120)).not.toContain('<https');
  });
});

describe('clip', () => {
  it('cuts labels with an ellipsis and no note', () => {
    expect(clip('Needs improvement, really', 10)).toBe('Needs imp…');
  });
});

describe('withinLimits', () => {
  it('brings every section text, field list and button within Slack limits', () => {
    const blocks: KnownBlock[] = [
      { type: 'section', text: { type: 'mrkdwn', text: 'y'.repeat(10_000) } },
      {
        type: 'section',
        fields: Array.from({ length: 14 }, () => ({ type: 'mrkdwn' as const, text: 'z'.repeat(2500) })),
      },
      {
        type: 'actions',
        elements: [{ type: 'button', text: { type: 'plain_text', text: 'w'.repeat(200) }, action_id: 'a' }],
      },
    ];
    const [text, fields, actions] = withinLimits(blocks, seeAll) as [KnownBlock, KnownBlock, KnownBlock];
    expect(text.type === 'section' && text.text?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(fields.type === 'section' && fields.fields?.length).toBe(10);
    expect(fields.type === 'section' && fields.fields?.every((f) => f.text.length <= 2000)).toBe(true);
    expect(
      actions.type === 'actions' &&
        actions.elements[0]?.type === 'button' &&
        actions.elements[0].text.text.length,
    ).toBe(75);
  });

  it('keeps at most 50 blocks, the last one saying how many were left out and where they are', () => {
    const blocks = Array.from({ length: 80 }, (_, i) => section(`item ${i}`));
    const fitted = withinLimits(blocks, seeAll);
    expect(fitted).toHaveLength(50);
    expect(JSON.stringify(fitted.at(-1))).toContain('31 more not shown');
    expect(JSON.stringify(fitted.at(-1))).toContain('the portal');
  });

  it('builds field sections of at most ten fields', () => {
    expect(fieldsSection(Array.from({ length: 12 }, (_, i) => `f${i}`)).fields).toHaveLength(10);
  });
});

import type { KnownBlock, MrkdwnElement, SectionBlock } from './block-types.ts';

/** Slack's documented Block Kit limits; past them Slack refuses the whole message (`invalid_blocks`). */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  fieldsPerSection: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonUrl: 3000,
  /** The top-level `text` is shown in notifications; Slack truncates past 40k, we stay far below. */
  fallbackText: 3000,
} as const;

/** Where to send a reader when something was cut: e.g. `<https://…/investigations/x|the portal>`. */
export interface SeeAll {
  /** mrkdwn, e.g. `<https://opsworker.example.com/investigations/inv_1|the portal>`. */
  link: string;
}

const ELLIPSIS = '…';

/**
 * Cuts `text` to `max` characters, saying so and where to read the rest. A cut inside a code
 * block closes the fence, so the remainder of the message is not swallowed into code.
 */
export function truncateText(text: string, max: number, seeAll?: SeeAll): string {
  if (text.length <= max) return text;
  const note = seeAll ? `\n_Truncated — see all in ${seeAll.link}._` : `\n_Truncated._`;
  const fenceClose = '\n```';
  let kept = text.slice(0, Math.max(0, max - note.length - fenceClose.length - ELLIPSIS.length));
  // Never leave half a mrkdwn link (`<url|…`) or a cut surrogate pair behind.
  const openLink = kept.lastIndexOf('<');
  if (openLink > kept.lastIndexOf('>')) kept = kept.slice(0, openLink);
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  const fences = kept.split('```').length - 1;
  return `${kept}${ELLIPSIS}${fences % 2 === 1 ? fenceClose : ''}${note}`;
}

/** A short label (header, button, context line) cut to `max` with an ellipsis and no note. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const kept = text.slice(0, max - ELLIPSIS.length);
  return `${/[\uD800-\uDBFF]$/.test(kept) ? kept.slice(0, -1) : kept}${ELLIPSIS}`;
}

/** A mrkdwn section whose text always fits. */
export function section(text: string, seeAll?: SeeAll): SectionBlock {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: truncateText(text, SLACK_LIMITS.sectionText, seeAll) },
  };
}

/** A section of short label/value fields, at most ten, each within its limit. */
export function fieldsSection(fields: string[], seeAll?: SeeAll): SectionBlock {
  const kept = fields.slice(0, SLACK_LIMITS.fieldsPerSection);
  return {
    type: 'section',
    fields: kept.map(
      (text): MrkdwnElement => ({ type: 'mrkdwn', text: truncateText(text, SLACK_LIMITS.fieldText, seeAll) }),
    ),
  };
}

/** A context line (small grey text). */
export function context(...texts: string[]): KnownBlock {
  return {
    type: 'context',
    elements: texts
      .slice(0, SLACK_LIMITS.contextElements)
      .map((text) => ({ type: 'mrkdwn', text: clip(text, SLACK_LIMITS.fieldText) })),
  };
}

/**
 * The one pass every builder ends with: texts, fields, context elements, buttons and the block
 * count brought within Slack's limits. Blocks past the fiftieth are replaced by a last line
 * saying where to read the rest, so nothing disappears silently.
 */
export function withinLimits(blocks: KnownBlock[], seeAll?: SeeAll): KnownBlock[] {
  const fitted = blocks.map((block) => fitBlock(block, seeAll));
  if (fitted.length <= SLACK_LIMITS.blocksPerMessage) return fitted;
  const kept = fitted.slice(0, SLACK_LIMITS.blocksPerMessage - 1);
  const dropped = fitted.length - kept.length;
  const where = seeAll ? ` — see all in ${seeAll.link}` : '';
  return [...kept, context(`_${dropped} more not shown${where}._`)];
}

function fitBlock(block: KnownBlock, seeAll: SeeAll | undefined): KnownBlock {
  switch (block.type) {
    case 'section': {
      const fitted: SectionBlock = { ...block };
      if (block.text)
        fitted.text = {
          ...block.text,
          text: truncateText(block.text.text, SLACK_LIMITS.sectionText, seeAll),
        };
      if (block.fields)
        fitted.fields = block.fields
          .slice(0, SLACK_LIMITS.fieldsPerSection)
          .map((field) => ({ ...field, text: truncateText(field.text, SLACK_LIMITS.fieldText, seeAll) }));
      return fitted;
    }
    case 'header':
      return { ...block, text: { ...block.text, text: clip(block.text.text, SLACK_LIMITS.headerText) } };
    case 'context':
      return { ...block, elements: block.elements.slice(0, SLACK_LIMITS.contextElements) };
    case 'actions':
      return {
        ...block,
        elements: block.elements.slice(0, SLACK_LIMITS.actionsElements).map((element) =>
          element.type === 'button'
            ? {
                ...element,
                text: { ...element.text, text: clip(element.text.text, SLACK_LIMITS.buttonText) },
              }
            : element,
        ),
      };
    default:
      return block;
  }
}

/** A message's fallback text, within its limit. */
export function fallbackText(text: string): string {
  return clip(text, SLACK_LIMITS.fallbackText);
}

/** Limits from the NormalizedAlert contract. */
const MAX_TITLE = 500;
const MAX_DESCRIPTION = 10_000;

/**
 * The first non-blank candidate as a title within the contract's limit, else `fallback`.
 * Titles are one line: Slack and the desktop show them as headings.
 */
export function alertTitle(candidates: ReadonlyArray<string | undefined>, fallback: string): string {
  const text = firstText(candidates) ?? fallback;
  // Most titles are one line already: test before copying.
  return clamp(NOT_ONE_LINE.test(text) ? text.replace(/\s+/g, ' ') : text, MAX_TITLE);
}

/** White space other than a single space between words. */
const NOT_ONE_LINE = /[^\S ]|\s\s/;

/** The first non-blank candidate as a description within the contract's limit, else empty. */
export function alertDescription(candidates: ReadonlyArray<string | undefined>): string {
  return clamp(firstText(candidates) ?? '', MAX_DESCRIPTION);
}

function firstText(candidates: ReadonlyArray<string | undefined>): string | undefined {
  for (const candidate of candidates) {
    const text = candidate?.trim();
    if (text) return text;
  }
  return undefined;
}

function clamp(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

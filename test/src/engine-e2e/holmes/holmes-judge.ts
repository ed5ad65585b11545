const STOPWORDS = new Set(
  'the a an is are was were be been being of to in on for with by and or not no it its this that these those as at from has have had because due which their there than then must should either exact could would output state'.split(
    ' ',
  ),
);

/** Identifiers a right answer cannot paraphrase: `DEPLOY_ENV`, `prod-db:3333`, `standard-v2`, numbers. */
const IDENTIFIER = /[`"']([^`"']+)[`"']|\b[\w.-]*(?:\d|[_:./-])[\w.:/-]*\b/g;

function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .match(/[a-z]{4,}/g)
      ?.filter((w) => !STOPWORDS.has(w)) ?? []
  );
}

/**
 * An approximate judge of one expected statement against an answer: every identifier it quotes
 * must appear, and enough of its other content words (40% when identifiers already matched, 60%
 * otherwise) to allow a paraphrase. HolmesGPT's own suite asks an LLM to judge; this stays
 * deterministic and errs on the strict side for names.
 */
export function answerStates(answer: string, expected: string): boolean {
  const text = answer.toLowerCase();
  const identifiers = [...expected.matchAll(IDENTIFIER)]
    .map((m) => (m[1] ?? m[0]).toLowerCase())
    .filter((id) => id.length > 2);
  if (!identifiers.every((id) => text.includes(id))) return false;
  const content = words(expected.replace(IDENTIFIER, ' '));
  if (content.length === 0) return true;
  return (
    content.filter((word) => text.includes(word.slice(0, Math.max(4, word.length - 2)))).length /
      content.length >=
    (identifiers.length > 0 ? 0.4 : 0.6)
  );
}

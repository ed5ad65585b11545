/**
 * Text for a summary that a reader (or a screen reader) counts as exactly one sentence:
 * whitespace collapsed, inner full stops between sentences turned into semicolons, one final
 * full stop. File names and versions (`v3.2.0`, `pg_wal/xlogtemp.31`) keep their dots.
 */
export function asSentence(text: string): string {
  const body = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!?]\s+(?=\S)/g, '; ')
    .replace(/[.!?;:,\s]+$/, '');
  if (!body) return '';
  // `deployment/x` stays as kubectl writes it; plain words start with a capital.
  const start = /^[a-z]+\//.test(body) ? body : `${body.charAt(0).toUpperCase()}${body.slice(1)}`;
  return `${start}.`;
}

/**
 * The first clause of a statement (up to its first semicolon outside quotes): the conclusion
 * without the detail. Quoted log lines keep their own semicolons.
 */
export function firstClause(statement: string): string {
  let quotes = 0;
  for (let i = 0; i < statement.length - 1; i++) {
    const char = statement[i];
    if (char === '"') quotes++;
    else if (char === ';' && statement[i + 1] === ' ' && quotes % 2 === 0) return statement.slice(0, i);
  }
  return statement;
}

/** Bounds a text for a report field, marking the cut. */
export function bounded(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

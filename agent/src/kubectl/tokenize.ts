import { ForbiddenOperationError } from '@opsworker/shared';

/** Characters a shell would act on. The agent runs no shell, but a command holding them was not meant for it. */
const SHELL_METACHARACTERS = /[;|&$`<>\\\n\r]/;

/** Refuses a token that carries shell metacharacters. */
export function assertNoShellSyntax(token: string): void {
  const found = SHELL_METACHARACTERS.exec(token);
  if (found) {
    const shown = found[0] === '\n' || found[0] === '\r' ? 'a line break' : `"${found[0]}"`;
    throw new ForbiddenOperationError(`shell metacharacter ${shown} in command`, {
      userMessage: `Refused: the command contains ${shown}. Only one plain kubectl-style read command is accepted: no pipes, redirects, substitutions or chained commands.`,
    });
  }
}

/**
 * Splits a command line into words, honouring single and double quotes (so `-l "app in (a,b)"`
 * stays one word), after refusing shell metacharacters anywhere in it.
 */
export function tokenize(text: string): string[] {
  assertNoShellSyntax(text);
  const tokens: string[] = [];
  let current = '';
  let quote: string | undefined;
  let inToken = false;
  for (const char of text.trim()) {
    if (quote) {
      if (char === quote) quote = undefined;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      inToken = true;
    } else if (/\s/.test(char)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
    } else {
      current += char;
      inToken = true;
    }
  }
  if (quote) {
    throw new ForbiddenOperationError('unbalanced quote in command', {
      userMessage: `Refused: the command has an unclosed ${quote} quote.`,
    });
  }
  if (inToken) tokens.push(current);
  return tokens;
}

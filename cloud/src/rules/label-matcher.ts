import type { LabelMatcher } from '@opsworker/shared';
import { labelValue } from './label-value.ts';

/** A label matcher ready to run: `test` is called for every alert a rule sees. */
export interface CompiledLabelMatcher {
  test(labels: Readonly<Record<string, string>>): boolean;
  /** Alertmanager matcher syntax, e.g. `team=~"db|api"`. */
  readonly text: string;
}

/**
 * Compiles a matcher with Alertmanager semantics: `=~` and `!~` must match the whole value
 * (the regex is anchored as `^(?:re)$`), and a missing label is the empty string, so
 * `team=""` matches alerts without a team label and `team!=""` requires one.
 * Throws a SyntaxError for a regex that does not compile.
 */
export function compileLabelMatcher(matcher: LabelMatcher): CompiledLabelMatcher {
  const { name, op, value } = matcher;
  const text = `${name}${op}${JSON.stringify(value)}`;
  switch (op) {
    case '=':
      return { text, test: (labels) => labelValue(labels, name) === value };
    case '!=':
      return { text, test: (labels) => labelValue(labels, name) !== value };
    case '=~': {
      const re = new RegExp(`^(?:${value})$`);
      return { text, test: (labels) => re.test(labelValue(labels, name)) };
    }
    case '!~': {
      const re = new RegExp(`^(?:${value})$`);
      return { text, test: (labels) => !re.test(labelValue(labels, name)) };
    }
  }
}

import { refuseUsage } from './refusals.ts';
import { assertNoShellSyntax } from './tokenize.ts';

/** The flags the agent understands, by canonical name. */
export type CommandFlags = {
  namespace?: string;
  allNamespaces?: boolean;
  selector?: string;
  fieldSelector?: string;
  output?: string;
  container?: string;
  previous?: boolean;
  tail?: string;
  since?: string;
  for?: string;
};
export type FlagName = keyof CommandFlags;

const VALUE_FLAGS: Record<string, FlagName> = {
  '-n': 'namespace',
  '--namespace': 'namespace',
  '-l': 'selector',
  '--selector': 'selector',
  '--field-selector': 'fieldSelector',
  '-o': 'output',
  '--output': 'output',
  '-c': 'container',
  '--container': 'container',
  '--tail': 'tail',
  '--since': 'since',
  '--for': 'for',
};
const BOOLEAN_FLAGS: Record<string, FlagName> = {
  '-A': 'allNamespaces',
  '--all-namespaces': 'allNamespaces',
  '-p': 'previous',
  '--previous': 'previous',
};

export type SplitCommand = {
  positional: string[];
  flags: CommandFlags;
  used: Map<FlagName, string>;
  /** Flags the agent does not know, refused once the verb is known (so the message can name it). */
  unknown: string[];
};

/**
 * Separates words from flags, in any order as kubectl allows: `--flag value`, `--flag=value`,
 * `-n value`, `-nvalue`, `-n=value`. `used` maps each flag given to how it was spelled, for
 * refusals that name it.
 */
export function splitCommand(tokens: string[]): SplitCommand {
  const positional: string[] = [];
  const flags: CommandFlags = {};
  const used = new Map<FlagName, string>();
  const unknown: string[] = [];
  const set = flags as Record<FlagName, string | boolean>;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    assertNoShellSyntax(token);
    if (!token.startsWith('-') || token === '-') {
      positional.push(token);
      continue;
    }
    const long = token.startsWith('--');
    const equals = token.indexOf('=');
    let name = equals > 0 ? token.slice(0, equals) : token;
    let inline = equals > 0 ? token.slice(equals + 1) : undefined;
    // `-nshop`, `-owide`: a short value flag with its value attached.
    if (!long && inline === undefined && name.length > 2 && VALUE_FLAGS[name.slice(0, 2)]) {
      inline = name.slice(2);
      name = name.slice(0, 2);
    }
    const valueFlag = VALUE_FLAGS[name];
    const booleanFlag = BOOLEAN_FLAGS[name];
    if (valueFlag) {
      const value = inline ?? tokens[++i];
      if (value === undefined || value === '') throw refuseUsage(`${name} needs a value.`);
      assertNoShellSyntax(value);
      set[valueFlag] = value;
      used.set(valueFlag, name);
    } else if (booleanFlag) {
      if (inline !== undefined && inline !== 'true' && inline !== 'false')
        throw refuseUsage(`${name} takes true or false.`);
      set[booleanFlag] = inline !== 'false';
      used.set(booleanFlag, name);
    } else {
      unknown.push(name);
    }
  }
  return { positional, flags, used, unknown };
}

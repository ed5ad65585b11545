import { type AgentOperation, CLUSTER_SCOPED_KINDS, type ResourceKind } from '@opsworker/shared';
import { type CommandFlags, type FlagName, type SplitCommand, splitCommand } from './command-flags.ts';
import { resolveKind } from './kind-aliases.ts';
import { refuseFlag, refuseUsage, refuseVerb } from './refusals.ts';
import { tokenize } from './tokenize.ts';

export type OutputFormat = 'table' | 'wide' | 'yaml' | 'json';

/** A kubectl-style command turned into one agent operation and how to print its result. */
export type ParsedKubectl = { operation: AgentOperation; output: OutputFormat };

export type ParseOptions = {
  /** Where namespaced reads go without -n/-A: the kubeconfig context's namespace; `default` otherwise. */
  defaultNamespace?: string;
};

type Verb = 'get' | 'describe' | 'logs' | 'events' | 'top' | 'rollout' | 'cluster-info';

const VERB_FLAGS: Record<Verb, ReadonlySet<FlagName>> = {
  get: new Set(['namespace', 'allNamespaces', 'selector', 'fieldSelector', 'output']),
  describe: new Set(['namespace']),
  logs: new Set(['namespace', 'container', 'previous', 'tail', 'since']),
  events: new Set(['namespace', 'allNamespaces', 'for', 'output']),
  top: new Set(['namespace', 'allNamespaces', 'output']),
  rollout: new Set(['namespace', 'output']),
  'cluster-info': new Set(['output']),
};

function isVerb(word: string): word is Verb {
  return word in VERB_FLAGS;
}

type Command = SplitCommand & {
  verb: Verb;
  args: string[];
  namespace: (kind: ResourceKind) => string | undefined;
};

/** `kind/name`, `kind name` or `kind`; more than one object, or several kinds, is refused. */
function target(args: string[], verb: string): { kind: ResourceKind; name?: string } {
  const [first, second, ...rest] = args;
  if (!first) throw refuseUsage(`${verb} needs a resource type, e.g. "${verb} pods".`);
  const slash = first.indexOf('/');
  const kinds = (slash >= 0 ? first.slice(0, slash) : first).split(',');
  // Resolve every listed kind first, so `pods,secrets` is refused for the secrets.
  for (const part of kinds) resolveKind(part);
  if (kinds.length > 1) throw refuseUsage('one resource type at a time, please.');
  const kind = resolveKind(slash >= 0 ? first.slice(0, slash) : first);
  const name = slash >= 0 ? first.slice(slash + 1) : second;
  if ((slash >= 0 && second !== undefined) || rest.length > 0 || name?.includes('/') || name === '') {
    throw refuseUsage('one object at a time, please.');
  }
  return name === undefined ? { kind } : { kind, name };
}

function output(flags: CommandFlags): OutputFormat {
  const value = flags.output ?? 'table';
  if (value === 'table' || value === 'wide' || value === 'yaml' || value === 'json') return value;
  throw refuseUsage(`-o ${value} is not supported: use -o wide, -o yaml or -o json.`);
}

function positiveInt(value: string, flag: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw refuseUsage(`${flag} needs a positive whole number.`);
  return Number(value);
}

/** Go durations as kubectl takes them for --since: `30s`, `5m`, `1h30m`. */
function seconds(value: string): number {
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(value);
  const total = match ? Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0) : 0;
  if (!match || total < 1) throw refuseUsage(`--since needs a duration such as 30s, 5m or 1h30m.`);
  return total;
}

const BUILDERS: Record<Verb, (command: Command) => AgentOperation> = {
  get({ args, flags, namespace, used }) {
    const { kind, name } = target(args, 'get');
    if (name !== undefined) {
      if (flags.allNamespaces)
        throw refuseUsage('an object cannot be read by name across all namespaces: give -n instead of -A.');
      if (flags.selector || flags.fieldSelector)
        throw refuseUsage(
          `a name and a selector (${used.get(flags.selector ? 'selector' : 'fieldSelector')}) cannot be combined.`,
        );
      return { op: 'get', kind, namespace: namespace(kind), name };
    }
    return {
      op: 'list',
      kind,
      namespace: flags.allNamespaces ? undefined : namespace(kind),
      labelSelector: flags.selector,
      fieldSelector: flags.fieldSelector,
    };
  },
  describe({ args, namespace }) {
    const { kind, name } = target(args, 'describe');
    if (name === undefined)
      throw refuseUsage(
        `describe needs a name, e.g. "describe ${kind} <name>"; list them with "get ${kind}".`,
      );
    return { op: 'describe', kind, namespace: namespace(kind), name };
  },
  logs({ args, flags, namespace }) {
    const [first, second, ...rest] = args;
    if (!first || rest.length > 0) throw refuseUsage('logs needs one pod: "logs <pod> [-c container]".');
    const slash = first.indexOf('/');
    if (slash >= 0 && resolveKind(first.slice(0, slash)) !== 'pods') {
      throw refuseUsage('logs reads one pod: find it with "get pods -l <selector>", then "logs <pod>".');
    }
    const pod = slash >= 0 ? first.slice(slash + 1) : first;
    const tail =
      flags.tail === undefined || flags.tail === '-1' ? undefined : positiveInt(flags.tail, '--tail');
    return {
      op: 'logs',
      namespace: namespace('pods') ?? 'default',
      pod,
      container: flags.container ?? second,
      previous: flags.previous || undefined,
      tailLines: tail,
      sinceSeconds: flags.since === undefined ? undefined : seconds(flags.since),
    };
  },
  events({ args, flags, namespace }) {
    if (args.length > 0) throw refuseUsage('events takes no arguments: use --for <kind>/<name>.');
    const about = flags.for ? target([flags.for], 'events --for') : undefined;
    if (about && about.name === undefined)
      throw refuseUsage('--for needs <kind>/<name>, e.g. --for pod/web-1.');
    return {
      op: 'events',
      namespace: flags.allNamespaces ? undefined : namespace(about?.kind ?? 'pods'),
      involvedObject: about?.name ? { kind: about.kind, name: about.name } : undefined,
    };
  },
  top({ args, flags, namespace }) {
    const { kind, name } = target(args, 'top');
    if (kind !== 'pods' && kind !== 'nodes')
      throw refuseUsage('top reads pods or nodes: "top pods" or "top nodes".');
    return {
      op: 'top',
      kind,
      namespace: kind === 'pods' && !flags.allNamespaces ? namespace(kind) : undefined,
      name,
    };
  },
  rollout({ args, namespace }) {
    const [sub, ...rest] = args;
    if (sub !== 'history') {
      throw refuseUsage(
        `"kubectl rollout ${sub ?? ''}" changes the cluster or waits on it; only "rollout history" is read-only.`,
      );
    }
    const { kind, name } = target(rest, 'rollout history');
    if (kind !== 'deployments' && kind !== 'statefulsets' && kind !== 'daemonsets') {
      throw refuseUsage('rollout history reads deployments, statefulsets or daemonsets.');
    }
    if (!name) throw refuseUsage(`rollout history needs a name, e.g. "rollout history ${kind}/<name>".`);
    return { op: 'rolloutHistory', kind, namespace: namespace(kind) ?? 'default', name };
  },
  'cluster-info'({ args }) {
    if (args.length > 0)
      throw refuseUsage('"cluster-info" takes no arguments ("cluster-info dump" is not supported).');
    return { op: 'clusterInfo' };
  },
};

/**
 * Parses already-split words (e.g. process.argv after `exec --`). Throws ForbiddenOperationError
 * whose userMessage says what was refused and what is allowed.
 */
export function parseKubectlArgs(tokens: string[], options: ParseOptions = {}): ParsedKubectl {
  const split = splitCommand(tokens);
  const words = split.positional[0] === 'kubectl' ? split.positional.slice(1) : split.positional;
  const [verb, ...args] = words;
  if (!verb) throw refuseUsage('no command given.');
  if (!isVerb(verb)) throw refuseVerb(verb);
  const [unknown] = split.unknown;
  if (unknown) throw refuseFlag(unknown, verb);
  for (const [flag, spelled] of split.used) {
    if (!VERB_FLAGS[verb].has(flag)) throw refuseFlag(spelled, verb);
  }
  const fallback = split.flags.namespace ?? options.defaultNamespace ?? 'default';
  const namespace = (kind: ResourceKind) => (CLUSTER_SCOPED_KINDS.has(kind) ? undefined : fallback);
  const operation = BUILDERS[verb]({ ...split, verb, args, namespace });
  return { operation, output: output(split.flags) };
}

/** Parses one kubectl-style command line, e.g. `kubectl get pods -n shop -o wide`. */
export function parseKubectl(text: string, options: ParseOptions = {}): ParsedKubectl {
  return parseKubectlArgs(tokenize(text), options);
}

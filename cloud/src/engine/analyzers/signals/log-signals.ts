/**
 * What the last lines of a container's log say about why it stopped. The rules are ordered:
 * an application that cannot read its configuration often logs a stack trace too, and the
 * configuration is the cause, the trace only the way it died.
 */

export type LogSignalKind =
  | 'config'
  | 'permission'
  | 'dns'
  | 'refused'
  | 'timeout'
  | 'disk_full'
  | 'oom'
  | 'panic';

export interface LogSignal {
  kind: LogSignalKind;
  /** The line that says so, trimmed and bounded. */
  line: string;
  /** What the line names: an environment variable, a path, a host. */
  subject?: string;
  /** Cluster DNS names (`cart-db.shop.svc.cluster.local`) the tail of the log mentions. */
  hosts: string[];
  /** `ip:port` pairs the tail of the log mentions. */
  addresses: string[];
}

/** How many trailing lines are read: enough for a stack trace, not the whole history. */
const TAIL_LINES = 60;
const MAX_LINE = 240;

interface Rule {
  kind: LogSignalKind;
  match: RegExp;
  /** Prefer, among matching lines, the one that also matches this (the headline of a trace). */
  headline?: RegExp;
  subject?: (line: string) => string | undefined;
}

const ENV_NAME = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/;
const PATH = /['"](\/[^'"\s]+)['"]|(?:^|\s|:)(\/[\w./-]+)/;

const RULES: readonly Rule[] = [
  {
    kind: 'config',
    match:
      /missing (?:required )?(?:environment variable|env(?:ironment)? var|config(?:uration)? (?:key|value|option))|(?:environment variable|env var)\s+\S+\s+(?:is )?(?:not set|required|missing|empty)|invalid (?:value|setting)\b.*\bfor\b|\bconfig(?:uration)?\b[^a-z]*\b(?:invalid|error|missing)\b|required (?:setting|variable|option) .* not (?:set|provided)|(?:no such file or directory|not found).*\.(?:ya?ml|json|toml|ini|conf|properties)\b/i,
    subject: (line) => ENV_NAME.exec(line)?.[0],
  },
  {
    kind: 'permission',
    match: /permission denied|\bEACCES\b|operation not permitted|\bEPERM\b|read-only file system/i,
    subject: (line) => {
      const match = PATH.exec(line.slice(line.search(/permission|EACCES|EPERM|read-only/i)));
      return match?.[1] ?? match?.[2];
    },
  },
  {
    kind: 'dns',
    match:
      /no such host|NXDOMAIN|SERVFAIL|server misbehaving|temporary failure in name resolution|\bENOTFOUND\b|\bEAI_AGAIN\b|could not resolve host|name or service not known|name does not resolve|:53: (?:i\/o timeout|read: connection refused)/i,
    subject: (line) =>
      /lookup ([\w.-]+)/.exec(line)?.[1] ??
      /ENOTFOUND ([\w.-]+)/.exec(line)?.[1] ??
      /resolve host:? ([\w.-]+)/i.exec(line)?.[1],
  },
  { kind: 'refused', match: /connection refused|\bECONNREFUSED\b/i },
  {
    kind: 'timeout',
    match:
      /i\/o timeout|\bETIMEDOUT\b|connection timed out|timed out connecting|context deadline exceeded|connect timeout/i,
  },
  { kind: 'disk_full', match: /no space left on device|\bENOSPC\b|disk (?:is )?full/i },
  {
    kind: 'oom',
    match: /OutOfMemoryError|out of memory|heap out of memory|cannot allocate memory|\bMemoryError\b/i,
  },
  {
    kind: 'panic',
    match:
      /^panic:|fatal error:|PANIC:|Traceback \(most recent call last\)|(?:^|\s)(?:[\w$]+\.)*\w*(?:Exception|Error)(?::|\s+at\b)|unhandled (?:exception|rejection)|uncaught|SIGSEGV|segmentation fault|core dumped/i,
    headline: /^(?:panic:|fatal error:|PANIC:|(?:[\w$]+\.)*\w*(?:Exception|Error):)/,
  },
];

const CLUSTER_HOST = /\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.svc(?:\.cluster\.local)?\b/g;
const ADDRESS = /\b\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}\b/g;

function bounded(line: string): string {
  const trimmed = line.trim();
  return trimmed.length > MAX_LINE ? `${trimmed.slice(0, MAX_LINE - 1)}…` : trimmed;
}

function lastMatching(lines: string[], pattern: RegExp): string | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i];
    if (line !== undefined && pattern.test(line)) return line;
  }
  return undefined;
}

/** The tail of a log as lines, without blank ones. */
export function tailLines(text: string, count = TAIL_LINES): string[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(-count);
}

/** Reads the strongest signal in the tail of a log, or undefined when it says nothing telling. */
export function readLogSignal(text: string): LogSignal | undefined {
  const lines = tailLines(text);
  for (const rule of RULES) {
    const line = lastMatching(lines, rule.match);
    if (line === undefined) continue;
    const chosen = (rule.headline && lastMatching(lines, rule.headline)) || line;
    const tail = lines.join('\n');
    const subject = rule.subject?.(chosen);
    return {
      kind: rule.kind,
      line: bounded(chosen),
      ...(subject ? { subject } : {}),
      hosts: [...new Set(tail.match(CLUSTER_HOST) ?? [])],
      addresses: [...new Set(tail.match(ADDRESS) ?? [])],
    };
  }
  return undefined;
}

const ERROR_LINE = /\b(?:error|fatal|failed|failure|exception|panic|denied|refused|timeout)\b/i;

/** The last error-looking lines of a log (at most `count`), oldest first: what a human would quote. */
export function errorLines(text: string, count = 2): string[] {
  return tailLines(text)
    .filter((line) => ERROR_LINE.test(line))
    .slice(-count)
    .map(bounded);
}

import { resolveKind } from '@opsworker/agent/kubectl/kind-aliases.ts';
import type { ResourceKind } from '@opsworker/shared';

/** An object a question names: `deployment/checkout`, `pod web-1`, `logs of checkout`. */
export interface MentionedObject {
  kind?: ResourceKind;
  name: string;
}

/** Kind words people use in prose; kubectl's two-letter aliases (`no`, `ns`) are English words too. */
const KIND_WORDS =
  'pods?|deployments?|deploy|statefulsets?|sts|daemonsets?|ds|jobs?|cronjobs?|nodes?|services?|svc|pvcs?|hpas?|replicasets?|configmaps?|ingress(?:es)?';
const NAME = '[a-z0-9](?:[-a-z0-9.]*[a-z0-9])?';
const SLASHED = new RegExp(`\\b([a-z][a-z.]*)/(${NAME})`, 'i');
const KIND_THEN_NAME = new RegExp(`\\b(${KIND_WORDS})\\s+[\`'"]?(${NAME})`, 'i');
const NAME_THEN_KIND = new RegExp(`\\b(${NAME})\\s+(${KIND_WORDS})\\b`, 'i');
const AFTER_PREPOSITION = new RegExp(`\\b(?:of|for|from|on|about)\\s+(?:the\\s+)?[\`'"]?(${NAME})`, 'gi');

/** Words that follow "of"/"for" in questions but are not object names. */
const NOT_NAMES = new Set(
  [
    'the it this that them its a an my our your me us all and or in on of for with to from is are was were',
    'pod pods container containers app service deployment namespace cluster node nodes',
    'logs log events history status details last previous current crash crashed crashing restart restarts',
    'restarting failing running pending ready down up keeps not time now today error errors problem issue',
    'change changes fix',
  ]
    .join(' ')
    .split(' '),
);

function kindOf(word: string): ResourceKind | undefined {
  // People pluralize short names (`pvcs`, `hpas`) that kubectl only knows in the singular.
  for (const candidate of [word, word.replace(/s$/, '')]) {
    try {
      return resolveKind(candidate.toLowerCase());
    } catch {}
  }
  return undefined;
}

/**
 * Which object a question names, if any. A bare word counts as a name only when it looks like
 * a Kubernetes name (has a dash or a digit) or is one of `knownNames` (the investigation's
 * objects), so "logs of checkout" works and "logs of yesterday" does not.
 */
export function mentionedObject(
  text: string,
  knownNames: readonly string[] = [],
): MentionedObject | undefined {
  const slashed = SLASHED.exec(text);
  if (slashed?.[1] && slashed[2]) {
    const kind = kindOf(slashed[1]);
    if (kind) return { kind, name: slashed[2].toLowerCase() };
  }
  for (const [pattern, kindAt, nameAt] of [
    [KIND_THEN_NAME, 1, 2],
    [NAME_THEN_KIND, 2, 1],
  ] as const) {
    const match = pattern.exec(text);
    const name = match?.[nameAt]?.toLowerCase();
    if (match && name && !NOT_NAMES.has(name)) return { kind: kindOf(match[kindAt] ?? ''), name };
  }
  const known = new Set(knownNames.map((n) => n.toLowerCase()));
  for (const match of text.matchAll(AFTER_PREPOSITION)) {
    const name = match[1]?.toLowerCase();
    if (name && !NOT_NAMES.has(name) && (/[-\d]/.test(name) || known.has(name))) return { name };
  }
  return undefined;
}

import { OpsWorkerError } from '@opsworker/shared';
import {
  assertNamespace,
  NAMESPACE_NAME,
  OBJECT_NAME,
  parseWorkloadRef,
  type WorkloadRef,
} from '../commands/workload-ref.ts';

/** A question to the bot about a workload: what to investigate, and the question in plain words. */
export interface WorkloadQuestion {
  target: WorkloadRef;
  question: string;
}

/** Kind words people use in sentences ("the checkout deployment", "pod api-x"). Short aliases like `no` or `ns` read as English. */
const PROSE_KINDS = new Set([
  'pod',
  'pods',
  'deployment',
  'deployments',
  'deploy',
  'statefulset',
  'statefulsets',
  'sts',
  'daemonset',
  'daemonsets',
  'job',
  'cronjob',
  'service',
  'svc',
  'node',
  'pvc',
  'hpa',
  'ingress',
]);

/** Words that follow "why is" or "in" but never name a workload or namespace. */
const NOT_A_NAME = new Set(
  'a an the it its my our this that there these those my your his her their what which everything something anything last past all any some one so is are was were has have does did do keeps'.split(
    ' ',
  ),
);

const NAME = '([a-z0-9][a-z0-9.-]*[a-z0-9]|[a-z0-9])';
const NAMESPACE_PATTERNS = [
  /(?:^|\s)(?:-n|--namespace)[\s=]+([\w-]+)/gi,
  new RegExp(`\\bnamespace\\s+${NAME}`, 'gi'),
  new RegExp(`\\bin\\s+(?:the\\s+)?${NAME}\\s+namespace\\b`, 'gi'),
  new RegExp(`\\bin\\s+(?:the\\s+)?${NAME}(?=[\\s?.!,]|$)`, 'gi'),
];
const SUBJECT_PATTERNS = [
  new RegExp(
    `\\b(?:why|how come)\\s+(?:is|are|does|did|do|was|were|has|have|'s)\\s+(?:the\\s+)?${NAME}`,
    'i',
  ),
  new RegExp(
    `\\b(?:wrong with|happening (?:to|with)|happened to|investigate|check|look at|debug|failing|broken)\\s+(?:the\\s+)?${NAME}`,
    'i',
  ),
];

/** Removes Slack markup: user and channel mentions, links (keeping their text), code marks. */
export function plainText(slackText: string): string {
  return slackText
    .replace(/<[@#!][^>]*>/g, ' ')
    .replace(/<([^>|]+)\|([^>]+)>/g, '$2')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/[`*_~]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Reads a mention such as "@OpsWorker why is checkout crash looping in shop?" into a target
 * (`deployments/checkout` in `shop`) and the question. An explicit `kind/name` wins, then
 * "<kind> <name>" or "<name> <kind>", then the subject of "why is …", "what's wrong with …".
 * Returns undefined when no workload can be made out, so the bot can ask instead of guessing.
 */
export function parseWorkloadQuestion(slackText: string): WorkloadQuestion | undefined {
  const question = plainText(slackText);
  if (!question) return undefined;
  const namespace = findNamespace(question);
  const target = findTarget(question, namespace);
  if (!target) return undefined;
  return { target: { ...target, ...(namespace ? { namespace } : {}) }, question };
}

function findNamespace(text: string): string | undefined {
  for (const pattern of NAMESPACE_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const value = match[1]?.toLowerCase();
      if (value && !NOT_A_NAME.has(value) && NAMESPACE_NAME.test(value)) return assertNamespace(value);
    }
  }
  return undefined;
}

function findTarget(text: string, namespace: string | undefined): WorkloadRef | undefined {
  const words = text.split(' ').map((word) => word.replace(/^[("']+|[)"'?!.,:;]+$/g, ''));
  const explicit = words.find((word) => /^[a-z]+\/[a-z0-9]/i.test(word));
  if (explicit) {
    try {
      return parseWorkloadRef(explicit);
    } catch (error) {
      if (!(error instanceof OpsWorkerError)) throw error;
    }
  }
  const candidate = (name: string | undefined) => {
    const lower = name?.toLowerCase();
    return lower &&
      lower !== namespace &&
      !NOT_A_NAME.has(lower) &&
      !PROSE_KINDS.has(lower) &&
      OBJECT_NAME.test(lower)
      ? lower
      : undefined;
  };
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!.toLowerCase();
    if (!PROSE_KINDS.has(word)) continue;
    // "pod api-7c9d" names after the kind; "the checkout deployment" before it.
    const name = candidate(words[index + 1]) ?? candidate(words[index - 1]);
    if (name) return parseWorkloadRef(`${word}/${name}`);
  }
  for (const pattern of SUBJECT_PATTERNS) {
    const name = candidate(pattern.exec(text)?.[1]);
    if (name) return parseWorkloadRef(name);
  }
  return undefined;
}

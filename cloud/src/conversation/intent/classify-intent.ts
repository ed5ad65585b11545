import { type MentionedObject, mentionedObject } from './mentioned-object.ts';

/** The questions the deterministic router answers. `help` is what it says when it does not understand. */
export const INTENTS = [
  'kubectl',
  'logs',
  'events',
  'changes',
  'describe',
  'fix',
  'evidence',
  'status',
  'help',
] as const;
export type Intent = (typeof INTENTS)[number];

export interface ClassifiedQuestion {
  intent: Intent;
  /** Logs of the instance that crashed (`--previous`). */
  previous: boolean;
  object?: MentionedObject;
  container?: string;
}

/** First match wins: a question about "the logs since the rollout" is about logs. */
const RULES: ReadonlyArray<readonly [Intent, RegExp]> = [
  ['kubectl', /^\s*(?:\$\s*)?kubectl\s+\S/i],
  ['logs', /\blogs?\b|\bstack ?traces?\b|\bstdout\b|\bwhat did it (?:print|log)\b/i],
  ['events', /\bevents?\b/i],
  [
    'changes',
    /\bwhat(?:'s| has| did)? changed?\b|\bchanges?\b|\brollouts?\b|\brevisions?\b|\bdeploy(?:ed|ment)? history\b|\brecent(?:ly)? deploy|\bwho deployed\b|\bnew (?:version|image)\b|\bdiff\b/i,
  ],
  ['describe', /\bdescribe\b|\bdetails?\b|\bspec\b|\bshow me (?:the )?(?:pod|deployment|node|object)\b/i],
  [
    'fix',
    /\bfix(?:ed|ing)?\b|\bremediat|\bresolve\b|\bmitigat|\bnext steps?\b|\bwhat (?:should|do|can|must) (?:i|we) do\b|\bhow (?:do|can|should) (?:i|we) (?:solve|repair|recover|get it back)\b|\brecommend/i,
  ],
  [
    'evidence',
    /\bevidence\b|\bproofs?\b|\bprove\b|\bhow do you know\b|\bwhy do you (?:think|say)\b|\bwhat makes you\b/i,
  ],
  [
    'status',
    /\bstatus\b|\bsummar(?:y|i[sz]e)\b|\bwhat(?:'s| is| was)? (?:happened|happening|wrong|going on|the (?:problem|issue|root cause))\b|\broot cause\b|\btl;?dr\b|\boverview\b|\bwhy\b/i,
  ],
];

const PREVIOUS =
  /\bprevious\b|--previous\b|\bbefore (?:it |the )?(?:crash|restart|died)|\blast (?:crash|run|instance|restart)\b|\bcrashed\b|\bthat crashed\b/i;
const CONTAINER = /(?:-c\s+|--container[=\s]+|\bcontainer\s+[`'"]?)([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)/i;

/**
 * What a question asks for, by keyword: the intent, whether it wants the crashed instance's
 * logs, and the object and container it names.
 */
export function classifyQuestion(text: string, knownNames: readonly string[] = []): ClassifiedQuestion {
  const intent = RULES.find(([, pattern]) => pattern.test(text))?.[0] ?? 'help';
  const container = CONTAINER.exec(text)?.[1];
  const object = intent === 'kubectl' ? undefined : mentionedObject(text, knownNames);
  return {
    intent,
    previous: PREVIOUS.test(text),
    ...(object ? { object } : {}),
    ...(container && !['that', 'the', 'which', 'is', 'was'].includes(container) ? { container } : {}),
  };
}

import type { IntentAnswer } from './answer.ts';

/** What the router says when it does not understand: plainly, what it can answer. */
export const helpAnswer: IntentAnswer = async ({ investigation }) => {
  const name = investigation.scope.name ?? 'the pod';
  return {
    text: [
      "I didn't understand that. Without an AI model configured I answer these questions:",
      '',
      '- **status**: "what happened?", "root cause?"',
      '- **fix**: "how do I fix it?"',
      '- **evidence**: "show me the evidence"',
      `- **logs**: "show me the logs", "previous logs of ${name}"`,
      `- **events**: "events for ${name}"`,
      `- **describe**: "describe ${name}"`,
      '- **what changed**: "what changed?" (rollout history and recent events)',
      '- **kubectl**: a read-only command such as `kubectl get pods -n <namespace>`',
    ].join('\n'),
    evidenceIds: [],
  };
};

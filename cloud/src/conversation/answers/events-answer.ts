import { formatResult } from '@opsworker/agent/format/format-result.ts';
import type { CompactEvent } from '@opsworker/agent/operations/load-events.ts';
import type { AgentOperation } from '@opsworker/shared';
import { codeBlock, commandBlock } from '../markdown.ts';
import { describeRef, singularKind, targetFor } from '../target/target-ref.ts';
import { type IntentAnswer, noAgentAnswer } from './answer.ts';

const SHOWN_EVENTS = 15;

/** About the object itself or what it owns by name (a deployment's replicasets and pods). */
const about = (event: CompactEvent, name: string) => {
  const objectName = event.object.split('/')[1] ?? '';
  return objectName === name || objectName.startsWith(`${name}-`);
};

/** "any events?", "events for cart-db": recent events about the object and what it owns. */
export const eventsAnswer: IntentAnswer = async ({ investigation, question, runner, now }) => {
  const ref = targetFor(investigation, question.object);
  const namespace = ref?.namespace ?? investigation.scope.namespace;
  const command = ref?.kind
    ? `kubectl${namespace ? ` -n ${namespace}` : ''} events --for=${singularKind(ref.kind)}/${ref.name}`
    : `kubectl${namespace ? ` -n ${namespace}` : ' -A'} events`;
  if (!runner) return noAgentAnswer('events', command);
  const operation: AgentOperation = { op: 'events', ...(namespace ? { namespace } : {}), limit: 500 };
  const result = await runner.run(operation);
  if (!result.response.ok) {
    return { text: `The agent could not read events: ${result.response.error.message}`, evidenceIds: [] };
  }
  const all = result.response.result as CompactEvent[];
  const events = (ref ? all.filter((e) => about(e, ref.name)) : all).slice(-SHOWN_EVENTS);
  const subject = ref ? `\`${describeRef(ref)}\`` : `namespace \`${namespace ?? 'all'}\``;
  if (events.length === 0) {
    return {
      text: `No recent events about ${subject}. Kubernetes keeps events for about an hour.\n\n${commandBlock(command)}`,
      evidenceIds: [],
    };
  }
  const table = formatResult({ operation, output: 'table' }, events, { now });
  return {
    text: `**Recent events about ${subject}** (newest last):\n\n${codeBlock(table, { maxLines: SHOWN_EVENTS + 1, keep: 'tail' })}\n\n${commandBlock(command)}`,
    evidenceIds: [],
  };
};

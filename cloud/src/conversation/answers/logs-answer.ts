import type { AgentOperation } from '@opsworker/shared';
import { kubectlCommandFor } from '../../engine/llm/tools/kubectl-command.ts';
import { renderResult } from '../../engine/llm/tools/operation-runner.ts';
import { codeBlock, commandBlock } from '../markdown.ts';
import { findObject } from '../target/find-object.ts';
import { pickContainer, pickPod } from '../target/pick-pod.ts';
import { describeRef, targetFor } from '../target/target-ref.ts';
import { type IntentAnswer, noAgentAnswer } from './answer.ts';

/** Lines read from the agent, and the newest of them shown in the chat. */
const READ_LINES = 200;
const SHOWN_LINES = 40;

/** "show me the logs", "previous logs of checkout": the newest lines of the most troubled pod. */
export const logsAnswer: IntentAnswer = async ({ investigation, question, runner, now }) => {
  const ref = targetFor(investigation, question.object);
  if (!ref)
    return { text: 'Which pod? Ask for example "logs of pod checkout-7d9f8b6c5d-x2x9k".', evidenceIds: [] };
  const flag = question.previous ? ' --previous' : '';
  if (!runner) {
    return noAgentAnswer(
      `logs of ${describeRef(ref)}`,
      `kubectl${ref.namespace ? ` -n ${ref.namespace}` : ''} logs ${describeRef(ref)}${flag}`,
    );
  }
  const found = await findObject(runner, ref);
  if (!found)
    return {
      text: `I couldn't find ${describeRef(ref)}${ref.namespace ? ` in namespace \`${ref.namespace}\`` : ''}.`,
      evidenceIds: [],
    };
  const pod = await pickPod(runner, found);
  const podName = pod?.metadata?.name;
  if (!pod || !podName || !found.namespace) {
    return { text: `\`${describeRef(found)}\` has no pods to read logs from right now.`, evidenceIds: [] };
  }
  const container = pickContainer(
    pod,
    question.container ?? investigation.scope.container,
    question.previous,
  );
  const read = (previous: boolean) => {
    const operation: AgentOperation = {
      op: 'logs',
      namespace: found.namespace ?? '',
      pod: podName,
      ...(container ? { container } : {}),
      previous,
      tailLines: READ_LINES,
    };
    return runner.run(operation);
  };
  let result = await read(question.previous);
  let note = '';
  if (!result.response.ok && question.previous) {
    // No terminated instance to read: the current one is the next best answer.
    note = `_There is no previous instance of this container; these are the current logs._\n\n`;
    result = await read(false);
  }
  if (!result.response.ok) {
    return {
      text: `The agent could not read the logs of \`${podName}\`: ${result.response.error.message}`,
      evidenceIds: [],
    };
  }
  const output = renderResult(result, now).trimEnd() || '(no output)';
  const which = result.operation.op === 'logs' && result.operation.previous ? 'Previous logs' : 'Logs';
  const header = `**${which} of \`${podName}\`**${container ? ` (container \`${container}\`)` : ''}:`;
  return {
    text: `${header}\n\n${note}${codeBlock(output, { maxLines: SHOWN_LINES, keep: 'tail' })}\n\n${commandBlock(kubectlCommandFor(result.operation))}`,
    evidenceIds: [],
  };
};

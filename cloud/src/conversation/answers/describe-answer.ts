import { kubectlCommandFor } from '../../engine/llm/tools/kubectl-command.ts';
import { renderResult } from '../../engine/llm/tools/operation-runner.ts';
import { codeBlock, commandBlock } from '../markdown.ts';
import { findObject } from '../target/find-object.ts';
import { describeRef, targetFor } from '../target/target-ref.ts';
import { type IntentAnswer, noAgentAnswer } from './answer.ts';

const SHOWN_LINES = 60;

/** "describe the pod", "details of cart-db": kubectl describe, first page. */
export const describeAnswer: IntentAnswer = async ({ investigation, question, runner, now }) => {
  const ref = targetFor(investigation, question.object);
  if (!ref)
    return {
      text: 'Describe what? Name an object, for example "describe deployment/checkout".',
      evidenceIds: [],
    };
  if (!runner) {
    return noAgentAnswer(
      describeRef(ref),
      `kubectl${ref.namespace ? ` -n ${ref.namespace}` : ''} describe ${describeRef(ref)}`,
    );
  }
  const found = await findObject(runner, ref);
  if (!found) return { text: `I couldn't find ${describeRef(ref)}.`, evidenceIds: [] };
  const result = await runner.run({
    op: 'describe',
    kind: found.kind,
    name: found.name,
    ...(found.namespace ? { namespace: found.namespace } : {}),
  });
  if (!result.response.ok) {
    return {
      text: `The agent could not describe \`${describeRef(found)}\`: ${result.response.error.message}`,
      evidenceIds: [],
    };
  }
  return {
    text: `**\`${describeRef(found)}\`**:\n\n${codeBlock(renderResult(result, now), { maxLines: SHOWN_LINES, keep: 'head' })}\n\n${commandBlock(kubectlCommandFor(result.operation))}`,
    evidenceIds: [],
  };
};

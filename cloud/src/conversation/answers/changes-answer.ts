import type { OwnerLink } from '@opsworker/agent/operations/owner-chain.ts';
import type { RolloutHistory } from '@opsworker/agent/operations/rollout-history.ts';
import { kubectlCommandFor } from '../../engine/llm/tools/kubectl-command.ts';
import { type OperationRunner, renderResult } from '../../engine/llm/tools/operation-runner.ts';
import { codeBlock, commandBlock } from '../markdown.ts';
import { type FoundObject, findObject } from '../target/find-object.ts';
import { describeRef, targetFor } from '../target/target-ref.ts';
import { type IntentAnswer, noAgentAnswer } from './answer.ts';
import { eventsAnswer } from './events-answer.ts';

type RolloutKind = RolloutHistory['kind'];
const ROLLOUT_KINDS: readonly string[] = [
  'deployments',
  'statefulsets',
  'daemonsets',
] satisfies RolloutKind[];

/** The workload that rolls out: the object itself, or the top of a pod's owner chain. */
async function workloadOf(
  runner: OperationRunner,
  found: FoundObject,
): Promise<{ kind: RolloutKind; name: string } | undefined> {
  if (ROLLOUT_KINDS.includes(found.kind)) return { kind: found.kind as RolloutKind, name: found.name };
  if (!found.namespace) return undefined;
  const chain = await runner.run({
    op: 'ownerChain',
    kind: found.kind,
    namespace: found.namespace,
    name: found.name,
  });
  if (!chain.response.ok) return undefined;
  const owner = (chain.response.result as OwnerLink[]).findLast(
    (link) => link.resource && ROLLOUT_KINDS.includes(link.resource),
  );
  return owner?.resource ? { kind: owner.resource as RolloutKind, name: owner.name } : undefined;
}

/** One line on what the current revision changed, when its images differ from the one before. */
function imageChange(history: RolloutHistory): string {
  const current = history.revisions.find((r) => r.current);
  const before = history.revisions.filter((r) => current && r.revision < current.revision).at(-1);
  if (!current || !before || before.images.join() === current.images.join()) return '';
  const at = current.created ? `, created ${current.created}` : '';
  return `Revision ${current.revision} (current${at}) runs \`${current.images.join(', ')}\`; revision ${before.revision} ran \`${before.images.join(', ')}\`.\n\n`;
}

/** "what changed?": the workload's rollout history, then its recent events. */
export const changesAnswer: IntentAnswer = async (context) => {
  const { investigation, question, runner, now } = context;
  const ref = targetFor(investigation, question.object, { preferRootCause: true });
  if (!ref) return eventsAnswer(context);
  if (!runner) {
    return noAgentAnswer(
      `the history of ${describeRef(ref)}`,
      `kubectl${ref.namespace ? ` -n ${ref.namespace}` : ''} rollout history ${describeRef(ref)}`,
    );
  }
  const found = await findObject(runner, ref);
  const workload = found && (await workloadOf(runner, found));
  if (!found?.namespace || !workload) return eventsAnswer(context);
  const result = await runner.run({ op: 'rolloutHistory', namespace: found.namespace, ...workload });
  const events = await eventsAnswer({
    ...context,
    question: { ...question, object: { kind: workload.kind, name: workload.name } },
  });
  if (!result.response.ok) return events;
  const history = result.response.result as RolloutHistory;
  const title = `**Rollout history of \`${describeRef(workload)}\`**:`;
  return {
    text: `${title}\n\n${imageChange(history)}${codeBlock(renderResult(result, now), { maxLines: 15, keep: 'tail' })}\n\n${commandBlock(kubectlCommandFor(result.operation))}\n\n${events.text}`,
    evidenceIds: [],
  };
};

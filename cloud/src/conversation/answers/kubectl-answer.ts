import { formatResult } from '@opsworker/agent/format/format-result.ts';
import { parseKubectl } from '@opsworker/agent/kubectl/parse-kubectl.ts';
import { OpsWorkerError } from '@opsworker/shared';
import { codeBlock } from '../markdown.ts';
import { type IntentAnswer, noAgentAnswer } from './answer.ts';

/** "kubectl get pods -n shop": the same read-only command the agent's CLI accepts, run through it. */
export const kubectlAnswer: IntentAnswer = async ({ investigation, text, runner, now }) => {
  const command = text.trim().replace(/^\$\s*/, '');
  let parsed: ReturnType<typeof parseKubectl>;
  try {
    const namespace = investigation.scope.namespace;
    parsed = parseKubectl(command, namespace ? { defaultNamespace: namespace } : {});
  } catch (error) {
    // The parser's refusals explain what is allowed; they are written for users.
    if (error instanceof OpsWorkerError) return { text: error.userMessage, evidenceIds: [] };
    throw error;
  }
  if (!runner) return noAgentAnswer('the cluster', command);
  const result = await runner.run(parsed.operation);
  if (!result.response.ok)
    return { text: `The agent answered: ${result.response.error.message}`, evidenceIds: [] };
  const keep = parsed.operation.op === 'logs' || parsed.operation.op === 'events' ? 'tail' : 'head';
  const output = formatResult(parsed, result.response.result, { now });
  return { text: `\`$ ${command}\`\n\n${codeBlock(output, { maxLines: 80, keep })}`, evidenceIds: [] };
};

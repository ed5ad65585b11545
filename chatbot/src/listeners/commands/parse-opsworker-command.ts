import { OpsWorkerError } from '@opsworker/shared';
import { assertNamespace, parseWorkloadRef, type WorkloadRef } from './workload-ref.ts';

/** What `/opsworker <text>` asks for. `help` also answers unknown subcommands and bad usage. */
export type OpsWorkerCommand =
  | { name: 'investigate'; target: WorkloadRef; question?: string }
  | { name: 'kubectl'; command: string }
  | { name: 'status' }
  | { name: 'rules' }
  | { name: 'digest' }
  | { name: 'help'; problem?: string };

export const INVESTIGATE_USAGE = '`/opsworker investigate <kind>/<name> [-n <namespace>] [question]`';
export const KUBECTL_USAGE = '`/opsworker kubectl <read-only command>`, e.g. `kubectl get pods -n shop`';

const NAMESPACE_FLAGS = new Set(['-n', '--namespace']);

/**
 * Parses the text after `/opsworker`. Pure and total: anything it cannot read becomes `help`
 * with a problem written for the user, never an exception.
 */
export function parseOpsWorkerCommand(text: string): OpsWorkerCommand {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const subcommand = first.toLowerCase();
  switch (subcommand) {
    case '':
    case 'help':
      return { name: 'help' };
    case 'status':
    case 'rules':
    case 'digest':
      return { name: subcommand };
    case 'kubectl': {
      const command = trimmed.slice(first.length).trim();
      if (!command) return { name: 'help', problem: `Which command? Usage: ${KUBECTL_USAGE}` };
      // The agent's parser reads the command with or without the leading `kubectl`.
      return { name: 'kubectl', command: /^kubectl\s/i.test(command) ? command : `kubectl ${command}` };
    }
    case 'investigate':
      return parseInvestigate(rest);
    default:
      return { name: 'help', problem: `There is no \`${first.slice(0, 40)}\` subcommand.` };
  }
}

function parseInvestigate(words: string[]): OpsWorkerCommand {
  let namespace: string | undefined;
  let target: WorkloadRef | undefined;
  const question: string[] = [];
  try {
    for (let index = 0; index < words.length; index++) {
      const word = words[index]!;
      const inline = /^(?:-n|--namespace)=(.+)$/.exec(word);
      if (inline) namespace = assertNamespace(inline[1]!);
      else if (NAMESPACE_FLAGS.has(word)) {
        const value = words[++index];
        if (!value) return usage('-n needs a namespace.');
        namespace = assertNamespace(value);
      } else if (!target) target = parseWorkloadRef(word);
      else question.push(word);
    }
  } catch (error) {
    if (error instanceof OpsWorkerError) return usage(error.userMessage);
    throw error;
  }
  if (!target) return usage('What should I investigate?');
  const text = question.join(' ');
  return {
    name: 'investigate',
    target: { ...target, ...(namespace ? { namespace } : {}) },
    ...(text ? { question: text } : {}),
  };
}

const usage = (problem: string): OpsWorkerCommand => ({
  name: 'help',
  problem: `${problem} Usage: ${INVESTIGATE_USAGE}`,
});

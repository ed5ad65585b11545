import type { KnownBlock, SlackMessage } from './block-types.ts';
import { context, fallbackText, section } from './limits.ts';

/**
 * `/opsworker help`, and the answer to a command it cannot read (`problem` says what was wrong,
 * first): every subcommand with an example, and how to ask questions in threads.
 */
export function buildHelp(problem?: string, command = '/opsworker'): SlackMessage {
  const lines = [
    `\`${command} investigate <kind>/<name> [-n namespace] [question]\` — start an investigation, e.g. \`${command} investigate deployment/checkout -n shop why is it crash looping?\``,
    `\`${command} kubectl <read-only command>\` — one read-only command (get, describe, logs, events, top, rollout history) through the agent, e.g. \`${command} kubectl get pods -n shop\``,
    `\`${command} status\` — the open investigations`,
    `\`${command} rules\` — the alert rules, in the order they are tried`,
    `\`${command} digest\` — the daily digest, now`,
    `\`${command} help\` — this message`,
  ];
  const blocks: KnownBlock[] = [
    ...(problem ? [section(`:warning: ${problem}`)] : []),
    section(
      `*OpsWorker* investigates Kubernetes alerts read-only and tells you what broke, why, and what to do.\n\n${lines.map((line) => `• ${line}`).join('\n')}`,
    ),
    context(
      'Ask follow-up questions by mentioning OpsWorker in an investigation’s thread. Mention it anywhere else with a question about a workload to start an investigation: "@OpsWorker why is checkout crash looping in shop?"',
    ),
  ];
  return { text: fallbackText(`${problem ? `${problem} ` : ''}How to use ${command}`), blocks };
}

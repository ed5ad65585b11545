import { INVESTIGATE_USAGE, KUBECTL_USAGE } from './parse-opsworker-command.ts';

/** What `/opsworker help` (and any command it cannot read) answers, only to the one who asked. */
export function helpText(problem?: string): string {
  return [
    ...(problem ? [`:warning: ${problem}`, ''] : []),
    '*OpsWorker* investigates your Kubernetes cluster, read-only. Commands:',
    `• ${INVESTIGATE_USAGE} — start an investigation, e.g. \`/opsworker investigate deploy/checkout -n shop why 500s?\``,
    `• ${KUBECTL_USAGE} — one read-only command (get, describe, logs, events, top, rollout history)`,
    '• `/opsworker status` — open investigations',
    '• `/opsworker rules` — the rules that decide what is investigated',
    '• `/opsworker digest` — the daily digest, now',
    '• `/opsworker help` — this',
    'Mention me in an investigation thread to ask a follow-up question, or anywhere with a question about a workload: "@OpsWorker why is checkout crash looping in shop?"',
  ].join('\n');
}

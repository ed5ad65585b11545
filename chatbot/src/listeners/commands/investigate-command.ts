import type { ListenerDeps } from '../../app/listener-deps.ts';
import { slackRequester } from '../../notifier/slack-notifier.ts';
import type { CommandContext } from './command-context.ts';
import type { WorkloadRef } from './workload-ref.ts';

/**
 * `/opsworker investigate <kind>/<name> [-n ns] [question]`: starts a manual investigation as
 * the Slack user and hands it to the notifier, which posts its one message in the channel the
 * command came from and keeps it up to date, exactly as for an alert.
 */
export async function investigateCommand(
  deps: ListenerDeps,
  { command, respond }: CommandContext,
  target: WorkloadRef,
  question: string | undefined,
): Promise<void> {
  const investigation = await deps.api.createInvestigation({
    scope: target,
    requestedBy: slackRequester(command.user_id),
    ...(question ? { question } : {}),
    title: `${question ? `${question.slice(0, 200)} — ` : 'Investigation of '}${target.kind}/${target.name}`,
  });
  await deps.threads.attach(investigation, { channel: command.channel_id });
  // Only the asker sees this; everyone sees the investigation's message itself.
  await respond({
    response_type: 'ephemeral',
    text: `:mag: Investigating ${describeTarget(target)}. The message appears in this channel; if it does not, invite me with \`/invite @OpsWorker\`.`,
  });
}

/** `deployments/checkout` in `shop`: what the investigation is about, as people say it. */
function describeTarget(target: WorkloadRef): string {
  const object = `\`${target.kind}/${target.name}\``;
  return target.namespace ? `${object} in \`${target.namespace}\`` : object;
}

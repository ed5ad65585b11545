import type { ListenerDeps } from '../../app/listener-deps.ts';
import { describeTarget, portalLink } from '../views/investigation-line.ts';
import { type CommandContext, slackUser } from './command-context.ts';
import type { WorkloadRef } from './workload-ref.ts';

/**
 * `/opsworker investigate <kind>/<name> [-n ns] [question]`: starts a manual investigation and
 * posts its message in the channel the command came from; the notifier keeps that message up
 * to date, exactly as for an alert.
 */
export async function investigateCommand(
  deps: ListenerDeps,
  { command, respond, client }: CommandContext,
  target: WorkloadRef,
  question: string | undefined,
): Promise<void> {
  const investigation = await deps.api.createInvestigation({
    scope: target,
    requestedBy: slackUser(command),
    ...(question ? { question } : {}),
    title: `${question ? `${question.slice(0, 200)} — ` : 'Investigation of '}${target.kind}/${target.name}`,
  });
  const text = `:mag: <@${command.user_id}> asked me to investigate ${describeTarget(target)}${question ? `: _${question}_` : ''}. Investigating…`;
  const posted = await client.chat
    .postMessage({ channel: command.channel_id, text, unfurl_links: false })
    .catch((error: unknown) => {
      // Not a member of the channel (or a DM with someone else): the answer still reaches the asker.
      deps.log.warn(`slack: cannot post in ${command.channel_id}: ${(error as Error).message}`);
      return undefined;
    });
  if (posted?.ok && posted.ts && posted.channel) {
    await deps.threads.adopt(investigation.id, { channel: posted.channel, ts: posted.ts });
    return;
  }
  await respond({
    response_type: 'ephemeral',
    text: `${text}\nI cannot post in this channel (invite me with \`/invite @OpsWorker\`); follow it in the portal: ${portalLink(deps.portalUrl, investigation.id)}`,
  });
}

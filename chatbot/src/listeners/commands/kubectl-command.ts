import type { ListenerDeps } from '../../app/listener-deps.ts';
import { buildKubectlOutput, kubectlNeedsSnippet } from '../../blocks/kubectl-output.ts';
import { context } from '../../blocks/limits.ts';
import { slackRequester } from '../../notifier/slack-notifier.ts';
import type { CommandContext } from './command-context.ts';

/**
 * `/opsworker kubectl <read-only command>`: runs it through the API (the agent's parser and
 * closed list of operations). Refusals come back as 400s written for users. Output shows in a
 * code block; long output is also uploaded as a snippet file in the channel.
 */
export async function kubectlCommand(
  deps: ListenerDeps,
  { command, respond, client }: CommandContext,
  kubectl: string,
): Promise<void> {
  const result = await deps.api.kubectl(kubectl, { requestedBy: slackRequester(command.user_id) });
  const message = buildKubectlOutput(result);
  if (!kubectlNeedsSnippet(result.output)) {
    await respond({ response_type: 'ephemeral', ...message });
    return;
  }
  const uploaded = await client.files
    .uploadV2({
      channel_id: command.channel_id,
      content: result.output,
      filename: 'kubectl-output.txt',
      title: result.command.slice(0, 250),
      initial_comment: `<@${command.user_id}> ran \`${result.command.slice(0, 200)}\``,
    })
    .then(() => true)
    .catch((error: unknown) => {
      deps.log.warn(`slack: snippet upload to ${command.channel_id} failed: ${(error as Error).message}`);
      return false;
    });
  const where = uploaded
    ? `The full output (${result.output.length.toLocaleString('en-US')} characters) is in the snippet posted in this channel.`
    : `The full output is ${result.output.length.toLocaleString('en-US')} characters; invite me to this channel (\`/invite @OpsWorker\`) to get it as a snippet.`;
  await respond({
    response_type: 'ephemeral',
    text: message.text,
    blocks: [...message.blocks, context(where)],
  });
}

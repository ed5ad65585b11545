import type { ListenerDeps } from '../../app/listener-deps.ts';
import { type CommandContext, slackUser } from './command-context.ts';

/** Below this, output shows in the message; above, it goes up as a snippet (a section holds 3,000 characters). */
export const INLINE_OUTPUT_CHARS = 2_800;
const PREVIEW_LINES = 15;

/**
 * `/opsworker kubectl <read-only command>`: runs it through the API (the agent's parser and
 * closed list of operations). Refusals come back as 400s written for users. Output shows in a
 * code block; long output is uploaded as a snippet file with a short preview.
 */
export async function kubectlCommand(
  deps: ListenerDeps,
  { command, respond, client }: CommandContext,
  kubectl: string,
): Promise<void> {
  const result = await deps.api.kubectl(kubectl, { requestedBy: slackUser(command) });
  const heading = `\`${result.command}\`${result.truncated ? ' _(output cut to its last part)_' : ''}`;
  const output = result.output.trim() || '(no output)';
  if (output.length <= INLINE_OUTPUT_CHARS) {
    await respond({ response_type: 'ephemeral', text: `${heading}\n\`\`\`\n${output}\n\`\`\`` });
    return;
  }
  const preview = output.split('\n').slice(0, PREVIEW_LINES).join('\n').slice(0, INLINE_OUTPUT_CHARS);
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
    ? `The full output (${output.length.toLocaleString('en-US')} characters) is in the snippet posted in this channel.`
    : `The full output is ${output.length.toLocaleString('en-US')} characters; invite me to this channel (\`/invite @OpsWorker\`) to get it as a snippet.`;
  await respond({ response_type: 'ephemeral', text: `${heading}\n\`\`\`\n${preview}\n…\n\`\`\`\n${where}` });
}

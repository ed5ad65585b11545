import type { ListenerDeps } from '../../app/listener-deps.ts';
import type { CommandContext } from './command-context.ts';

/** `/opsworker digest`: the daily digest, posted now in the channel the command came from. */
export async function digestCommand(deps: ListenerDeps, { command, respond }: CommandContext): Promise<void> {
  try {
    await deps.digest.postDigest(command.channel_id);
  } catch (error) {
    deps.log.warn(
      `slack: the digest could not be posted in ${command.channel_id}: ${(error as Error).message}`,
    );
    await respond({
      response_type: 'ephemeral',
      text: 'I could not post the digest in this channel. Invite me with `/invite @OpsWorker` and try again.',
    });
  }
}

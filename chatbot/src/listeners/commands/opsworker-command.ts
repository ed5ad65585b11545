import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../../app/listener-deps.ts';
import { userFacingError } from '../../app/user-facing-error.ts';
import { buildHelp } from '../../blocks/help.ts';
import type { CommandContext } from './command-context.ts';
import { digestCommand } from './digest-command.ts';
import { investigateCommand } from './investigate-command.ts';
import { kubectlCommand } from './kubectl-command.ts';
import { parseOpsWorkerCommand } from './parse-opsworker-command.ts';
import { rulesCommand } from './rules-command.ts';
import { statusCommand } from './status-command.ts';

const DOING: Record<string, string> = {
  investigate: 'starting the investigation',
  kubectl: 'running the command',
  status: 'listing open investigations',
  rules: 'listing the rules',
  digest: 'posting the digest',
};

/**
 * `/opsworker …`. Slack wants an ack within 3 seconds: help is answered in the ack itself,
 * everything else is acked first (with a short "working on it" where it takes a moment) and
 * answered through the response URL or a channel message.
 */
export function opsWorkerCommand(deps: ListenerDeps) {
  return async ({
    command,
    ack,
    respond,
    client,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const parsed = parseOpsWorkerCommand(command.text);
    if (parsed.name === 'help') {
      await ack({ response_type: 'ephemeral', ...buildHelp(parsed.problem) });
      return;
    }
    await ack(
      parsed.name === 'kubectl'
        ? { response_type: 'ephemeral', text: `Running \`${parsed.command.slice(0, 200)}\`…` }
        : undefined,
    );
    const context: CommandContext = { command, respond, client };
    try {
      switch (parsed.name) {
        case 'investigate':
          return await investigateCommand(deps, context, parsed.target, parsed.question);
        case 'kubectl':
          return await kubectlCommand(deps, context, parsed.command);
        case 'status':
          return await statusCommand(deps, context);
        case 'rules':
          return await rulesCommand(deps, context);
        case 'digest':
          return await digestCommand(deps, context);
      }
    } catch (error) {
      const message = userFacingError(error, deps.log, DOING[parsed.name] ?? 'answering');
      await respond({ response_type: 'ephemeral', text: `:warning: ${message}` }).catch((failure: unknown) =>
        deps.log.error('slack: could not answer through the response URL', failure),
      );
    }
  };
}

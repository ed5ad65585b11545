import type { ListenerDeps } from '../../app/listener-deps.ts';
import { buildRulesList } from '../../blocks/rules-list.ts';
import type { CommandContext } from './command-context.ts';

/** `/opsworker rules`: the organization's rules in the order they are tried. */
export async function rulesCommand(deps: ListenerDeps, { respond }: CommandContext): Promise<void> {
  await respond({ response_type: 'ephemeral', ...buildRulesList(await deps.api.listRules()) });
}

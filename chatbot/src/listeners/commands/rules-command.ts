import type { Rule } from '@opsworker/shared';
import type { ListenerDeps } from '../../app/listener-deps.ts';
import { escapeMrkdwn } from '../views/investigation-line.ts';
import type { CommandContext } from './command-context.ts';

const ACTION_MARK: Record<string, string> = { investigate: ':mag:', notify: ':bell:', ignore: ':zzz:' };

/** `/opsworker rules`: the organization's rules in the order they are tried. */
export async function rulesCommand(deps: ListenerDeps, { respond }: CommandContext): Promise<void> {
  const rules = await deps.api.listRules();
  if (rules.length === 0) {
    await respond({ response_type: 'ephemeral', text: 'There are no rules: every alert is only stored.' });
    return;
  }
  const lines = rules.map(ruleLine);
  await respond({
    response_type: 'ephemeral',
    text: `*Rules* (tried in this order; edit them in the portal: ${deps.portalUrl}/rules)\n${lines.join('\n').slice(0, 2_800)}`,
  });
}

function ruleLine(rule: Rule): string {
  const off = rule.enabled === false ? ' _(off)_' : '';
  return `${ACTION_MARK[rule.action] ?? '•'} *${escapeMrkdwn(rule.name)}* → ${rule.action}${off}`;
}

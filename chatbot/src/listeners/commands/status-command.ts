import type { ListenerDeps } from '../../app/listener-deps.ts';
import { investigationLine } from '../views/investigation-line.ts';
import type { CommandContext } from './command-context.ts';

const SHOWN = 15;

/** `/opsworker status`: the open investigations (queued or running), newest first. */
export async function statusCommand(deps: ListenerDeps, { respond }: CommandContext): Promise<void> {
  const [running, queued] = await Promise.all([
    deps.api.listInvestigations({ status: 'running', limit: SHOWN }),
    deps.api.listInvestigations({ status: 'queued', limit: SHOWN }),
  ]);
  const open = [...running.items, ...queued.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (open.length === 0) {
    await respond({
      response_type: 'ephemeral',
      text: ':white_check_mark: No investigation is open right now.',
    });
    return;
  }
  const lines = open
    .slice(0, SHOWN)
    .map((investigation) => `• ${investigationLine(investigation, deps.portalUrl)}`);
  const more = open.length > SHOWN ? `\n…and more in the portal: ${deps.portalUrl}` : '';
  await respond({
    response_type: 'ephemeral',
    text: `*${open.length} open investigation(s)*\n${lines.join('\n')}${more}`,
  });
}

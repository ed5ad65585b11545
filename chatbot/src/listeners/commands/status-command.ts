import type { ListenerDeps } from '../../app/listener-deps.ts';
import { buildStatusList } from '../../blocks/status-list.ts';
import type { CommandContext } from './command-context.ts';

const SHOWN = 15;

/** `/opsworker status`: the open investigations (queued or running), newest first. */
export async function statusCommand(deps: ListenerDeps, { respond }: CommandContext): Promise<void> {
  const [running, queued] = await Promise.all([
    deps.api.listInvestigations({ status: 'running', limit: SHOWN }),
    deps.api.listInvestigations({ status: 'queued', limit: SHOWN }),
  ]);
  const open = [...running.items, ...queued.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  await respond({
    response_type: 'ephemeral',
    ...buildStatusList(open.slice(0, SHOWN), { publicUrl: deps.portalUrl }),
  });
}

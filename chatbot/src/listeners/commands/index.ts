import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../../app/listener-deps.ts';
import { opsWorkerCommand } from './opsworker-command.ts';

/** The slash command the manifest declares. */
export const SLASH_COMMAND = '/opsworker';

export function registerCommands(app: App, deps: ListenerDeps): void {
  app.command(SLASH_COMMAND, opsWorkerCommand(deps));
}

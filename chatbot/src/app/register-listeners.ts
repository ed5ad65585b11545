import type { App } from '@slack/bolt';
import { registerActions } from '../listeners/actions/index.ts';
import { registerCommands } from '../listeners/commands/index.ts';
import { registerEvents } from '../listeners/events/index.ts';
import { registerViews } from '../listeners/views/index.ts';
import type { ListenerDeps } from './listener-deps.ts';

/** Every listener, by surface: one visible registry. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  registerEvents(app, deps);
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
}

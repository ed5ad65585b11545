import { type IpcMainEvent, type IpcMainInvokeEvent, ipcMain } from 'electron';
import { type ZodType, z } from 'zod';
import type { DesktopConnection } from '../../bridge.ts';
import type { ConnectionStore } from '../connection-store.ts';
import { isAppUrl, openExternally } from '../navigation-guard.ts';
import { IpcChannel } from './channels.ts';
import { ConnectionInput, ExternalUrlInput, NotificationInput, OpenCountInput } from './schemas.ts';

export interface IpcHandlerDeps {
  connections: ConnectionStore;
  notify(input: z.infer<typeof NotificationInput>): void;
  setOpenCount(count: number): void;
  /** The connection changed: the window reloads so its security policy admits the new server. */
  onConnectionChanged(): void;
  /** The connection works for this session but could not be saved safely; `reason` is for the user. */
  onConnectionNotSaved(reason: string): void;
}

/**
 * The main-process side of the DesktopBridge. Every message is checked twice: it must come
 * from the app's own page (not some page that got into a frame), and its arguments must
 * parse. The errors thrown here reach the renderer's promise with their message.
 */
export function registerIpcHandlers(deps: IpcHandlerDeps): void {
  handle(IpcChannel.notify, NotificationInput, (input) => {
    deps.notify(input);
  });
  handle(IpcChannel.openExternal, ExternalUrlInput, (url) => {
    openExternally(url);
  });
  handle(IpcChannel.getConnection, z.undefined(), () => deps.connections.get());
  handle(IpcChannel.setConnection, ConnectionInput, async (input) => {
    const before = await deps.connections.get();
    const outcome = await deps.connections.set(input);
    if (!outcome.persisted) deps.onConnectionNotSaved(outcome.reason);
    if (!sameConnection(before, input)) deps.onConnectionChanged();
  });
  handle(IpcChannel.clearConnection, z.undefined(), async () => {
    const before = await deps.connections.get();
    await deps.connections.clear();
    if (before !== null) deps.onConnectionChanged();
  });
  ipcMain.on(IpcChannel.setOpenCount, (event: IpcMainEvent, count: unknown) => {
    if (!fromAppPage(event)) return;
    const parsed = OpenCountInput.safeParse(count);
    if (parsed.success) deps.setOpenCount(parsed.data);
  });
}

function handle<T>(channel: string, schema: ZodType<T>, run: (input: T) => unknown | Promise<unknown>): void {
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
    if (!fromAppPage(event)) throw new Error('Refused: the request did not come from the OpsWorker window.');
    if (args.length > 1) throw new Error(`Invalid input for ${channel}: expected at most one argument.`);
    const parsed = schema.safeParse(args[0]);
    if (!parsed.success) throw new Error(`Invalid input for ${channel}: ${z.prettifyError(parsed.error)}`);
    return await run(parsed.data);
  });
}

function fromAppPage(event: IpcMainEvent | IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url;
  return url !== undefined && isAppUrl(url);
}

function sameConnection(a: DesktopConnection | null, b: DesktopConnection): boolean {
  return a !== null && a.serverUrl === b.serverUrl.trim() && a.token === b.token.trim();
}

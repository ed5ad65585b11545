import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IpcChannel } from './ipc/channels.ts';
import {
  app,
  BrowserWindow,
  calls,
  ipcMain,
  Notification,
  protocol,
  resetFakeElectron,
  safeStorage,
  session,
  Tray,
} from './test-support/fake-electron.ts';

vi.mock('electron', () => import('./test-support/fake-electron.ts'));

const { startDesktopApp } = await import('./desktop-app.ts');

const token = 'ow_api_0123456789abcdef0123456789abcdef';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'opsworker-desktop-app-'));
  await mkdir(join(dir, 'app', 'dist', 'renderer'), { recursive: true });
  await writeFile(
    join(dir, 'app', 'dist', 'renderer', 'index.html'),
    '<!doctype html><title>OpsWorker</title>',
  );
  resetFakeElectron(join(dir, 'user-data'), join(dir, 'app'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Starts the app as Electron would: events may arrive before `ready`. */
async function start(argv: string[] = ['/opt/OpsWorker/opsworker'], beforeReady?: () => void) {
  const started = startDesktopApp(argv);
  beforeReady?.();
  app.becomeReady();
  const desktop = await started;
  const window = BrowserWindow.instances.at(-1)!;
  return { desktop, window };
}

const navigations = (window: BrowserWindow) =>
  window.webContents.sent
    .filter((message) => message.channel === IpcChannel.navigate)
    .map((message) => message.args[0]);

describe('the desktop app', () => {
  it('lets a second copy hand over and quit without opening a window', async () => {
    app.hasLock = false;
    expect(await startDesktopApp(['opsworker', 'opsworker://investigations/inv_1'])).toBeNull();
    expect(calls.quit).toBe(1);
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('keeps its data in an OpsWorker folder, registers opsworker:// links and denies web permissions', async () => {
    await start();
    expect(app.getPath('userData')).toBe(join(dir, 'OpsWorker'));
    expect(calls.protocolClients.map((client) => client.scheme)).toEqual(['opsworker']);
    let granted: boolean | undefined;
    session.defaultSession.permissionRequestHandler!(
      ...([null, 'media', (ok: boolean) => (granted = ok)] as never[]),
    );
    expect(granted).toBe(false);
  });

  it('opens the investigation of the deep link it was started with, once the page has loaded', async () => {
    const { window } = await start([
      '/opt/OpsWorker/opsworker',
      '--no-sandbox',
      'opsworker://investigations/inv_0abc',
    ]);
    expect(navigations(window)).toEqual([]);
    window.webContents.finishLoad();
    expect(navigations(window)).toEqual(['/investigations/inv_0abc']);
  });

  it('follows a macOS open-url link, even one that arrives before the app is ready', async () => {
    let prevented = false;
    const { window } = await start(undefined, () =>
      app.emit(
        'open-url',
        { preventDefault: () => (prevented = true) },
        'opsworker://investigations/inv_mac',
      ),
    );
    window.webContents.finishLoad();
    expect(prevented).toBe(true);
    expect(navigations(window)).toEqual(['/investigations/inv_mac']);

    app.emit('open-url', { preventDefault() {} }, 'opsworker://investigations/inv_later');
    expect(navigations(window)).toEqual(['/investigations/inv_mac', '/investigations/inv_later']);
  });

  it('focuses the window when a second instance starts, navigating only for a valid link', async () => {
    const { window } = await start();
    window.webContents.finishLoad();
    window.minimize();
    app.emit(
      'second-instance',
      {},
      ['/opt/OpsWorker/opsworker', 'opsworker://investigations/inv_from_slack'],
      dir,
    );
    expect(window.isMinimized()).toBe(false);
    expect(window.focused).toBe(1);
    expect(navigations(window)).toEqual(['/investigations/inv_from_slack']);

    app.emit('second-instance', {}, ['/opt/OpsWorker/opsworker', 'opsworker://settings/../../x'], dir);
    expect(window.focused).toBe(2);
    expect(navigations(window)).toEqual(['/investigations/inv_from_slack']);
  });

  it('shows a native notification the renderer asks for; clicking it opens the investigation', async () => {
    const { window } = await start();
    window.webContents.finishLoad();
    await ipcMain.invoke(IpcChannel.notify, [
      {
        title: '🔴 payments-api is crash looping',
        body: 'OOMKilled · prod-eu-1',
        investigationId: 'inv_crit',
      },
    ]);
    const notification = Notification.instances[0]!;
    expect(notification.shown).toBe(true);
    expect(notification.options).toEqual({
      title: '🔴 payments-api is crash looping',
      body: 'OOMKilled · prod-eu-1',
    });

    window.visible = false;
    notification.emit('click');
    expect(window.visible).toBe(true);
    expect(navigations(window)).toEqual(['/investigations/inv_crit']);
  });

  it('shows the open count the renderer reports on the tray', async () => {
    await start();
    ipcMain.send(IpcChannel.setOpenCount, [5]);
    expect(Tray.instances[0]!.toolTip).toBe('OpsWorker — 5 open investigations');
  });

  it('admits the connected server in the security policy and reloads the window when it changes', async () => {
    const { window } = await start();
    const page = async () => (await protocol.handlers.get('app')!(new Request('app://opsworker/'))).headers;
    expect((await page()).get('content-security-policy')).toContain("connect-src 'self';");

    await ipcMain.invoke(IpcChannel.setConnection, [{ serverUrl: 'http://127.0.0.1:8080/', token }]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(window.webContents.reloads).toBe(1);
    expect((await page()).get('content-security-policy')).toContain(
      "connect-src 'self' http://127.0.0.1:8080;",
    );
  });

  it('reopens connected after a restart', async () => {
    await start();
    await ipcMain.invoke(IpcChannel.setConnection, [{ serverUrl: 'https://ops.example.com', token }]);
    resetFakeElectron(join(dir, 'user-data'), join(dir, 'app'));
    await start();
    expect(await ipcMain.invoke(IpcChannel.getConnection, [])).toEqual({
      serverUrl: 'https://ops.example.com',
      token,
    });
    const headers = (await protocol.handlers.get('app')!(new Request('app://opsworker/'))).headers;
    expect(headers.get('content-security-policy')).toContain("connect-src 'self' https://ops.example.com;");
  });

  it('tells the user when the token can only be kept for this session', async () => {
    await start();
    safeStorage.available = false;
    await ipcMain.invoke(IpcChannel.setConnection, [{ serverUrl: 'https://ops.example.com', token }]);
    expect(calls.dialogs).toEqual([
      { message: 'Connected for this session only', detail: expect.stringContaining('no encryption') },
    ]);
  });

  it.runIf(process.platform !== 'darwin')('quits when its window closes', async () => {
    const { window } = await start();
    window.close();
    app.emit('window-all-closed');
    expect(calls.quit).toBe(1);
  });
});

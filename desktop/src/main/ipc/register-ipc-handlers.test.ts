import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { calls, ipcMain, resetFakeElectron } from '../test-support/fake-electron.ts';
import { IpcChannel, invokeChannels } from './channels.ts';

vi.mock('electron', () => import('../test-support/fake-electron.ts'));

const { registerIpcHandlers } = await import('./register-ipc-handlers.ts');
const { ConnectionStore } = await import('../connection-store.ts');

const token = 'ow_api_0123456789abcdef0123456789abcdef';
let userData: string;
const makeDeps = () => ({
  notify: vi.fn<(input: unknown) => void>(),
  setOpenCount: vi.fn<(count: number) => void>(),
  onConnectionChanged: vi.fn<() => void>(),
  onConnectionNotSaved: vi.fn<(reason: string) => void>(),
});
let deps: ReturnType<typeof makeDeps>;

beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'opsworker-ipc-'));
  resetFakeElectron(userData);
  deps = makeDeps();
  registerIpcHandlers({ connections: new ConnectionStore(userData), ...deps });
});
afterEach(() => rm(userData, { recursive: true, force: true }));

describe('IPC handlers', () => {
  it('answer exactly the bridge channels, and nothing else', async () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...invokeChannels].sort());
    expect([...ipcMain.listeners.keys()]).toEqual([IpcChannel.setOpenCount]);
    await expect(ipcMain.invoke('opsworker:run-shell', ['rm -rf /'])).rejects.toThrow(
      /No handler registered/,
    );
  });

  it('refuse messages from any page but the app', async () => {
    await expect(ipcMain.invoke(IpcChannel.getConnection, [], 'https://evil.example.com/')).rejects.toThrow(
      /did not come from the OpsWorker window/,
    );
    ipcMain.send(IpcChannel.setOpenCount, [3], 'https://evil.example.com/');
    expect(deps.setOpenCount).not.toHaveBeenCalled();
  });

  it('show a notification for valid input and reject bad input with a clear message', async () => {
    await ipcMain.invoke(IpcChannel.notify, [
      { title: 'payments-api is crash looping', body: 'OOMKilled', investigationId: 'inv_1' },
    ]);
    expect(deps.notify).toHaveBeenCalledWith({
      title: 'payments-api is crash looping',
      body: 'OOMKilled',
      investigationId: 'inv_1',
    });

    for (const bad of [
      undefined,
      'text',
      { title: '', body: 'x' },
      { title: 'x', body: 'y', investigationId: '../../etc' },
      { title: 'x', body: 'y', extra: 1 },
    ]) {
      await expect(ipcMain.invoke(IpcChannel.notify, [bad])).rejects.toThrow(
        /Invalid input for opsworker:notify/,
      );
    }
    await expect(ipcMain.invoke(IpcChannel.notify, [{ title: 'x', body: 'y' }, 'more'])).rejects.toThrow(
      /at most one argument/,
    );
    expect(deps.notify).toHaveBeenCalledTimes(1);
  });

  it('open only http(s) links in the browser', async () => {
    await ipcMain.invoke(IpcChannel.openExternal, ['https://grafana.example.com/d/1']);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'ms-msdt:/id', '//evil.example.com']) {
      await expect(ipcMain.invoke(IpcChannel.openExternal, [url])).rejects.toThrow(/only http\(s\) links/);
    }
    await expect(ipcMain.invoke(IpcChannel.openExternal, [42])).rejects.toThrow(/expected string/);
    expect(calls.openExternal).toEqual(['https://grafana.example.com/d/1']);
  });

  it('store the connection encrypted and reload the window only when it changed', async () => {
    expect(await ipcMain.invoke(IpcChannel.getConnection, [])).toBeNull();
    await ipcMain.invoke(IpcChannel.setConnection, [{ serverUrl: 'http://127.0.0.1:8080', token }]);
    expect(await ipcMain.invoke(IpcChannel.getConnection, [])).toEqual({
      serverUrl: 'http://127.0.0.1:8080',
      token,
    });
    expect(await readFile(join(userData, 'connection.json'), 'utf8')).not.toContain(token);
    expect(deps.onConnectionChanged).toHaveBeenCalledTimes(1);

    await ipcMain.invoke(IpcChannel.setConnection, [{ serverUrl: 'http://127.0.0.1:8080', token }]);
    expect(deps.onConnectionChanged).toHaveBeenCalledTimes(1);

    await ipcMain.invoke(IpcChannel.clearConnection, []);
    expect(await ipcMain.invoke(IpcChannel.getConnection, [])).toBeNull();
    expect(deps.onConnectionChanged).toHaveBeenCalledTimes(2);
  });

  it('reject connections that are not http(s) or lack a real token', async () => {
    await expect(ipcMain.invoke(IpcChannel.setConnection, [{ serverUrl: 'ftp://x', token }])).rejects.toThrow(
      /http/,
    );
    await expect(
      ipcMain.invoke(IpcChannel.setConnection, [{ serverUrl: 'http://x', token: 'abc' }]),
    ).rejects.toThrow(/16 characters/);
    await expect(ipcMain.invoke(IpcChannel.getConnection, ['unexpected'])).rejects.toThrow(/Invalid input/);
    expect(deps.onConnectionChanged).not.toHaveBeenCalled();
  });

  it('update the open count only with whole non-negative numbers', () => {
    ipcMain.send(IpcChannel.setOpenCount, [4]);
    for (const bad of [-1, 2.5, '7', null, Number.NaN]) ipcMain.send(IpcChannel.setOpenCount, [bad]);
    expect(deps.setOpenCount.mock.calls).toEqual([[4]]);
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { DesktopBridge } from '../bridge.ts';
import { IpcChannel } from '../main/ipc/channels.ts';
import { type BridgeIpc, createBridge } from './create-bridge.ts';

/** An ipcRenderer stand-in that records traffic and lets the test play the main process. */
function fakeIpc() {
  const invoked: { channel: string; args: unknown[] }[] = [];
  const sent: { channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  const ipc: BridgeIpc = {
    async invoke(channel, ...args) {
      invoked.push({ channel, args });
      return channel === IpcChannel.getConnection
        ? { serverUrl: 'http://127.0.0.1:8080', token: 't'.repeat(20) }
        : 'ignored';
    },
    send(channel, ...args) {
      sent.push({ channel, args });
    },
    on(channel, listener) {
      listeners.set(channel, listener);
    },
  };
  const fromMain = (channel: string, ...args: unknown[]) =>
    listeners.get(channel)?.({ sender: 'secret' }, ...args);
  return { ipc, invoked, sent, fromMain };
}

const bridgeKeys: (keyof DesktopBridge)[] = [
  'version',
  'notify',
  'openExternal',
  'getConnection',
  'setConnection',
  'clearConnection',
  'setOpenCount',
  'onNavigate',
];

describe('createBridge', () => {
  it('exposes exactly the DesktopBridge, with the version from the window arguments', () => {
    const bridge = createBridge(fakeIpc().ipc, ['electron', '--opsworker-version=0.1.0']);
    expect(Object.keys(bridge).sort()).toEqual([...bridgeKeys].sort());
    expect(bridge.version).toBe('0.1.0');
    expect(createBridge(fakeIpc().ipc, []).version).toBe('unknown');
  });

  it('sends each method over its own fixed channel and hides what main answers for void calls', async () => {
    const { ipc, invoked, sent } = fakeIpc();
    const bridge = createBridge(ipc, []);
    await expect(bridge.notify({ title: 'a', body: 'b', investigationId: 'inv_1' })).resolves.toBeUndefined();
    await expect(bridge.openExternal('https://example.com')).resolves.toBeUndefined();
    await expect(bridge.getConnection()).resolves.toEqual({
      serverUrl: 'http://127.0.0.1:8080',
      token: 't'.repeat(20),
    });
    await bridge.setConnection({ serverUrl: 'http://x', token: 'y' });
    await bridge.clearConnection();
    bridge.setOpenCount(3);
    expect(invoked.map((call) => call.channel)).toEqual([
      IpcChannel.notify,
      IpcChannel.openExternal,
      IpcChannel.getConnection,
      IpcChannel.setConnection,
      IpcChannel.clearConnection,
    ]);
    expect(sent).toEqual([{ channel: IpcChannel.setOpenCount, args: [3] }]);
  });

  it('passes navigation paths without Electron event objects, until unsubscribed', () => {
    const { ipc, fromMain } = fakeIpc();
    const bridge = createBridge(ipc, []);
    const listener = vi.fn();
    const unsubscribe = bridge.onNavigate(listener);
    fromMain(IpcChannel.navigate, '/investigations/inv_1');
    fromMain(IpcChannel.navigate, { not: 'a path' });
    unsubscribe();
    fromMain(IpcChannel.navigate, '/investigations/inv_2');
    expect(listener.mock.calls).toEqual([['/investigations/inv_1']]);
  });

  it('holds a deep link that arrives before the page subscribes', async () => {
    const { ipc, fromMain } = fakeIpc();
    const bridge = createBridge(ipc, []);
    fromMain(IpcChannel.navigate, '/investigations/inv_early');
    const listener = vi.fn();
    bridge.onNavigate(listener);
    await Promise.resolve();
    expect(listener).toHaveBeenCalledWith('/investigations/inv_early');
    bridge.onNavigate(vi.fn());
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetFakeElectron, safeStorage } from './test-support/fake-electron.ts';

vi.mock('electron', () => import('./test-support/fake-electron.ts'));

const { ConnectionStore } = await import('./connection-store.ts');

const connection = { serverUrl: 'https://ops.example.com', token: 'ow_api_0123456789abcdef0123456789abcdef' };
let userData: string;

beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'opsworker-connection-'));
  resetFakeElectron(userData);
});
afterEach(() => rm(userData, { recursive: true, force: true }));

describe('ConnectionStore', () => {
  it('encrypts the connection with safeStorage and never writes the token in clear', async () => {
    const outcome = await new ConnectionStore(userData).set(connection);
    expect(outcome).toEqual({ persisted: true });
    expect(safeStorage.encrypted).toHaveLength(1);
    expect(safeStorage.encrypted[0]).toContain(connection.token);

    const file = await readFile(join(userData, 'connection.json'));
    expect(file.toString()).not.toContain(connection.token);
    expect(file.toString('latin1')).not.toContain('0123456789abcdef');
    expect(file.toString()).not.toContain('ops.example.com');
    if (process.platform !== 'win32')
      expect((await stat(join(userData, 'connection.json'))).mode & 0o777).toBe(0o600);
  });

  it('reads the connection back in a later run of the app', async () => {
    await new ConnectionStore(userData).set({
      serverUrl: ' https://ops.example.com ',
      token: connection.token,
    });
    expect(await new ConnectionStore(userData).get()).toEqual(connection);
  });

  it('forgets the connection on clear', async () => {
    const store = new ConnectionStore(userData);
    await store.set(connection);
    await store.clear();
    expect(await store.get()).toBeNull();
    expect(await new ConnectionStore(userData).get()).toBeNull();
  });

  it('refuses to write when the OS offers no encryption, says why, and keeps it for the session', async () => {
    const store = new ConnectionStore(userData);
    await store.set(connection);
    safeStorage.available = false;
    const outcome = await store.set({ ...connection, serverUrl: 'https://other.example.com' });
    expect(outcome).toEqual({ persisted: false, reason: expect.stringContaining('no encryption') });
    expect(await store.get()).toEqual({ ...connection, serverUrl: 'https://other.example.com' });
    // The earlier saved connection is gone too, so the next start asks again.
    await expect(stat(join(userData, 'connection.json'))).rejects.toThrow();
  });

  it.runIf(process.platform === 'linux')(
    'refuses the clear-text fallback used on Linux without a keyring',
    async () => {
      safeStorage.backend = 'basic_text';
      const outcome = await new ConnectionStore(userData).set(connection);
      expect(outcome).toEqual({ persisted: false, reason: expect.stringContaining('no keyring') });
      expect(safeStorage.encrypted).toHaveLength(0);
    },
  );

  it('rejects connections that are not http(s) or whose token is too short', async () => {
    const store = new ConnectionStore(userData);
    await expect(store.set({ serverUrl: 'file:///etc', token: connection.token })).rejects.toThrow(/http/);
    await expect(store.set({ serverUrl: 'https://ops.example.com', token: 'short' })).rejects.toThrow(
      /16 characters/,
    );
  });

  it('asks to connect again when the file cannot be decrypted or is corrupted', async () => {
    await writeFile(
      join(userData, 'connection.json'),
      JSON.stringify({ version: 1, encrypted: 'bm90IG91cnM=' }),
    );
    expect(await new ConnectionStore(userData).get()).toBeNull();
    await writeFile(join(userData, 'connection.json'), '{ not json');
    expect(await new ConnectionStore(userData).get()).toBeNull();
  });
});

import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { safeStorage } from 'electron';
import { z } from 'zod';
import type { DesktopConnection } from '../bridge.ts';
import { ConnectionInput } from './ipc/schemas.ts';

/** Whether `set` wrote the connection to disk, and if not, why (in words for the user). */
export type SaveOutcome = { persisted: true } | { persisted: false; reason: string };

const StoredConnection = z.object({
  version: z.literal(1),
  /** The whole connection (server URL and token) encrypted by the OS keychain, base64. */
  encrypted: z.string().min(1),
});

/**
 * The server URL and API token, encrypted with Electron's safeStorage (Keychain on macOS,
 * DPAPI on Windows, the Secret Service or KWallet on Linux) into one file under the app's
 * data folder. Nothing is ever written in clear: when the OS offers no real encryption the
 * store refuses to write, says why, and keeps the connection in memory for this session only.
 */
export class ConnectionStore {
  readonly #file: string;
  #cached: DesktopConnection | null | undefined;

  constructor(userDataDir: string) {
    this.#file = join(userDataDir, 'connection.json');
  }

  async get(): Promise<DesktopConnection | null> {
    if (this.#cached !== undefined) return this.#cached;
    this.#cached = await this.#read();
    return this.#cached;
  }

  /** The connection already read, for the Content-Security-Policy which cannot wait on disk. */
  current(): DesktopConnection | null {
    return this.#cached ?? null;
  }

  async set(input: ConnectionInput): Promise<SaveOutcome> {
    const parsed = ConnectionInput.parse(input);
    const connection = { serverUrl: parsed.serverUrl, token: parsed.token };
    const refusal = whyEncryptionIsNotReal();
    if (refusal !== null) {
      // A connection saved earlier would come back on the next start: drop it.
      await rm(this.#file, { force: true });
      this.#cached = connection;
      return { persisted: false, reason: refusal };
    }
    const encrypted = safeStorage.encryptString(JSON.stringify(connection)).toString('base64');
    await mkdir(dirname(this.#file), { recursive: true });
    // Write then rename: a crash never leaves half a file behind.
    const temporary = `${this.#file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify({ version: 1, encrypted }), { mode: 0o600 });
    await rename(temporary, this.#file);
    this.#cached = connection;
    return { persisted: true };
  }

  async clear(): Promise<void> {
    await rm(this.#file, { force: true });
    this.#cached = null;
  }

  async #read(): Promise<DesktopConnection | null> {
    let text: string;
    try {
      text = await readFile(this.#file, 'utf8');
    } catch {
      return null;
    }
    try {
      const stored = StoredConnection.parse(JSON.parse(text));
      if (!safeStorage.isEncryptionAvailable()) return null;
      const plain = safeStorage.decryptString(Buffer.from(stored.encrypted, 'base64'));
      const connection = ConnectionInput.parse(JSON.parse(plain));
      return { serverUrl: connection.serverUrl, token: connection.token };
    } catch {
      // Unreadable (another OS user's keychain, a corrupted file): ask to connect again.
      return null;
    }
  }
}

function whyEncryptionIsNotReal(): string | null {
  if (!safeStorage.isEncryptionAvailable()) {
    return 'The API token was not saved: this system offers no encryption for app secrets. It is kept for this session only.';
  }
  // On Linux without a keyring Electron falls back to a hard-coded key: clear text in disguise.
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return (
      'The API token was not saved: no keyring (GNOME Keyring or KWallet) is running, so it could only be ' +
      'stored unencrypted. It is kept for this session only; start or unlock your keyring to save it.'
    );
  }
  return null;
}

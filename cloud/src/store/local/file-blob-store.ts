import { mkdir, open, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ValidationError } from '@opsworker/shared';
import { type BlobBody, type BlobStore, isBlobParts } from '../store.ts';

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/** Blobs as plain files under `<dataDir>/blobs/<orgId>/<key>`, written atomically. */
export class FileBlobStore implements BlobStore {
  readonly #dir: string;
  #tmpCounter = 0;
  readonly #madeDirs = new Set<string>();

  constructor(dataDir: string) {
    this.#dir = join(dataDir, 'blobs');
  }

  #path(orgId: string, key: string): string {
    if (!SAFE_KEY.test(orgId) || !SAFE_KEY.test(key) || key.includes('..')) {
      throw new ValidationError(`blob key "${orgId}/${key}" is not valid`);
    }
    return join(this.#dir, orgId, key);
  }

  async put(orgId: string, key: string, body: BlobBody): Promise<void> {
    const path = this.#path(orgId, key);
    const dir = dirname(path);
    if (!this.#madeDirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.#madeDirs.add(dir);
    }
    // Write then rename: a reader (or a crash) never sees half a blob.
    const tmp = `${path}.${process.pid}.${this.#tmpCounter++}.tmp`;
    if (isBlobParts(body)) await writeParts(tmp, body);
    else await writeFile(tmp, body);
    await rename(tmp, path);
  }

  async get(orgId: string, key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.#path(orgId, key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}

/** Parts written with gathering writes, as they are: no copy of the whole blob is made. */
async function writeParts(path: string, parts: readonly Uint8Array[]): Promise<void> {
  const file = await open(path, 'w');
  try {
    await file.writev(parts);
  } finally {
    await file.close();
  }
}

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValidationError } from '@opsworker/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileBlobStore } from './file-blob-store.ts';

describe('FileBlobStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'blobs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives back exactly what it was given: text, bytes, or parts in order', async () => {
    const blobs = new FileBlobStore(dir);
    const binary = Uint8Array.from({ length: 256 }, (_, i) => i);
    const lines = Array.from({ length: 600 }, (_, i) => Buffer.from(`{"seq":${i}}\n`));
    await blobs.put('acme', 'evidence/inv_1/ev_1.json', '{"kind":"pods"}');
    await blobs.put('acme', 'payloads/1-1.bin', binary);
    await blobs.put('acme', 'payloads/0-599.jsonl', lines);

    expect((await blobs.get('acme', 'evidence/inv_1/ev_1.json'))?.toString('utf8')).toBe('{"kind":"pods"}');
    expect(new Uint8Array((await blobs.get('acme', 'payloads/1-1.bin')) ?? [])).toEqual(binary);
    expect((await blobs.get('acme', 'payloads/0-599.jsonl'))?.toString('utf8')).toBe(
      Buffer.concat(lines).toString('utf8'),
    );
    expect(await blobs.get('acme', 'evidence/inv_1/missing.json')).toBeUndefined();
    // Written through a temporary file and renamed: none is left behind.
    expect(readdirSync(join(dir, 'blobs', 'acme', 'payloads')).sort()).toEqual(['0-599.jsonl', '1-1.bin']);
  });

  it('refuses keys that could leave the organization’s folder', async () => {
    const blobs = new FileBlobStore(dir);
    await expect(blobs.put('acme', '../globex/secret', 'x')).rejects.toBeInstanceOf(ValidationError);
    await expect(blobs.get('../globex', 'secret')).rejects.toBeInstanceOf(ValidationError);
  });
});

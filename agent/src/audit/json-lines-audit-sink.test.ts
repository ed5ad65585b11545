import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './audit-sink.ts';
import { createFileAuditSink, createJsonLinesAuditSink } from './json-lines-audit-sink.ts';

const entry: AuditEntry = {
  at: '2025-11-24T10:00:00.000Z',
  requestId: 'r-1',
  requestedBy: { orgId: 'acme', user: 'alice' },
  op: 'logs',
  target: { kind: 'pods', namespace: 'shop', name: 'web-1' },
  durationMs: 12,
  bytes: 2048,
  outcome: 'ok',
  truncated: false,
};

describe('createJsonLinesAuditSink', () => {
  describe('when entries are written', () => {
    it('writes one JSON object per line', () => {
      const stream = new PassThrough();
      const chunks: string[] = [];
      stream.on('data', (chunk) => chunks.push(String(chunk)));
      const sink = createJsonLinesAuditSink(stream);
      sink.write(entry);
      sink.write({ ...entry, requestId: 'r-2', outcome: 'forbidden' });
      const lines = chunks.join('').trimEnd().split('\n');
      expect(lines.map((line) => JSON.parse(line).requestId)).toEqual(['r-1', 'r-2']);
    });
  });

  describe('when the stream fails', () => {
    it('reports once and keeps accepting entries without throwing', async () => {
      const failing = new Writable({
        write: (_chunk, _encoding, callback) => callback(new Error('disk full')),
      });
      const errors: Error[] = [];
      const sink = createJsonLinesAuditSink(failing, (error) => errors.push(error));
      sink.write(entry);
      await new Promise((resolve) => setImmediate(resolve));
      sink.write(entry);
      expect(errors.map((e) => e.message)).toEqual(['disk full']);
    });
  });
});

describe('createFileAuditSink', () => {
  describe('when writing to a file', () => {
    it('appends JSON lines', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'audit-'));
      try {
        const path = join(dir, 'audit.log');
        const sink = createFileAuditSink(path);
        sink.write(entry);
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(JSON.parse((await readFile(path, 'utf8')).trim())).toEqual(entry);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
});

import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IngestJournal } from './ingest-journal.ts';

const entry = (orgId = 'default') => ({
  orgId,
  source: 'generic' as const,
  receivedAt: new Date().toISOString(),
  alerts: [],
});

describe('IngestJournal', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'journal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('when the process stops before entries are applied', () => {
    it('hands the unapplied entries back, in order, with the raw payload', async () => {
      const journal = new IngestJournal(dir);
      expect(journal.open()).toEqual([]);
      await journal.append(entry(), '{"a":1}');
      await journal.append(entry());
      journal.checkpoint(1);
      await journal.append(entry('acme'), '[1,2]');
      journal.close();

      const pending = new IngestJournal(dir).open();
      expect(pending.map((e) => [e.seq, e.orgId, e.raw])).toEqual([
        [2, 'default', undefined],
        [3, 'acme', [1, 2]],
      ]);
      // With its body, a delivery is journaled as the body alone: replay normalizes it again.
      expect(pending.map((e) => e.alerts)).toEqual([[], undefined]);
    });

    it('gives an entry appended with its body the line it was written as, body byte for byte', async () => {
      const journal = new IngestJournal(dir);
      journal.open();
      const body = '{ "alerts" : [ ] }';
      const written = await journal.append(entry('acme'), body);
      await journal.append(entry());
      journal.close();
      const file = readFileSync(join(dir, readdirSync(dir).find((name) => name.endsWith('.jsonl'))!), 'utf8');
      const line = written.line!.toString('utf8');
      expect(file.startsWith(line)).toBe(true);
      expect(line).toBe(
        `{"seq":1,"orgId":"acme","source":"generic","receivedAt":"${written.receivedAt}","raw":${body}}\n`,
      );
      // Read back after a restart, the entry carries the same line for the payload archive.
      expect(new IngestJournal(dir).open()[0]!.line).toEqual(written.line);
    });

    it('keeps a pretty-printed body on its one line, its line breaks turned to spaces', async () => {
      const journal = new IngestJournal(dir);
      journal.open();
      const body = '{\r\n  "alerts": [\n    {"labels": {"alertname": "Line\\nBreak"}}\n  ]\n}\n';
      const written = await journal.append(entry('acme'), body);
      await journal.append(entry(), '{"b":2}');
      journal.close();

      const pending = new IngestJournal(dir).open();
      // Both deliveries come back after a restart, neither split across lines and lost.
      expect(pending.map((e) => e.raw)).toEqual([JSON.parse(body), { b: 2 }]);
      expect(written.line!.toString('utf8')).toContain(`"raw":${body.replace(/[\r\n]/g, ' ')}}\n`);
    });

    it('skips a line cut short by a crash: it was never acknowledged', async () => {
      const journal = new IngestJournal(dir);
      journal.open();
      await journal.append(entry());
      journal.close();
      const file = readdirSync(dir).find((name) => name.endsWith('.jsonl'))!;
      appendFileSync(join(dir, file), '{"seq":2,"orgId":"def');
      const reopened = new IngestJournal(dir);
      expect(reopened.open().map((e) => e.seq)).toEqual([1]);
      // Sequence numbers never go backwards, so ids derived from them stay unique.
      expect((await reopened.append(entry())).seq).toBe(2);
    });
  });

  it('keeps entries appended after a start that found the journal empty', async () => {
    // Regression: the empty file from the first start had the same name as the new active
    // file, and cleanup deleted it while it was being appended to.
    const first = new IngestJournal(dir);
    first.open();
    first.close();
    const second = new IngestJournal(dir);
    second.open();
    await second.append(entry());
    second.close();
    expect(new IngestJournal(dir).open().map((e) => e.seq)).toEqual([1]);
  });

  it('deletes journal files once everything in them is applied', async () => {
    const journal = new IngestJournal(dir);
    journal.open();
    const { seq: last } = await journal.append(entry());
    journal.close();
    const again = new IngestJournal(dir);
    again.open();
    again.checkpoint(last);
    again.close();
    expect(readdirSync(dir).filter((name) => name.endsWith('.jsonl'))).toHaveLength(1);
    expect(new IngestJournal(dir).open()).toEqual([]);
  });
});

describe('IngestJournal group commit', () => {
  it('numbers entries appended together in order and writes them all before resolving', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journal-'));
    try {
      const journal = new IngestJournal(dir);
      journal.open();
      const written = await Promise.all(Array.from({ length: 50 }, () => journal.append(entry())));
      expect(written.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      journal.close();
      expect(new IngestJournal(dir).open()).toHaveLength(50);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

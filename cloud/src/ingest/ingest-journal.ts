import {
  appendFileSync,
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { AlertSource, NormalizedAlert } from '@opsworker/shared';
import { encodeLines } from './encode-lines.ts';

/** One accepted webhook delivery, as written before the sender gets its 202. */
export interface JournalEntry {
  seq: number;
  orgId: string;
  source: AlertSource;
  receivedAt: string;
  alerts: NormalizedAlert[];
  /** The delivery as received (valid JSON text), kept for the blob store. */
  raw?: unknown;
}

/**
 * An entry as read back. A delivery that came with its body is journaled as the body alone:
 * the alerts normalized from it are not written too, which was a third of the journal's cost
 * per delivery; replaying normalizes the body again (`normalizeForReplay`).
 */
export type JournalRecord = Omit<JournalEntry, 'alerts'> & { alerts?: NormalizedAlert[] };

interface JournalFile {
  path: string;
  lastSeq: number;
}

const FILE_PATTERN = /^(\d{12})\.jsonl$/;
const ROTATE_BYTES = 8 * 1024 * 1024;

/**
 * Append-only log of accepted deliveries. A delivery is acknowledged only after its line is
 * written (a synchronous write: once it returns, a `kill -9` of the process cannot lose it);
 * the pipeline then applies entries to the store and checkpoints. On start, entries after the
 * checkpoint are replayed. Files wholly before the checkpoint are deleted.
 */
export class IngestJournal {
  readonly #dir: string;
  readonly #checkpointPath: string;
  readonly #files: JournalFile[] = [];
  #fd: number | undefined;
  #activeBytes = 0;
  #nextSeq = 1;
  readonly #unwritten: string[] = [];
  readonly #waiting: { resolve: (seq: number) => void; reject: (error: unknown) => void; seq: number }[] = [];
  #appliedSeq = 0;

  constructor(dir: string) {
    this.#dir = dir;
    this.#checkpointPath = join(dir, 'checkpoint.json');
  }

  /** Opens the journal and returns the entries accepted but not yet applied, in order. */
  open(): JournalRecord[] {
    mkdirSync(this.#dir, { recursive: true });
    this.#appliedSeq = this.#readCheckpoint();
    this.#nextSeq = this.#appliedSeq + 1;
    const pending: JournalRecord[] = [];
    const names = readdirSync(this.#dir)
      .filter((name) => FILE_PATTERN.test(name))
      .sort();
    for (const name of names) {
      const path = join(this.#dir, name);
      let lastSeq = 0;
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        const entry = parseLine(line);
        if (!entry) continue;
        lastSeq = entry.seq;
        this.#nextSeq = Math.max(this.#nextSeq, entry.seq + 1);
        if (entry.seq > this.#appliedSeq) pending.push(entry);
      }
      this.#files.push({ path, lastSeq });
    }
    this.#openNewFile();
    this.#removeAppliedFiles();
    return pending;
  }

  /**
   * Writes one entry and resolves with its sequence number once it is on disk. `rawJson` is the
   * request body as received; it was parsed successfully, so it is embedded without re-encoding,
   * and it stands for the alerts (see JournalRecord).
   *
   * Group commit: entries appended in the same turn of the event loop are written with one
   * write call, because under a storm the write syscall, not the work, is what costs.
   */
  append(entry: Omit<JournalEntry, 'seq' | 'raw'>, rawJson?: string): Promise<number> {
    if (this.#fd === undefined) return Promise.reject(new Error('journal is not open'));
    const seq = this.#nextSeq++;
    if (rawJson === undefined) this.#unwritten.push(`${JSON.stringify({ seq, ...entry })}\n`);
    else {
      const { orgId, source, receivedAt } = entry;
      const head = JSON.stringify({ seq, orgId, source, receivedAt });
      this.#unwritten.push(`${head.slice(0, -1)},"raw":${rawJson}}\n`);
    }
    if (this.#unwritten.length === 1) setImmediate(() => this.#flush());
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject, seq }));
  }

  #flush(): void {
    const lines = this.#unwritten.splice(0);
    const waiting = this.#waiting.splice(0);
    try {
      if (this.#fd === undefined) throw new Error('journal is not open');
      const bytes = encodeLines(lines);
      writeSync(this.#fd, bytes);
      this.#activeBytes += bytes.length;
      this.#files.at(-1)!.lastSeq = this.#nextSeq - 1;
      if (this.#activeBytes > ROTATE_BYTES) this.#openNewFile();
    } catch (error) {
      for (const { reject } of waiting) reject(error);
      return;
    }
    for (const { resolve, seq } of waiting) resolve(seq);
  }

  /** Records that every entry up to `seq` is in the store. */
  checkpoint(seq: number): void {
    if (seq <= this.#appliedSeq) return;
    this.#appliedSeq = seq;
    const tmp = `${this.#checkpointPath}.tmp`;
    writeFileSync(tmp, JSON.stringify({ appliedSeq: seq }));
    renameSync(tmp, this.#checkpointPath);
    this.#removeAppliedFiles();
  }

  /**
   * Sets aside an entry that cannot be applied (after retries), so one bad delivery cannot
   * stop the pipeline. It stays on disk, with the error, for an operator to look at.
   */
  deadLetter(entry: JournalEntry, error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    appendFileSync(join(this.#dir, 'dead-letter.jsonl'), `${JSON.stringify({ ...entry, error: reason })}\n`);
  }

  close(): void {
    if (this.#unwritten.length > 0) this.#flush();
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }

  #openNewFile(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    const path = join(this.#dir, `${String(this.#nextSeq).padStart(12, '0')}.jsonl`);
    this.#fd = openSync(path, 'a');
    this.#activeBytes = 0;
    // An empty file from an earlier start can have the same name: it is the one we append to
    // now, and must not stay in the list as an older file that cleanup would delete.
    const previous = this.#files.findIndex((file) => file.path === path);
    if (previous !== -1) this.#files.splice(previous, 1);
    this.#files.push({ path, lastSeq: this.#nextSeq - 1 });
  }

  #removeAppliedFiles(): void {
    while (this.#files.length > 1 && this.#files[0]!.lastSeq <= this.#appliedSeq) {
      rmSync(this.#files.shift()!.path, { force: true });
    }
  }

  #readCheckpoint(): number {
    try {
      const { appliedSeq } = JSON.parse(readFileSync(this.#checkpointPath, 'utf8')) as {
        appliedSeq?: unknown;
      };
      return typeof appliedSeq === 'number' ? appliedSeq : 0;
    } catch {
      return 0;
    }
  }
}

/** A line cut short by a crash was never acknowledged: skip it. */
function parseLine(line: string): JournalRecord | undefined {
  if (!line) return undefined;
  try {
    const entry = JSON.parse(line) as JournalRecord;
    return typeof entry.seq === 'number' ? entry : undefined;
  } catch {
    return undefined;
  }
}

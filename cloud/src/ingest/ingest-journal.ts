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
  writevSync,
} from 'node:fs';
import { join } from 'node:path';
import type { AlertSource, NormalizedAlert } from '@opsworker/shared';

/** One accepted webhook delivery, as written before the sender gets its 202. */
export interface JournalEntry {
  seq: number;
  orgId: string;
  source: AlertSource;
  receivedAt: string;
  alerts: NormalizedAlert[];
  /** The body as received, parsed: only on an entry read back from the journal. */
  raw?: unknown;
  /**
   * For a delivery that came with a body: its journal line (the body as received, with the
   * receipt, organization, source and time), which the payload archive keeps as it is.
   */
  line?: Buffer;
}

/** A delivery's body as received: bytes from an HTTP server, or text (a Lambda event, a test). */
export type RawBody = string | Uint8Array;

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const CLOSE_BRACE = 0x7d;

/**
 * What a delivery with a body is journaled and archived as: one line, the body embedded as
 * received. A pretty-printed body has line breaks, which in valid JSON can only be spacing
 * between tokens (a string may not hold one unescaped): each becomes a space, so the line stays
 * one line and the body keeps its meaning and its length.
 *
 * The body's bytes are copied into the line as they are: it was parsed successfully, so it
 * needs no re-encoding, and the body text is not concatenated into a second copy on the heap.
 */
export function deliveryLine(
  entry: Pick<JournalEntry, 'seq' | 'orgId' | 'source' | 'receivedAt'>,
  raw: RawBody,
): Buffer {
  const { seq, orgId, source, receivedAt } = entry;
  const body = typeof raw === 'string' ? Buffer.from(raw) : raw;
  // Written out rather than stringified: only the organization id is text from outside (the
  // source is one of five names, the time an ISO string).
  const head = `{"seq":${seq},"orgId":${JSON.stringify(orgId)},"source":"${source}","receivedAt":"${receivedAt}","raw":`;
  const bodyStart = Buffer.byteLength(head);
  const bodyEnd = bodyStart + body.length;
  const line = Buffer.allocUnsafe(bodyEnd + 2);
  line.write(head, 0);
  line.set(body, bodyStart);
  line[bodyEnd] = CLOSE_BRACE;
  line[bodyEnd + 1] = LF;
  const firstBreak = Math.min(
    indexBefore(line, LF, bodyStart, bodyEnd),
    indexBefore(line, CR, bodyStart, bodyEnd),
  );
  for (let i = firstBreak; i < bodyEnd; i++) if (line[i] === LF || line[i] === CR) line[i] = SPACE;
  return line;
}

/** Where `byte` first is in `buffer` from `start`, or `end` when not before it. */
function indexBefore(buffer: Buffer, byte: number, start: number, end: number): number {
  const at = buffer.indexOf(byte, start);
  return at === -1 || at > end ? end : at;
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
  readonly #unwritten: Buffer[] = [];
  readonly #waiting: {
    resolve: (entry: JournalEntry) => void;
    reject: (error: unknown) => void;
    entry: JournalEntry;
  }[] = [];
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
   * Writes one entry and resolves with it, numbered, once it is on disk. `raw` is the request
   * body as received; it stands for the alerts (see JournalRecord), and the entry then carries
   * its line for the payload archive.
   *
   * Group commit: entries appended in the same turn of the event loop are written with one
   * write call, because under a storm the write syscall, not the work, is what costs. Each line
   * is encoded once, off the JavaScript heap, and shared with the archive: a delivery waiting
   * to be applied holds no copy of its body that the garbage collector has to move.
   */
  append(entry: Omit<JournalEntry, 'seq' | 'raw' | 'line'>, raw?: RawBody): Promise<JournalEntry> {
    if (this.#fd === undefined) return Promise.reject(new Error('journal is not open'));
    const { orgId, source, receivedAt, alerts } = entry;
    const numbered: JournalEntry = { seq: this.#nextSeq++, orgId, source, receivedAt, alerts };
    if (raw === undefined) this.#unwritten.push(Buffer.from(`${JSON.stringify(numbered)}\n`));
    else {
      numbered.line = deliveryLine(numbered, raw);
      this.#unwritten.push(numbered.line);
    }
    if (this.#unwritten.length === 1) setImmediate(() => this.#flush());
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject, entry: numbered }));
  }

  #flush(): void {
    const lines = this.#unwritten.splice(0);
    const waiting = this.#waiting.splice(0);
    try {
      if (this.#fd === undefined) throw new Error('journal is not open');
      this.#activeBytes += writevSync(this.#fd, lines);
      this.#files.at(-1)!.lastSeq = this.#nextSeq - 1;
      if (this.#activeBytes > ROTATE_BYTES) this.#openNewFile();
    } catch (error) {
      for (const { reject } of waiting) reject(error);
      return;
    }
    for (const { resolve, entry } of waiting) resolve(entry);
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
    const { line, ...rest } = entry;
    // With the body as received, when there is one.
    const record = line ? { ...rest, raw: JSON.parse(line.toString('utf8')).raw } : rest;
    appendFileSync(join(this.#dir, 'dead-letter.jsonl'), `${JSON.stringify({ ...record, error: reason })}\n`);
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
    if (typeof entry.seq !== 'number') return undefined;
    return entry.raw === undefined ? entry : { ...entry, line: Buffer.from(`${line}\n`) };
  } catch {
    return undefined;
  }
}

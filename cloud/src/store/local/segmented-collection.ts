import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';

/** Records kept in a collection need an id and a creation time (segments are filled in time order). */
export interface CollectionRecord {
  id: string;
}

interface SegmentData<T> {
  records: T[];
}

interface Segment<T> {
  db: Low<SegmentData<T>>;
  /** Position of each record in `db.data.records`, so an update rewrites in place. */
  positions: Map<string, number>;
}

const SEGMENT_FILE = /^(\d{8})\.json$/;

/**
 * A collection of records spread over lowdb files ("segments") of bounded size.
 *
 * lowdb rewrites its whole file on every write, so one file per collection would make every
 * write cost grow with history (~250 ms at 10k records). Here new records fill the newest
 * segment and a segment is closed once it holds `segmentSize` records: a write rewrites one
 * bounded file, whatever the size of the history. Each segment write is atomic (lowdb's steno
 * writes a temporary file and renames it), and concurrent writes to a segment coalesce.
 */
export class SegmentedCollection<T extends CollectionRecord> {
  readonly #dir: string;
  readonly #segmentSize: number;
  readonly #segments: Segment<T>[] = [];
  readonly #segmentOf = new Map<string, Segment<T>>();
  #loading: Promise<void> | undefined;

  constructor(dir: string, options: { segmentSize?: number } = {}) {
    this.#dir = dir;
    this.#segmentSize = options.segmentSize ?? 100;
  }

  /** Reads every segment once; later calls return the same promise. */
  load(): Promise<void> {
    this.#loading ??= this.#loadSegments();
    return this.#loading;
  }

  async #loadSegments(): Promise<void> {
    await mkdir(this.#dir, { recursive: true });
    const names = (await readdir(this.#dir)).filter((name) => SEGMENT_FILE.test(name)).sort();
    for (const name of names) {
      const segment = this.#openSegment(name);
      await segment.db.read();
      segment.db.data.records.forEach((record, index) => {
        segment.positions.set(record.id, index);
        this.#segmentOf.set(record.id, segment);
      });
      this.#segments.push(segment);
    }
  }

  #openSegment(name: string): Segment<T> {
    const adapter = new DataFile<SegmentData<T>>(join(this.#dir, name), {
      parse: JSON.parse,
      // Compact: indentation would double the bytes rewritten on every write.
      stringify: (data) => JSON.stringify(data),
    });
    return { db: new Low(adapter, { records: [] }), positions: new Map() };
  }

  #segmentForNewRecord(): Segment<T> {
    const last = this.#segments.at(-1);
    if (last && last.db.data.records.length < this.#segmentSize) return last;
    const name = `${String(this.#segments.length + 1).padStart(8, '0')}.json`;
    const segment = this.#openSegment(name);
    this.#segments.push(segment);
    return segment;
  }

  get size(): number {
    return this.#segmentOf.size;
  }

  get(id: string): T | undefined {
    const segment = this.#segmentOf.get(id);
    if (!segment) return undefined;
    const position = segment.positions.get(id);
    return position === undefined ? undefined : segment.db.data.records[position];
  }

  /** Every record, oldest first. */
  *values(): IterableIterator<T> {
    for (const segment of this.#segments) yield* segment.db.data.records;
  }

  /** Newest first, without copying the collection. */
  *valuesNewestFirst(): IterableIterator<T> {
    for (let s = this.#segments.length - 1; s >= 0; s--) {
      const records = this.#segments[s]!.db.data.records;
      for (let i = records.length - 1; i >= 0; i--) yield records[i]!;
    }
  }

  /** Inserts or replaces a record; resolves once it is on disk. */
  put(record: T): Promise<void> {
    return this.putMany([record]);
  }

  /** Writes several records with one rewrite per touched segment. */
  async putMany(records: readonly T[]): Promise<void> {
    const touched = new Set<Segment<T>>();
    for (const record of records) touched.add(this.#place(record));
    await Promise.all([...touched].map((segment) => segment.db.write()));
  }

  #place(record: T): Segment<T> {
    const existing = this.#segmentOf.get(record.id);
    if (existing) {
      existing.db.data.records[existing.positions.get(record.id)!] = record;
      return existing;
    }
    const segment = this.#segmentForNewRecord();
    segment.positions.set(record.id, segment.db.data.records.push(record) - 1);
    this.#segmentOf.set(record.id, segment);
    return segment;
  }

  async delete(id: string): Promise<boolean> {
    const segment = this.#segmentOf.get(id);
    if (!segment) return false;
    const records = segment.db.data.records;
    const position = segment.positions.get(id)!;
    records.splice(position, 1);
    segment.positions.delete(id);
    for (let i = position; i < records.length; i++) segment.positions.set(records[i]!.id, i);
    this.#segmentOf.delete(id);
    await segment.db.write();
    return true;
  }
}

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SegmentedCollection } from './segmented-collection.ts';

interface Item {
  id: string;
  value: number;
}

describe('SegmentedCollection', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'segments-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function reopen(segmentSize = 3): Promise<SegmentedCollection<Item>> {
    const collection = new SegmentedCollection<Item>(dir, { segmentSize });
    await collection.load();
    return collection;
  }

  it('keeps what was written across a reopen, updates included', async () => {
    const collection = await reopen();
    await collection.putMany([1, 2, 3, 4, 5].map((n) => ({ id: `i${n}`, value: n })));
    await collection.put({ id: 'i2', value: 20 });
    const again = await reopen();
    expect(again.size).toBe(5);
    expect(again.get('i2')).toEqual({ id: 'i2', value: 20 });
    expect([...again.values()].map((item) => item.id)).toEqual(['i1', 'i2', 'i3', 'i4', 'i5']);
    expect([...again.valuesNewestFirst()].map((item) => item.id)).toEqual(['i5', 'i4', 'i3', 'i2', 'i1']);
  });

  it('never lets a file grow past its segment size, so a write costs the same at any history size', async () => {
    const collection = await reopen(3);
    for (let n = 0; n < 10; n++) await collection.put({ id: `i${n}`, value: n });
    const files = readdirSync(dir).filter((name) => name.endsWith('.json'));
    expect(files).toHaveLength(4);
    for (const file of files) {
      const { records } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { records: Item[] };
      expect(records.length).toBeLessThanOrEqual(3);
    }
  });

  it('leaves no temporary files behind after concurrent writes', async () => {
    const collection = await reopen(50);
    await Promise.all(Array.from({ length: 40 }, (_, n) => collection.put({ id: `i${n}`, value: n })));
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect((await reopen(50)).size).toBe(40);
  });

  it('deletes a record and keeps the others addressable', async () => {
    const collection = await reopen(5);
    await collection.putMany([1, 2, 3].map((n) => ({ id: `i${n}`, value: n })));
    expect(await collection.delete('i1')).toBe(true);
    expect(await collection.delete('i1')).toBe(false);
    await collection.put({ id: 'i3', value: 30 });
    const again = await reopen(5);
    expect(again.get('i1')).toBeUndefined();
    expect(again.get('i3')?.value).toBe(30);
  });
});

/**
 * A response kept for idempotent replay, serialized so no caller can mutate the cached copy:
 * `meta` is the response without its result, `result` the result's JSON (already computed for
 * the output cap, so caching costs no second serialization).
 */
export type CachedResponse = { fingerprint: string; meta: string; result?: string };

export type ResponseCache = {
  get(id: string): CachedResponse | undefined;
  set(id: string, entry: CachedResponse): void;
  readonly size: number;
};

/** Least-recently-used, bounded both by entry count and by total serialized size. */
export function createResponseCache(maxEntries: number, maxBytes: number): ResponseCache {
  const entries = new Map<string, CachedResponse>();
  let bytes = 0;
  const sizeOf = (entry: CachedResponse) =>
    entry.meta.length + (entry.result?.length ?? 0) + entry.fingerprint.length;

  function evict() {
    for (const [id, entry] of entries) {
      if (entries.size <= maxEntries && bytes <= maxBytes) return;
      entries.delete(id);
      bytes -= sizeOf(entry);
    }
  }

  return {
    get size() {
      return entries.size;
    },
    get(id) {
      const entry = entries.get(id);
      if (entry) {
        entries.delete(id);
        entries.set(id, entry);
      }
      return entry;
    },
    set(id, entry) {
      const previous = entries.get(id);
      if (previous) {
        entries.delete(id);
        bytes -= sizeOf(previous);
      }
      // A response bigger than the whole cache is simply not kept.
      if (sizeOf(entry) > maxBytes) return;
      entries.set(id, entry);
      bytes += sizeOf(entry);
      evict();
    },
  };
}

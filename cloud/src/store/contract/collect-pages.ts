import type { Page } from '../store.ts';

/** Follows `nextCursor` until the last page; returns every page (a guard stops runaway loops). */
export async function collectPages<T>(fetchPage: (cursor?: string) => Promise<Page<T>>): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    pages.push(page.items);
    cursor = page.nextCursor;
    if (pages.length > 100) throw new Error('more than 100 pages: the cursor does not advance');
  } while (cursor);
  return pages;
}

import { describe, expect, it } from 'vitest';
import { sortedEntries } from './sorted-entries.ts';

describe('sortedEntries', () => {
  it('orders keys byte-wise as kubectl does, capitals before lower case', () => {
    expect(
      sortedEntries({ app: 'a', Zone: 'z', 'app.kubernetes.io/name': 'n', '9': 'd' }).map(([k]) => k),
    ).toEqual(['9', 'Zone', 'app', 'app.kubernetes.io/name']);
  });

  it('gives nothing for a missing map', () => {
    expect(sortedEntries(undefined)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { asSentence, firstClause } from './sentence.ts';

describe('asSentence', () => {
  it.each([
    ['turns inner sentences into clauses', 'Heap full. Giving up', 'Heap full; Giving up.'],
    [
      'keeps dots in versions and file names',
      'image v3.2.0 failed on pg_wal/xlogtemp.31',
      'Image v3.2.0 failed on pg_wal/xlogtemp.31.',
    ],
    ['keeps a kubectl reference lower-case', 'deployment/api is down.', 'deployment/api is down.'],
    ['ends with one full stop', 'done;  ', 'Done.'],
  ])('%s', (_case, input, output) => {
    expect(asSentence(input)).toBe(output);
  });
});

describe('firstClause', () => {
  it('cuts at the first semicolon outside quotes', () => {
    expect(firstClause('wiki fails with "failed; database dirty" now; detail')).toBe(
      'wiki fails with "failed; database dirty" now',
    );
  });
});

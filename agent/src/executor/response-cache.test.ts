import { describe, expect, it } from 'vitest';
import { createResponseCache } from './response-cache.ts';

const entry = (size: number) => ({ fingerprint: 'f', meta: 'x'.repeat(size) });

describe('createResponseCache', () => {
  describe('when it holds more entries than allowed', () => {
    it('evicts the least recently used', () => {
      const cache = createResponseCache(2, 1_000);
      cache.set('a', entry(1));
      cache.set('b', entry(1));
      cache.get('a');
      cache.set('c', entry(1));
      expect(cache.get('a')).toBeDefined();
      expect(cache.get('b')).toBeUndefined();
      expect(cache.get('c')).toBeDefined();
    });
  });

  describe('when it holds more bytes than allowed', () => {
    it('evicts until the total fits', () => {
      const cache = createResponseCache(100, 250);
      cache.set('a', entry(99));
      cache.set('b', entry(99));
      cache.set('c', entry(99));
      expect(cache.size).toBe(2);
      expect(cache.get('a')).toBeUndefined();
    });

    it('does not keep a single response bigger than the whole cache', () => {
      const cache = createResponseCache(100, 50);
      cache.set('huge', entry(100));
      expect(cache.get('huge')).toBeUndefined();
    });
  });
});

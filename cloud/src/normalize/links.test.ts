import { describe, expect, it } from 'vitest';
import { collectLinks } from './links.ts';

describe('collectLinks', () => {
  describe('when a payload offers links a user must never be sent to', () => {
    it.each(['javascript:alert(1)', 'data:text/html,<script>', 'file:///etc/passwd', 'ftp://example.com/x'])(
      'drops %s',
      (url) => {
        expect(collectLinks([{ title: 'x', url }], 'https://grafana.example.com/')).toEqual([]);
      },
    );
  });

  describe('when a link is relative', () => {
    it('resolves it against the base, and drops it without one', () => {
      const candidates = [{ title: 'Source', url: '/alerting/list?orgId=1' }];
      expect(collectLinks(candidates, 'https://grafana.example.com/')).toEqual([
        { title: 'Source', url: 'https://grafana.example.com/alerting/list?orgId=1' },
      ]);
      expect(collectLinks(candidates)).toEqual([]);
    });
  });

  describe('when there are more links than the contract allows', () => {
    it('keeps the first 20, without duplicates or empty ones', () => {
      const candidates = [
        { title: 'empty', url: '' },
        { title: 'missing', url: undefined },
        ...Array.from({ length: 30 }, (_, index) => ({
          title: `l${index}`,
          url: `https://example.com/${index % 25}`,
        })),
      ];
      const links = collectLinks(candidates);
      expect(links).toHaveLength(20);
      expect(new Set(links.map((link) => link.url)).size).toBe(20);
      expect(links[0]).toEqual({ title: 'l0', url: 'https://example.com/0' });
    });
  });
});

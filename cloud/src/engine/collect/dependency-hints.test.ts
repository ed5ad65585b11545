import { describe, expect, it } from 'vitest';
import { dependencyHints } from './dependency-hints.ts';

describe('dependencyHints', () => {
  it.each([
    [
      'ERROR db pool: failed to connect to `host=cart-db.shop.svc.cluster.local user=cart`: dial error (dial tcp 172.20.106.121:5432: connect: connection refused)',
      [{ name: 'cart-db', namespace: 'shop' }],
      ['172.20.106.121'],
    ],
    ['redis: dial tcp: connection refused to inventory-cache:6379', [{ name: 'inventory-cache' }], []],
    [
      'Get "http://users.api.svc:8080/healthz": context deadline exceeded',
      [{ name: 'users', namespace: 'api' }],
      [],
    ],
    ['fatal: cache unavailable after 5 attempts', [], []],
  ])('reads %j', (line, hosts, addresses) => {
    const hints = dependencyHints([line]);
    expect(hints.hosts).toEqual(hosts);
    expect([...hints.addresses]).toEqual(addresses);
  });

  it('names each host once across many lines', () => {
    const hints = dependencyHints(['connect ECONNREFUSED cart-db:5432', 'connect ECONNREFUSED cart-db:5432']);
    expect(hints.hosts).toEqual([{ name: 'cart-db' }]);
  });
});

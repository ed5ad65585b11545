import { describe, expect, it } from 'vitest';
import type { MakeStore } from './store-contract.ts';
import { storeRecords } from './store-records.ts';

export function organizationCases(makeStore: MakeStore): void {
  describe('organizations', () => {
    it('keeps organizations and lists them all', async () => {
      const store = await makeStore();
      const acme = storeRecords('acme').organization();
      const globex = storeRecords('globex').organization();
      await store.putOrganization(acme);
      await store.putOrganization(globex);

      expect(await store.getOrganization('acme')).toEqual(acme);
      expect(await store.getOrganization('initech')).toBeUndefined();
      const listed = await store.listOrganizations();
      expect(listed.map((org) => org.id).sort()).toEqual(['acme', 'globex']);
    });

    it('finds an organization by the hash of either token, and says which token it is', async () => {
      const store = await makeStore();
      const acme = storeRecords('acme').organization();
      await store.putOrganization(acme);

      expect(await store.findOrganizationByTokenHash(acme.webhookTokenHash)).toEqual({
        org: acme,
        kind: 'webhook',
      });
      expect(await store.findOrganizationByTokenHash(acme.apiTokenHash)).toEqual({ org: acme, kind: 'api' });
      expect(await store.findOrganizationByTokenHash('no-such-hash')).toBeUndefined();
    });

    it('stops accepting rotated-out tokens at once', async () => {
      const store = await makeStore();
      const records = storeRecords('acme');
      const before = records.organization();
      await store.putOrganization(before);
      const after = { ...before, webhookTokenHash: 'wh-rotated', apiTokenHash: 'api-rotated' };
      await store.putOrganization(after);

      expect(await store.findOrganizationByTokenHash(before.webhookTokenHash)).toBeUndefined();
      expect(await store.findOrganizationByTokenHash(before.apiTokenHash)).toBeUndefined();
      expect(await store.findOrganizationByTokenHash('api-rotated')).toEqual({ org: after, kind: 'api' });
      expect(await store.listOrganizations()).toEqual([after]);
    });
  });
}

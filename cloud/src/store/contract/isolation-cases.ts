import { ValidationError } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import type { Store } from '../store.ts';
import type { MakeStore } from './store-contract.ts';
import { storeRecords } from './store-records.ts';

/** Fills `acme` with one record of every kind, ids `globex` will then try to reach. */
async function seedAcme(store: Store) {
  const r = storeRecords('acme');
  const org = r.organization();
  const alert = r.alert({ fingerprint: 'am:shared-fingerprint' });
  const decision = r.decision(alert.id);
  const investigation = r.investigation({ status: 'running', groupKey: 'prod/shop/deployments/checkout' });
  const event = r.event(investigation.id, 1);
  const message = r.message(investigation.id);
  const rule = r.rule();
  await store.putOrganization(org);
  await store.putOrganization(storeRecords('globex').organization());
  await store.apply({
    alerts: [alert, r.alert()],
    decisions: [decision],
    investigations: [investigation, r.investigation({ status: 'completed' })],
    timeline: [event],
  });
  await store.putMessages([message]);
  await store.putRule(rule);
  return { org, alert, decision, investigation, event, message, rule };
}

export function isolationCases(makeStore: MakeStore): void {
  describe('across organizations', () => {
    it('shows another organization none of acme’s records, through any read', async () => {
      const store = await makeStore();
      const acme = await seedAcme(store);
      const inv = acme.investigation;

      expect(await store.getAlert('globex', acme.alert.id)).toBeUndefined();
      expect(await store.getAlertByFingerprint('globex', acme.alert.fingerprint)).toBeUndefined();
      expect((await store.listAlerts('globex', { limit: 50 })).items).toEqual([]);
      expect(await store.listDecisions('globex', { limit: 50 })).toEqual([]);
      expect(await store.listDecisions('globex', { alertId: acme.alert.id, limit: 50 })).toEqual([]);
      expect(await store.getInvestigation('globex', inv.id)).toBeUndefined();
      expect((await store.listInvestigations('globex', { limit: 50 })).items).toEqual([]);
      expect(await store.listUnfinishedInvestigations('globex')).toEqual([]);
      expect(await store.countInvestigations('globex')).toEqual([]);
      expect(await store.findInvestigationsByGroupKey('globex', inv.groupKey, new Date(0))).toEqual([]);
      expect(await store.listTimeline('globex', inv.id)).toEqual([]);
      expect(await store.listMessages('globex', inv.id)).toEqual([]);
      expect(await store.listRules('globex')).toEqual([]);
      expect(await store.getRule('globex', acme.rule.id)).toBeUndefined();
      expect((await store.findOrganizationByTokenHash(acme.org.apiTokenHash))?.org.id).toBe('acme');
    });

    it('never pages into acme’s records with a cursor acme was given', async () => {
      const store = await makeStore();
      await seedAcme(store);
      await store.apply({ alerts: [storeRecords('globex').alert()] });
      const acmeAlerts = await store.listAlerts('acme', { limit: 1 });
      const acmeInvestigations = await store.listInvestigations('acme', { limit: 1 });
      expect(acmeAlerts.nextCursor).toBeDefined();
      expect(acmeInvestigations.nextCursor).toBeDefined();

      // Either refused as a bad cursor (HTTP 400) or an empty page: never acme's records.
      const alertsPage = store.listAlerts('globex', { limit: 50, cursor: acmeAlerts.nextCursor });
      const invPage = store.listInvestigations('globex', {
        limit: 50,
        cursor: acmeInvestigations.nextCursor,
      });
      for (const page of [alertsPage, invPage]) {
        const outcome = await page.then(
          (result) => result.items.filter((record) => record.orgId !== 'globex'),
          (error: unknown) => error,
        );
        if (Array.isArray(outcome)) expect(outcome).toEqual([]);
        else expect(outcome).toBeInstanceOf(ValidationError);
      }
    });

    it('lets no write by another organization change or delete acme’s records', async () => {
      const store = await makeStore();
      const acme = await seedAcme(store);
      const g = storeRecords('globex');
      const { alert, decision, investigation, event, message, rule } = acme;

      expect(await store.deleteRule('globex', rule.id)).toBe(false);
      await store.putRule({ ...rule, orgId: 'globex', name: 'hijacked' });
      await store.putInvestigation({ ...investigation, orgId: 'globex', title: 'hijacked' });
      await store.apply({
        alerts: [{ ...alert, orgId: 'globex', title: 'hijacked', lastReceipt: alert.lastReceipt + 1 }],
        decisions: [{ ...decision, orgId: 'globex', reason: 'hijacked' }],
        investigations: [{ ...investigation, orgId: 'globex', status: 'completed' }],
        timeline: [{ ...event, orgId: 'globex', message: 'hijacked' }, g.event(investigation.id, 2)],
      });
      await store.putMessages([
        { ...message, orgId: 'globex', text: 'hijacked' },
        g.message(investigation.id),
      ]);

      expect(await store.getRule('acme', rule.id)).toEqual(rule);
      expect(await store.getAlert('acme', alert.id)).toEqual(alert);
      expect(await store.getInvestigation('acme', investigation.id)).toEqual(investigation);
      expect(await store.listDecisions('acme', { alertId: alert.id, limit: 10 })).toEqual([decision]);
      expect(await store.listTimeline('acme', investigation.id)).toEqual([event]);
      expect(await store.listMessages('acme', investigation.id)).toEqual([message]);
      expect((await store.listUnfinishedInvestigations('acme')).map((inv) => inv.id)).toEqual([
        investigation.id,
      ]);
      // …and globex sees exactly its own copies.
      expect((await store.getRule('globex', rule.id))?.name).toBe('hijacked');
      expect(await store.listTimeline('globex', investigation.id)).toHaveLength(2);
    });

    it.each(['../acme', 'ACME', 'acme#ALERT', ''])('refuses the organization id %j', async (orgId) => {
      const store = await makeStore();
      await expect(store.listAlerts(orgId, { limit: 1 })).rejects.toBeInstanceOf(ValidationError);
      await expect(store.getInvestigation(orgId, 'inv_1')).rejects.toBeInstanceOf(ValidationError);
      await expect(store.listTimeline(orgId, 'inv_1')).rejects.toBeInstanceOf(ValidationError);
    });
  });
}

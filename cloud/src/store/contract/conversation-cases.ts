import { describe, expect, it } from 'vitest';
import type { MakeStore } from './store-contract.ts';
import { storeRecords } from './store-records.ts';

export function conversationCases(makeStore: MakeStore): void {
  describe('timeline', () => {
    it('lists an investigation’s events in order, after a given seq', async () => {
      const store = await makeStore();
      const r = storeRecords('acme');
      const events = [1, 2, 3, 10, 11].map((seq) => r.event('inv_a', seq));
      await store.apply({ timeline: [...events, r.event('inv_b', 1)] });

      expect(await store.listTimeline('acme', 'inv_a')).toEqual(events);
      expect((await store.listTimeline('acme', 'inv_a', 3)).map((e) => e.seq)).toEqual([10, 11]);
      expect(await store.listTimeline('acme', 'inv_a', 11)).toEqual([]);
      expect(await store.listTimeline('acme', 'inv_missing')).toEqual([]);
    });

    // Regression: a redelivered job or a replayed ingest step must not double the timeline.
    it('keeps one copy of an event delivered twice', async () => {
      const store = await makeStore();
      const r = storeRecords('acme');
      const alert = r.alert();
      const decision = r.decision(alert.id);
      const inv = r.investigation();
      const changes = {
        alerts: [alert],
        decisions: [decision],
        investigations: [inv],
        timeline: [r.event(inv.id, 1)],
      };
      await store.apply(changes);
      await store.apply(changes);

      expect(await store.listTimeline('acme', inv.id)).toHaveLength(1);
      expect(await store.listDecisions('acme', { limit: 10 })).toHaveLength(1);
      expect((await store.listInvestigations('acme', { limit: 10 })).items).toHaveLength(1);
      expect((await store.listAlerts('acme', { limit: 10 })).items).toEqual([alert]);
    });
  });

  describe('messages', () => {
    it('lists the conversation about one investigation, oldest first', async () => {
      const store = await makeStore();
      const r = storeRecords('acme');
      const question = r.message('inv_a');
      const elsewhere = r.message('inv_b');
      const answer = r.message('inv_a', {
        role: 'assistant',
        answeredBy: 'intent:logs',
        evidenceIds: ['ev_1'],
      });
      await store.putMessages([question, elsewhere]);
      await store.putMessages([answer]);

      expect(await store.listMessages('acme', 'inv_a')).toEqual([question, answer]);
      expect(await store.listMessages('acme', 'inv_missing')).toEqual([]);
    });
  });
}

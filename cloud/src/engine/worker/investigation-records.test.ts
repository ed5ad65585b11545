import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Investigation } from '@opsworker/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../events/event-bus.ts';
import { LocalStore } from '../../store/local/local-store.ts';
import { queuedInvestigation } from './__fixtures__/worker-harness.ts';
import { InvestigationRecords } from './investigation-records.ts';

/** The ingest pipeline's way of writing: a whole investigation, from a copy read earlier, then published. */
async function pipelineWrites(store: LocalStore, bus: EventBus, investigation: Investigation): Promise<void> {
  await store.apply({ investigations: [investigation] });
  bus.publish(investigation.orgId, { type: 'investigation', investigation });
}

describe('InvestigationRecords', () => {
  let dir: string;
  let store: LocalStore;
  let bus: EventBus;
  let records: InvestigationRecords;
  const queued = queuedInvestigation({ alertIds: ['alert_1'] });
  const read = async () => (await store.getInvestigation(queued.orgId, queued.id)) as Investigation;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'opsworker-records-'));
    store = new LocalStore(dir);
    bus = new EventBus();
    records = new InvestigationRecords({ store, bus });
    await store.apply({ investigations: [queued] });
  });
  afterEach(() => {
    records.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes its fields over the stored copy and publishes the result', async () => {
    const seen: Investigation[] = [];
    bus.subscribe(queued.orgId, (event) => event.type === 'investigation' && seen.push(event.investigation));
    await records.update(queued.orgId, queued.id, {
      status: 'running',
      startedAt: '2026-11-24T05:00:00.000Z',
    });
    expect(await read()).toMatchObject({ status: 'running', alertIds: ['alert_1'], title: queued.title });
    expect(seen.map((i) => i.status)).toEqual(['running']);
  });

  describe('when the pipeline stores a copy it read before the worker finished', () => {
    // Regression: an alert attached during the investigation wrote back status "running" over "completed".
    it('puts the report back and keeps the alert the pipeline attached', async () => {
      const stale = await read();
      await records.update(queued.orgId, queued.id, { status: 'completed', outcome: 'no_problem_found' });
      await pipelineWrites(store, bus, { ...stale, alertIds: ['alert_1', 'alert_2'] });
      await records.idle();
      expect(await read()).toMatchObject({
        status: 'completed',
        outcome: 'no_problem_found',
        alertIds: ['alert_1', 'alert_2'],
      });
    });
  });

  describe('when the worker writes from a copy read before the pipeline attached an alert', () => {
    it('keeps the attached alert', async () => {
      await pipelineWrites(store, bus, { ...queued, alertIds: ['alert_1', 'alert_3'] });
      await records.update(queued.orgId, queued.id, { status: 'running' });
      // The worker's copy was the older one: its write lands last.
      await store.apply({ investigations: [{ ...queued, status: 'running' }] });
      bus.publish(queued.orgId, { type: 'investigation', investigation: { ...queued, status: 'running' } });
      await records.idle();
      expect((await read()).alertIds).toEqual(['alert_1', 'alert_3']);
    });
  });

  it('clears a field set to undefined', async () => {
    await records.update(queued.orgId, queued.id, { error: 'earlier failure' });
    await records.update(queued.orgId, queued.id, { error: undefined, status: 'running' });
    expect((await read()).error).toBeUndefined();
  });
});

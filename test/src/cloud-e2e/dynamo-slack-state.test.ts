import { DynamoSlackState } from '@opsworker/chatbot/lambda/dynamo-slack-state.ts';
import type { InvestigationMessageRecord } from '@opsworker/chatbot/state/slack-state.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalAws, startLocalAws } from '../support/local-aws.ts';

const record = (id: string, extra: Partial<InvestigationMessageRecord> = {}): InvestigationMessageRecord => ({
  investigationId: id,
  channel: 'C0INCIDENTS',
  rendered: { text: 'queued', blocks: [] },
  version: 1,
  deliveredVersion: 0,
  touchedAt: '2026-11-24T10:00:00.000Z',
  ...extra,
});

/** The Slack functions' shared state on dynalite: what two containers changing it at once must not lose. */
describe('DynamoSlackState', () => {
  let aws: LocalAws;
  let table: string;
  const state = (orgId = 'acme') => new DynamoSlackState({ client: aws.dynamodb, tableName: table, orgId });

  beforeAll(async () => {
    aws = await startLocalAws();
    table = await aws.createTable();
  });
  afterAll(async () => {
    await aws?.close();
  });

  it('loses no change when many writers change one message at once', async () => {
    const a = state();
    const b = state();
    await a.updateMessage('inv-1', () => record('inv-1'));
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? a : b).updateMessage(
          'inv-1',
          (current) => current && { ...current, version: current.version + 1 },
        ),
      ),
    );
    expect((await a.getMessage('inv-1'))?.version).toBe(11);
  });

  it('finds an investigation by its message or by the thread it replied in, in any container', async () => {
    await state().updateMessage('inv-2', () => record('inv-2', { ts: '111.1', threadTs: '100.0' }));
    expect(await state().findByThread('C0INCIDENTS', '111.1')).toBe('inv-2');
    expect(await state().findByThread('C0INCIDENTS', '100.0')).toBe('inv-2');
    expect(await state().findByThread('C0OTHER', '111.1')).toBeUndefined();
  });

  it('keeps the outbox whole under concurrent changes, and returns what each change returned', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        state().mutateOutbox((items) => {
          items.push({
            id: `item-${i}`,
            work: { kind: 'investigation_message', investigationId: `inv-${i}` },
            attempts: 0,
            nextAttemptAt: 0,
            createdAt: '2026-11-24T10:00:00.000Z',
          });
          return `item-${i}`;
        }),
      ),
    );
    expect(results.sort()).toEqual(Array.from({ length: 8 }, (_, i) => `item-${i}`).sort());
    expect((await state().outbox()).map((item) => item.id).sort()).toEqual(results);
  });

  it("keeps organizations apart: another organization's state sees none of it", async () => {
    expect(await state('globex').getMessage('inv-1')).toBeUndefined();
    expect(await state('globex').outbox()).toEqual([]);
    expect(await state('globex').findByThread('C0INCIDENTS', '111.1')).toBeUndefined();
  });

  it('remembers the digest day and delivered messages', async () => {
    await state().setDigestSentDay('acme', '2026-11-24');
    await state().putDelivered('item-1', { channel: 'C0INCIDENTS', ts: '123.4' });
    expect(await state().getDigestSentDay('acme')).toBe('2026-11-24');
    expect(await state().getDelivered('item-1')).toEqual({ channel: 'C0INCIDENTS', ts: '123.4' });
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LowdbSlackState } from './lowdb-slack-state.ts';
import type { InvestigationMessageRecord } from './slack-state.ts';

const record = (
  investigationId: string,
  where: { channel: string; ts?: string; threadTs?: string },
  touchedAt = new Date().toISOString(),
): InvestigationMessageRecord => ({
  investigationId,
  ...where,
  rendered: { text: investigationId, blocks: [] },
  version: 1,
  deliveredVersion: 1,
  touchedAt,
});

describe('LowdbSlackState.findByThread', () => {
  const dirs: string[] = [];
  const open = (dir?: string) => {
    const dataDir = dir ?? mkdtempSync(join(tmpdir(), 'opsworker-slack-state-'));
    if (!dir) dirs.push(dataDir);
    return { dataDir, state: new LowdbSlackState(dataDir) };
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("finds an investigation by its message's ts, after a restart (a fresh instance on the same files)", async () => {
    const { dataDir, state } = open();
    await state.updateMessage('inv_alert', () => record('inv_alert', { channel: 'C1', ts: '100.1' }));
    const reopened = open(dataDir).state;
    expect(await reopened.findByThread('C1', '100.1')).toBe('inv_alert');
    // Thread ts are per channel: the same ts elsewhere is another message.
    expect(await reopened.findByThread('C2', '100.1')).toBeUndefined();
    expect(await reopened.findByThread('C1', '999.9')).toBeUndefined();
  });

  it('finds one posted as a reply in a thread (a mention) by that thread', async () => {
    const { state } = open();
    await state.updateMessage('inv_mention', () =>
      record('inv_mention', { channel: 'C1', ts: '200.2', threadTs: '200.1' }),
    );
    expect(await state.findByThread('C1', '200.1')).toBe('inv_mention');
  });

  it("prefers the thread's own investigation over a re-run replying in it", async () => {
    const { state } = open();
    await state.updateMessage('inv_original', () => record('inv_original', { channel: 'C1', ts: '300.1' }));
    await state.updateMessage('inv_rerun', () =>
      record('inv_rerun', { channel: 'C1', ts: '300.5', threadTs: '300.1' }),
    );
    expect(await state.findByThread('C1', '300.1')).toBe('inv_original');
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SlackDelivery } from '@opsworker/chatbot/slack-client/slack-delivery.ts';
import { createDeliveryClient } from '@opsworker/chatbot/slack-client/web-client.ts';
import { LowdbSlackState } from '@opsworker/chatbot/state/lowdb-slack-state.ts';
import type { Investigation } from '@opsworker/shared';
import type { FakeSlack } from './fake-slack-server.ts';

/** A fresh data dir for the Slack state, removed by `remove`. */
export function tempDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'opsworker-slack-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A delivery loop on the lowdb state in `dataDir`, against the fake, with short backoffs. */
export function deliveryFor(slack: FakeSlack, dataDir: string, log: string[] = []) {
  const state = new LowdbSlackState(dataDir);
  const delivery = new SlackDelivery({
    state,
    client: createDeliveryClient({ token: slack.botToken, apiUrl: slack.apiUrl }),
    backoff: { baseMs: 50, maxMs: 200 },
    log: (line) => log.push(line),
  });
  return { state, delivery };
}

/** An investigation record as the API returns it, created now. */
export function investigationRecord(overrides: Partial<Investigation> = {}): Investigation {
  const now = new Date().toISOString();
  return {
    id: 'inv_test_1',
    orgId: 'org_default',
    status: 'queued',
    title: 'KubePodCrashLooping',
    severity: 'critical',
    scope: { cluster: 'prod', namespace: 'shop', kind: 'deployments', name: 'checkout' },
    trigger: { type: 'alert', alertId: 'alert_1', fingerprint: 'fp1', source: 'alertmanager' },
    alertIds: ['alert_1'],
    groupKey: 'prod/shop/deployments/checkout',
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

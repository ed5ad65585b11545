import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NormalizedAlert } from '@opsworker/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../events/event-bus.ts';
import { TimelineSequencer } from '../investigations/timeline-sequencer.ts';
import { createOpsWorkerMetrics } from '../metrics/opsworker-metrics.ts';
import { normalizeAlertmanager } from '../normalize/alertmanager.ts';
import { RuleBook } from '../org-rules/rule-book.ts';
import { createOrganization } from '../orgs/organizations.ts';
import { InProcessQueue } from '../queue/in-process-queue.ts';
import type { InvestigationJob } from '../queue/queue.ts';
import { FileBlobStore } from '../store/local/file-blob-store.ts';
import { LocalStore } from '../store/local/local-store.ts';
import type { StoreChanges } from '../store/store.ts';
import { AlertPipeline, type AlertPipelineDeps } from './alert-pipeline.ts';
import { BatchApplier } from './batch-applier.ts';
import { IngestJournal } from './ingest-journal.ts';

function alert(overrides: Partial<NormalizedAlert> & { fingerprint: string }): NormalizedAlert {
  return {
    source: 'alertmanager',
    status: 'firing',
    severity: 'warning',
    title: 'KubePodCrashLooping',
    description: '',
    labels: { alertname: 'KubePodCrashLooping', severity: 'warning' },
    annotations: {},
    startsAt: '2026-11-24T05:00:00Z',
    links: [],
    scope: { cluster: 'prod', namespace: 'shop', kind: 'pods', name: 'checkout-7d9f8b6c5d-x2x9k' },
    ...overrides,
  };
}

describe('AlertPipeline', () => {
  let dir: string;
  let store: LocalStore;
  let queue: InProcessQueue<InvestigationJob>;
  let pipeline: AlertPipeline;

  function build(options: Pick<AlertPipelineDeps, 'wait' | 'log'> = {}): AlertPipeline {
    store = new LocalStore(dir);
    queue = new InProcessQueue<InvestigationJob>();
    return new AlertPipeline({
      store,
      blobs: new FileBlobStore(dir),
      journal: new IngestJournal(join(dir, 'journal')),
      rules: new RuleBook(store),
      queue,
      bus: new EventBus(),
      metrics: createOpsWorkerMetrics(),
      groupWindowMs: 30 * 60_000,
      sequencer: new TimelineSequencer(store),
      ...options,
    });
  }

  async function send(...alerts: NormalizedAlert[]) {
    const receipt = await pipeline.accept('default', 'alertmanager', alerts);
    await pipeline.idle();
    return receipt;
  }

  const investigations = async () => (await store.listInvestigations('default', { limit: 500 })).items;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pipeline-'));
    pipeline = build();
    await createOrganization({ store, rules: new RuleBook(store) }, { id: 'default' });
    await pipeline.start();
  });
  afterEach(async () => {
    await pipeline.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens one queued investigation for a firing warning and puts it on the queue', async () => {
    await send(alert({ fingerprint: 'a' }));
    const [investigation] = await investigations();
    expect(investigation).toMatchObject({
      status: 'queued',
      title: 'KubePodCrashLooping',
      severity: 'warning',
    });
    expect(queue.size).toBe(1);
    const timeline = await store.listTimeline('default', investigation!.id);
    expect(timeline.map((event) => event.type)).toEqual(['created']);
  });

  describe('when the same alert keeps firing', () => {
    it('counts it on the stored alert and opens nothing new', async () => {
      await send(alert({ fingerprint: 'a' }));
      await send(alert({ fingerprint: 'a' }));
      await send(alert({ fingerprint: 'a', description: 'newer text' }));
      const stored = await store.getAlertByFingerprint('default', 'a');
      expect(stored).toMatchObject({ receivedCount: 3, description: 'newer text', status: 'firing' });
      expect(await investigations()).toHaveLength(1);
    });

    it('counts repeats within one batch, in order, around alerts it has not seen and a resolution', async () => {
      const deliveries = [
        [alert({ fingerprint: 'a' })],
        [alert({ fingerprint: 'a', description: 'second' })],
        [
          alert({ fingerprint: 'a' }),
          alert({ fingerprint: 'b' }),
          alert({ fingerprint: 'a', description: 'third' }),
        ],
        [alert({ fingerprint: 'b', status: 'resolved' }), alert({ fingerprint: 'b' })],
      ];
      // Accepted together: applied as one batch, each repeat counted on the batch's own copy.
      const receipts = await Promise.all(
        deliveries.map((alerts) => pipeline.accept('default', 'alertmanager', alerts)),
      );
      await pipeline.idle();
      expect(await store.getAlertByFingerprint('default', 'a')).toMatchObject({
        receivedCount: 4,
        description: 'third',
        status: 'firing',
        lastReceipt: receipts[2]!.receipt,
      });
      // Resolved, then firing again in the same delivery: counted, and decided on again.
      expect(await store.getAlertByFingerprint('default', 'b')).toMatchObject({
        receivedCount: 3,
        status: 'firing',
        lastReceipt: receipts[3]!.receipt,
      });
      // Both about the same pod: one investigation, which b's resolution did not end while a fires.
      const [only, ...others] = await investigations();
      expect(others).toEqual([]);
      expect(only!.alertIds).toHaveLength(2);
      expect(only!.resolvedAt).toBeUndefined();
    });
  });

  it('keeps every delivery as it was received, one payload file per batch', async () => {
    const bodies = ['{"alerts":[{"labels":{"a":"1"}}]}', '{"alerts": [ {"labels": {"a": "2"}} ]}'];
    const receivedAt = new Date('2026-11-24T06:00:00.000Z');
    const receipts = await Promise.all(
      bodies.map((body, i) =>
        pipeline.accept('default', 'alertmanager', [alert({ fingerprint: `p${i}` })], body, receivedAt),
      ),
    );
    await pipeline.idle();
    const key = `payloads/${receipts[0]!.receipt}-${receipts[1]!.receipt}.jsonl`;
    const archived = (await new FileBlobStore(dir).get('default', key))?.toString('utf8') ?? '';
    // The bodies byte for byte, spacing included, beside the receipt the sender was given.
    expect(archived).toBe(
      receipts
        .map(
          ({ receipt }, i) =>
            `{"seq":${receipt},"orgId":"default","source":"alertmanager","receivedAt":"${receivedAt.toISOString()}","raw":${bodies[i]}}\n`,
        )
        .join(''),
    );
  });

  describe('when deliveries come faster than one batch per gather pause', () => {
    it('applies the full batches waiting back to back, pausing only to gather a partial one', async () => {
      await pipeline.stop();
      const pauses: number[] = [];
      pipeline = build({ wait: async (ms) => void pauses.push(ms) });
      await pipeline.start();
      // Accepted in one turn: 4,800 deliveries wait when the first batch (of 2,000) is applied.
      const storm = Array.from({ length: 4_800 }, () =>
        pipeline.accept('default', 'alertmanager', [alert({ fingerprint: 'a' })]),
      );
      await Promise.all(storm);
      await pipeline.idle();
      expect(await store.getAlertByFingerprint('default', 'a')).toMatchObject({ receivedCount: 4_800 });
      // 2,000 and 2,000 at once; only the last 800 waited to gather more.
      expect(pauses).toEqual([50]);
    });
  });

  describe('when a storm hits one deployment', () => {
    it('groups every alert about its pods and the deployment into one investigation', async () => {
      const pods = Array.from({ length: 50 }, (_, n) =>
        alert({
          fingerprint: `pod-${n}`,
          scope: {
            cluster: 'prod',
            namespace: 'shop',
            kind: 'pods',
            name: `checkout-7d9f8b6c5d-p${String(n).padStart(4, '0')}`,
          },
        }),
      );
      const deployment = alert({
        fingerprint: 'dep',
        title: 'KubeDeploymentReplicasMismatch',
        scope: { cluster: 'prod', namespace: 'shop', kind: 'deployments', name: 'checkout' },
      });
      await Promise.all([send(...pods.slice(0, 25)), send(deployment), send(...pods.slice(25))]);
      const all = await investigations();
      expect(all).toHaveLength(1);
      expect(new Set(all[0]!.alertIds).size).toBe(51);
      const timeline = await store.listTimeline('default', all[0]!.id);
      expect(timeline.filter((event) => event.type === 'alert_attached')).toHaveLength(50);
      expect(timeline.map((event) => event.seq)).toEqual(timeline.map((_, i) => i + 1));
    });

    it('keeps a different workload in its own investigation', async () => {
      await send(
        alert({ fingerprint: 'a' }),
        alert({
          fingerprint: 'b',
          scope: { namespace: 'shop', kind: 'pods', name: 'payments-5c8d7f9b6a-abcde' },
        }),
      );
      expect(await investigations()).toHaveLength(2);
    });
  });

  describe('when alerts resolve', () => {
    it('resolves the investigation once its last alert resolves', async () => {
      await send(
        alert({ fingerprint: 'a' }),
        alert({
          fingerprint: 'b',
          scope: { namespace: 'shop', kind: 'deployments', name: 'checkout', cluster: 'prod' },
        }),
      );
      await send(alert({ fingerprint: 'a', status: 'resolved', endsAt: '2026-11-24T05:20:00Z' }));
      let [investigation] = await investigations();
      expect(investigation!.resolvedAt).toBeUndefined();
      await send(alert({ fingerprint: 'b', status: 'resolved', endsAt: '2026-11-24T05:25:00Z' }));
      [investigation] = await investigations();
      expect(investigation!.resolvedAt).toBe('2026-11-24T05:25:00Z');
      expect((await store.getAlertByFingerprint('default', 'a'))!.status).toBe('resolved');
      const types = (await store.listTimeline('default', investigation!.id)).map((event) => event.type);
      expect(types).toEqual(['created', 'alert_attached', 'resolved', 'resolved', 'resolved']);
    });

    it('opens a new investigation when a resolved alert fires again later', async () => {
      await send(alert({ fingerprint: 'a' }));
      await send(alert({ fingerprint: 'a', status: 'resolved' }));
      await send(alert({ fingerprint: 'a' }));
      expect(await investigations()).toHaveLength(1);
      // Within the cooldown: the rule notifies instead of opening a second investigation.
      const decisions = await store.listDecisions('default', { limit: 10 });
      expect(decisions[0]!.action).toBe('notify');
      expect(decisions[0]!.reason).toMatch(/cooldown/);
    });
  });

  it.each([
    ['Watchdog', 'none', 'ignore'],
    ['CPUThrottlingHigh', 'info', 'notify'],
    ['KubeNodeNotReady', 'warning', 'investigate'],
  ] as const)('decides %s (severity %s) with the default rules: %s', async (alertname, severity, action) => {
    await send(
      alert({
        fingerprint: alertname,
        title: alertname,
        severity: severity === 'none' ? 'info' : severity,
        labels: { alertname, severity },
        scope: {},
      }),
    );
    const stored = await store.getAlertByFingerprint('default', alertname);
    const [decision] = await store.listDecisions('default', { alertId: stored!.id, limit: 1 });
    expect(decision!.action).toBe(action);
    expect(decision!.reason).not.toBe('');
  });

  describe('when storing a batch fails', () => {
    const receivedAt = new Date('2026-11-24T06:00:00.000Z');
    let pauses: number[];
    let logged: string[];

    /** A delivery as the webhook path accepts it: the body, and the alerts normalized from it. */
    async function deliver(fingerprint: string) {
      const body = JSON.stringify({
        version: '4',
        status: 'firing',
        alerts: [{ labels: { alertname: 'KubePodCrashLooping', pod: `api-${fingerprint}` }, fingerprint }],
      });
      const result = await normalizeAlertmanager(JSON.parse(body), { receivedAt });
      if (result.kind !== 'alerts') throw new Error('expected alerts');
      return pipeline.accept('default', 'alertmanager', result.alerts, body, receivedAt);
    }

    beforeEach(async () => {
      await pipeline.stop();
      pauses = [];
      logged = [];
      pipeline = build({ wait: async (ms) => void pauses.push(ms), log: (message) => logged.push(message) });
      await pipeline.start();
    });

    it('applies the batch again, read back from the journal, and counts every delivery once', async () => {
      vi.spyOn(store, 'apply').mockRejectedValueOnce(new Error('disk full'));
      await Promise.all([deliver('a'), deliver('a'), deliver('b')]);
      await pipeline.idle();
      expect(await store.getAlertByFingerprint('default', 'alertmanager:a')).toMatchObject({
        receivedCount: 2,
        firstSeenAt: receivedAt.toISOString(),
        scope: { kind: 'pods', name: 'api-a' },
      });
      expect(await store.getAlertByFingerprint('default', 'alertmanager:b')).toMatchObject({
        receivedCount: 1,
      });
      expect(logged).toEqual(['applying 3 accepted deliveries failed (attempt 1)']);
      expect(pauses).toEqual([100]);
      expect(existsSync(join(dir, 'journal', 'dead-letter.jsonl'))).toBe(false);
    });

    it('sets aside the one delivery that keeps failing, and applies the others in order', async () => {
      const failsOn = (changes: StoreChanges) =>
        changes.alerts?.some((alert) => alert.fingerprint === 'alertmanager:bad') ?? false;
      const apply = store.apply.bind(store);
      vi.spyOn(store, 'apply').mockImplementation((changes) =>
        failsOn(changes) ? Promise.reject(new Error('cannot store it')) : apply(changes),
      );
      const receipts = await Promise.all([deliver('first'), deliver('bad'), deliver('last')]);
      await pipeline.idle();

      expect(await store.getAlertByFingerprint('default', 'alertmanager:first')).toMatchObject({
        receivedCount: 1,
      });
      expect(await store.getAlertByFingerprint('default', 'alertmanager:last')).toMatchObject({
        receivedCount: 1,
      });
      expect(await store.getAlertByFingerprint('default', 'alertmanager:bad')).toBeUndefined();
      const deadLetters = readFileSync(join(dir, 'journal', 'dead-letter.jsonl'), 'utf8')
        .trim()
        .split('\n');
      expect(deadLetters.map((line) => JSON.parse(line))).toEqual([
        expect.objectContaining({
          seq: receipts[1]!.receipt,
          raw: expect.objectContaining({ alerts: [expect.objectContaining({ fingerprint: 'bad' })] }),
          error: 'cannot store it',
        }),
      ]);
      // Nothing is replayed after a restart: the checkpoint covers the delivery set aside.
      await pipeline.stop();
      expect(new IngestJournal(join(dir, 'journal')).open()).toEqual([]);
      pipeline = build();
      await pipeline.start();
    });
  });

  describe('after a crash between accepting and applying', () => {
    /** Stops, lets the test write the journal as a crashed process left it, and starts again. */
    async function restartWithJournal(write: (journal: IngestJournal) => Promise<unknown>) {
      await pipeline.stop();
      const journal = new IngestJournal(join(dir, 'journal'));
      journal.open();
      await write(journal);
      journal.close();
      pipeline = build();
      await pipeline.start();
      await pipeline.idle();
    }

    it('applies what the journal accepted when it starts again', async () => {
      // As if the process died right after answering 202: the entry is only in the journal.
      await restartWithJournal((journal) =>
        journal.append({
          orgId: 'default',
          source: 'alertmanager',
          receivedAt: new Date().toISOString(),
          alerts: [alert({ fingerprint: 'x' })],
        }),
      );
      expect(await store.getAlertByFingerprint('default', 'x')).toMatchObject({ receivedCount: 1 });
      expect(await investigations()).toHaveLength(1);
    });

    it('normalizes a delivery journaled as its body alone again, at the time it was received', async () => {
      const receivedAt = '2026-11-24T06:00:00.000Z';
      const body = JSON.stringify({
        version: '4',
        status: 'firing',
        alerts: [
          {
            status: 'firing',
            labels: {
              alertname: 'KubePodCrashLooping',
              severity: 'warning',
              namespace: 'shop',
              pod: 'api-1',
            },
            annotations: {},
            startsAt: '2026-11-24T05:59:00Z',
            endsAt: '0001-01-01T00:00:00Z',
            fingerprint: 'f1',
          },
        ],
      });
      await restartWithJournal((journal) =>
        journal.append({ orgId: 'default', source: 'alertmanager', receivedAt, alerts: [] }, body),
      );
      expect(await store.getAlertByFingerprint('default', 'alertmanager:f1')).toMatchObject({
        receivedCount: 1,
        firstSeenAt: receivedAt,
        startsAt: '2026-11-24T05:59:00.000Z',
        scope: { namespace: 'shop', kind: 'pods', name: 'api-1' },
      });
      expect(await investigations()).toHaveLength(1);
    });

    it('sets aside a journaled body that can no longer be normalized, and applies the rest', async () => {
      const receivedAt = new Date().toISOString();
      await restartWithJournal(async (journal) => {
        await journal.append(
          { orgId: 'default', source: 'alertmanager', receivedAt, alerts: [] },
          '{"alerts":7}',
        );
        await journal.append({
          orgId: 'default',
          source: 'alertmanager',
          receivedAt,
          alerts: [alert({ fingerprint: 'z' })],
        });
      });
      expect(await store.getAlertByFingerprint('default', 'z')).toMatchObject({ receivedCount: 1 });
      const deadLetters = readFileSync(join(dir, 'journal', 'dead-letter.jsonl'), 'utf8')
        .trim()
        .split('\n');
      expect(deadLetters.map((line) => JSON.parse(line))).toEqual([
        expect.objectContaining({
          seq: 1,
          raw: { alerts: 7 },
          error: expect.stringContaining('alertmanager payload'),
        }),
      ]);
    });

    it('applying an entry again after a half-written batch leaves one copy of everything', async () => {
      const entry = {
        seq: 99,
        orgId: 'default',
        source: 'alertmanager' as const,
        receivedAt: new Date().toISOString(),
        alerts: [alert({ fingerprint: 'y' })],
      };
      const deps = {
        store,
        rules: new RuleBook(store),
        groupWindowMs: 30 * 60_000,
        sequencer: new TimelineSequencer(store),
      };
      const first = new BatchApplier(deps);
      await first.apply(entry);
      const { investigations: opened, timeline } = first.changes();
      await store.apply({ investigations: opened, timeline }); // the alert and decision never made it
      const second = new BatchApplier(deps);
      await second.apply(entry);
      await store.apply(second.changes());
      const list = await investigations();
      expect(list).toHaveLength(1);
      expect(list[0]!.alertIds).toHaveLength(1);
      expect(await store.listTimeline('default', list[0]!.id)).toHaveLength(1);
      expect(await store.getAlertByFingerprint('default', 'y')).toMatchObject({
        receivedCount: 1,
        investigationId: list[0]!.id,
      });
    });
  });
});

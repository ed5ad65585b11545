import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Alert } from '@opsworker/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { unparseableDataFiles } from '../support/data-files.ts';
import { listAlerts, listInvestigations } from '../support/opsworker-api.ts';
import { runServerProcessToExit, type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { waitFor } from '../support/wait-for.ts';
import { webhookStorm } from './webhook-storm.ts';

const STORM = { requests: 240, alertsPerRequest: 2, concurrency: 24 };

describe('local server under kill -9', () => {
  const running: ServerProcess[] = [];
  const dataDirs: string[] = [];
  const freshDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'opsworker-kill9-'));
    dataDirs.push(dir);
    return dir;
  };
  const start = async (dataDir: string) => {
    const server = await startServerProcess(dataDir);
    running.push(server);
    return server;
  };

  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.kill9()));
    for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  describe.each([
    { moment: 'just after the first webhooks were acknowledged', killAfterAcks: 3, killOnRestart: false },
    { moment: 'in the middle of a storm', killAfterAcks: 90, killOnRestart: false },
    {
      moment: 'in a storm, and again as soon as the restarted server listens',
      killAfterAcks: 40,
      killOnRestart: true,
    },
  ])('when the server is killed $moment', ({ killAfterAcks, killOnRestart }) => {
    it('keeps every acknowledged alert and its investigation, in files that all parse', async () => {
      const dataDir = freshDataDir();
      const first = await start(dataDir);
      let killed: Promise<void> | undefined;
      const storm = await webhookStorm(first, {
        prefix: 'worker',
        ...STORM,
        onAck: (acks) => {
          if (acks === killAfterAcks) killed = first.kill9();
        },
      });
      await killed;
      expect(storm.acknowledged.length).toBeGreaterThanOrEqual(killAfterAcks * STORM.alertsPerRequest);
      // Requests were still in flight when it died, or the kill came too late to test anything.
      expect(storm.acknowledged.length).toBeLessThan(storm.sent.length);
      expect(unparseableDataFiles(dataDir)).toEqual([]);

      if (killOnRestart) {
        // Whatever was journaled but not applied is being replayed right now.
        await (await start(dataDir)).kill9();
        expect(unparseableDataFiles(dataDir)).toEqual([]);
      }

      const restarted = await start(dataDir);
      const acknowledged = new Set(storm.acknowledged);
      let stored: Alert[] = [];
      await waitFor(
        'every acknowledged alert to be back after the restart',
        async () => {
          stored = await listAlerts(restarted);
          const pods = new Set(stored.map((alert) => alert.labels.pod));
          return [...acknowledged].every((pod) => pods.has(pod));
        },
        { lastSeen: () => ({ stored: stored.length, acknowledged: acknowledged.size }) },
      );

      // Replaying the journal must not count an alert twice: each was sent exactly once.
      expect(stored.filter((alert) => alert.receivedCount !== 1).map((alert) => alert.labels.pod)).toEqual(
        [],
      );
      expect(new Set(stored.map((alert) => alert.fingerprint)).size).toBe(stored.length);

      const investigations = new Map((await listInvestigations(restarted)).map((inv) => [inv.id, inv]));
      const withoutInvestigation = stored
        .filter((alert) => acknowledged.has(alert.labels.pod!))
        .filter(
          (alert) =>
            !alert.investigationId || !investigations.get(alert.investigationId)?.alertIds.includes(alert.id),
        )
        .map((alert) => `${alert.labels.pod} → ${alert.investigationId ?? 'none'}`);
      expect(withoutInvestigation).toEqual([]);
    });
  });

  describe('when a second server is started on a data dir in use', () => {
    it('refuses to start, naming the running server, and leaves the first one serving', async () => {
      const dataDir = freshDataDir();
      const first = await start(dataDir);

      const second = await runServerProcessToExit(dataDir);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(
        `Another OpsWorker server (pid ${first.pid}) is using the data dir ${dataDir}`,
      );
      expect(second.stdout).not.toContain('OpsWorker is listening');

      const health = await fetch(`${first.url}/healthz`);
      expect(health.status).toBe(200);
    });
  });
});

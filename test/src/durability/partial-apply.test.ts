import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { alertmanagerPayload } from '../support/alertmanager-payload.ts';
import { getInvestigation, listAlerts } from '../support/opsworker-api.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('ingest journal replay after a crash inside one store write', () => {
  let dataDir: string;
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.stop();
    server = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('when the investigation reached the disk but the alert did not', () => {
    // Regression: the store writes each collection as its own file. Alerts are written last (an
    // alert's lastReceipt is the replay marker), so a kill -9 between the renames leaves the
    // investigation without its alert; replay must link them, with no second investigation.
    it('links the alert to the investigation it opened, once', async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'opsworker-partial-'));
      server = await startTestServer({ dataDir });
      const labels = {
        alertname: 'KubePodCrashLooping',
        severity: 'warning',
        namespace: 'shop',
        pod: 'api-0-x',
      };
      expect((await server.webhook('alertmanager', alertmanagerPayload([{ labels }]))).status).toBe(202);
      await server.pipeline.idle();
      await server.stop();

      // The state a kill leaves between the renames: the investigation, its timeline and the
      // decision are on disk, the alert is not, and the checkpoint (written last) is not advanced.
      const org = join(dataDir, 'orgs', readdirSync(join(dataDir, 'orgs'))[0]!);
      rmSync(join(org, 'alerts'), { recursive: true, force: true });
      writeFileSync(join(dataDir, 'journal', 'checkpoint.json'), JSON.stringify({ appliedSeq: 0 }));

      server = await startTestServer({ dataDir });
      await server.pipeline.idle();
      const [alert] = await listAlerts(server);
      expect(alert?.investigationId).toBeDefined();
      const investigation = await server.api(`/api/investigations/${alert!.investigationId}`);
      expect(investigation.status).toBe(200);
      expect((await getInvestigation(server, alert!.investigationId!)).alertIds).toEqual([alert!.id]);
      const all = (await (await server.api('/api/investigations')).json()) as { items: { id: string }[] };
      expect(all.items.map((i) => i.id)).toEqual([alert!.investigationId]);
      const timeline = (await (
        await server.api(`/api/investigations/${alert!.investigationId}/timeline`)
      ).json()) as { items: unknown[] };
      expect(timeline.items).toHaveLength(1);
    });
  });
});

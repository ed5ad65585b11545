import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Investigation, TimelineEvent } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeCluster, startFakeCluster } from '../kube/fake-cluster.ts';
import { buildKubeconfig } from '../kube/kubeconfig.ts';
import type { ScenarioManifest } from '../kube/scenario-manifest.ts';
import { freePort } from '../support/free-port.ts';
import { openSse } from '../support/sse-client.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { awaitAlertOutcome, fireScenarioAlert, timelineOf } from './scenario-run.ts';
import { scoreScenario } from './score-scenario.ts';

const SCENARIOS = ['oom-killed', 'readiness-dependency-down', 'control-recovered-pod'];
/** Watched step by step; its own object, so no earlier investigation absorbs its alert. */
const WATCHED = 'crash-loop-panic';

describe('webhook → investigation → report, against the simulated cluster through the real agent', () => {
  let cluster: FakeCluster;
  let server: TestServer;
  const scenario = (name: string) => cluster.scenarios.find((s) => s.name === name) as ScenarioManifest;

  beforeAll(async () => {
    cluster = await startFakeCluster({ scenarios: [...SCENARIOS, WATCHED] });
    server = await startTestServer({
      env: { OPSWORKER_KUBECONFIG: cluster.kubeconfigPath },
      overrides: { runInvestigations: true },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await cluster?.close();
  });

  it.each(SCENARIOS)('%s: the report names the right cause, resource and facts', async (name) => {
    const outcome = await awaitAlertOutcome(server, await fireScenarioAlert(server, scenario(name)));
    const score = scoreScenario(scenario(name), outcome);
    expect(score).toMatchObject({
      categoryOk: true,
      resourceOk: true,
      missingFacts: [],
      invented: false,
      right: true,
    });
    expect(outcome.investigation).toMatchObject({ status: 'completed' });
  });

  describe('when an investigation runs', () => {
    let investigation: Investigation;
    let live: TimelineEvent[];

    beforeAll(async () => {
      // Subscribed before the alert is sent: the desktop sees every step as it happens.
      const sse = await openSse(`${server.url}/api/events`, { authorization: `Bearer ${server.apiToken}` });
      const fingerprint = await fireScenarioAlert(server, scenario(WATCHED));
      live = [];
      for (let count = 1; !live.some((e) => e.type === 'completed'); count++) {
        const message = (await sse.take(count, 10_000)).at(-1);
        if (message?.event === 'timeline') live.push(JSON.parse(message.data) as TimelineEvent);
      }
      sse.close();
      investigation = (await awaitAlertOutcome(server, fingerprint)).investigation as Investigation;
    });

    it('stores its steps in order: started, steps and evidence, findings, the report, completed', async () => {
      const types = (await timelineOf(server, investigation.id)).map((e) => e.type);
      expect(types.slice(0, 3)).toEqual(['created', 'started', 'step']);
      expect(types).toEqual(expect.arrayContaining(['evidence', 'finding', 'report']));
      expect(types.indexOf('finding')).toBeLessThan(types.indexOf('report'));
      expect(types.at(-1)).toBe('completed');
    });

    it('streams each step live, as it is stored', async () => {
      const stored = await timelineOf(server, investigation.id);
      const streamed = live.filter((e) => e.investigationId === investigation.id);
      expect(streamed.map((e) => [e.seq, e.type])).toEqual(stored.map((e) => [e.seq, e.type]));
    });

    it('does not redo it when the same job is delivered again', async () => {
      const before = await timelineOf(server, investigation.id);
      await server.queue.enqueue({ orgId: investigation.orgId, investigationId: investigation.id });
      await server.queue.idle();
      expect(await timelineOf(server, investigation.id)).toEqual(before);
      expect(
        ((await (await server.api(`/api/investigations/${investigation.id}`)).json()) as Investigation)
          .report,
      ).toEqual(investigation.report);
    });
  });
});

describe('when OpsWorker cannot reach a cluster', () => {
  it.each([
    [
      'the kubeconfig points at an API server that is down',
      'unreachable',
      /^OpsWorker could not reach the cluster's Kubernetes API server .*KUBECONFIG/,
    ],
    [
      'there is no kubeconfig',
      'missing',
      /^No Kubernetes cluster to investigate: cannot load the kubeconfig: .*\. Point OpsWorker at a cluster/,
    ],
  ])('fails the investigation cleanly when %s', async (_, kind, message) => {
    const kubeconfig = join(tmpdir(), `opsworker-${kind}-${process.pid}.yaml`);
    if (kind === 'unreachable') {
      const server = `https://127.0.0.1:${await freePort()}`;
      await writeFile(kubeconfig, buildKubeconfig({ clusterName: 'gone', server, caPem: 'x', token: 't' }));
    }
    const server = await startTestServer({
      env: { OPSWORKER_KUBECONFIG: kubeconfig },
      overrides: { runInvestigations: true },
    });
    try {
      const alert = {
        labels: {
          alertname: 'KubePodCrashLooping',
          severity: 'warning',
          namespace: 'shop',
          pod: 'web-7d9f8c6b5-x2x4k',
        },
        annotations: {},
      };
      const fingerprint = await fireScenarioAlert(server, { alert });
      const { investigation } = await awaitAlertOutcome(server, fingerprint);
      expect(investigation).toMatchObject({
        status: 'failed',
        outcome: 'failed',
        error: expect.stringMatching(message),
      });
      const last = (await timelineOf(server, investigation?.id ?? '')).at(-1);
      expect(last).toMatchObject({ type: 'failed', message: investigation?.error });
    } finally {
      await server.stop();
    }
  });
});

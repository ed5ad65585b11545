import { describe, expect, it } from 'vitest';
import { loadScenario } from '../kube/scenario-loader.ts';
import { bundleFromScenario, investigationFromScenario } from './scenario-bundle.ts';

const NOW = new Date('2026-03-02T12:00:00Z');

describe('bundleFromScenario', () => {
  describe('when the alert names a crash-looping pod', () => {
    it('scopes like production and settles on the owning deployment', async () => {
      const { alert, bundle } = await investigationFromScenario('oom-killed', NOW);
      expect(alert.scope).toMatchObject({
        namespace: 'analytics',
        kind: 'pods',
        name: 'report-exporter-w48fhdm6q6-xg55p',
      });
      expect(bundle.target).toEqual({ kind: 'Deployment', namespace: 'analytics', name: 'report-exporter' });
      expect(bundle.collectedAt).toBe(NOW.toISOString());
    });

    it('collects only that namespace, plus the nodes its pods run on', async () => {
      const bundle = await bundleFromScenario('oom-killed', NOW);
      const namespaces = new Set(bundle.objects.map((o) => o.object.metadata?.namespace).filter(Boolean));
      expect([...namespaces]).toEqual(['analytics']);
      expect(
        bundle.objects
          .filter((o) => o.object.kind === 'Node')
          .map((o) => o.object.metadata?.name)
          .sort(),
      ).toEqual(['ip-10-0-2-45.eu-west-1.compute.internal', 'ip-10-0-3-67.eu-west-1.compute.internal']);
    });

    it('resolves relative times against the collection time', async () => {
      const bundle = await bundleFromScenario('oom-killed', NOW);
      const created = bundle.objects.find((o) => o.object.kind === 'ReplicaSet')?.object.metadata
        ?.creationTimestamp;
      expect(created).toBe('2026-03-02T11:22:00Z');
    });
  });

  describe('when evidence is recorded', () => {
    it.each(['bad-rollout', 'node-not-ready', 'noise-apps'])(
      'points every object, event and log of %s at a record',
      async (name) => {
        const bundle = await bundleFromScenario(name, NOW);
        const ids = new Set(bundle.evidence.map((e) => e.id));
        for (const item of [...bundle.objects, ...bundle.events, ...bundle.logs])
          expect(ids.has(item.evidenceId)).toBe(true);
      },
    );

    it('records what does not exist as a failed operation, as the agent answers', async () => {
      const bundle = await bundleFromScenario('dns-resolution', NOW);
      expect(bundle.evidence.find((e) => e.title === 'Service payments/payments-gatway')).toMatchObject({
        ok: false,
        error: expect.stringContaining('not found'),
      });
    });
  });

  describe('when the workload depends on a Service', () => {
    it("follows it to the workload behind it and reads that workload's logs", async () => {
      const bundle = await bundleFromScenario('readiness-dependency-down', NOW);
      expect(bundle.logs.some((l) => l.pod === 'cart-db-0' && l.previous)).toBe(true);
    });
  });

  describe('when scenarios plant secrets', () => {
    it.each(['crash-loop-dependency', 'bad-rollout', 'job-backoff-limit', 'crash-loop-missing-env'])(
      '%s: none reaches the bundle',
      async (name) => {
        const [bundle, scenario] = await Promise.all([bundleFromScenario(name, NOW), loadScenario(name)]);
        const text = JSON.stringify(bundle);
        for (const secret of scenario.manifest.plantedSecrets ?? []) expect(text).not.toContain(secret);
      },
    );
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS } from './corpus/index.ts';
import { RESOURCE_TYPES, typeForObject } from './resource-types.ts';
import { type LoadedScenario, listScenarioNames, loadBaseCluster, loadScenario } from './scenario-loader.ts';
import { SCENARIO_CATEGORIES } from './scenario-manifest.ts';
import type { KubeObject } from './types.ts';

let scenarios: LoadedScenario[];
let base: KubeObject[];

beforeAll(async () => {
  scenarios = await Promise.all((await listScenarioNames()).map((name) => loadScenario(name)));
  base = await loadBaseCluster();
});

const keyOf = (o: { kind?: string; namespace?: string; name?: string }) =>
  `${o.kind}/${o.namespace ?? ''}/${o.name}`;
const objectKey = (o: KubeObject) =>
  keyOf({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name });

/** Finds an object of `kind` by name, in the scenario or the base cluster. */
function indexOf(scenario: LoadedScenario): Map<string, KubeObject> {
  return new Map([...base, ...scenario.objects].map((o) => [objectKey(o), o]));
}

describe('the scenario corpus', () => {
  describe('when counted', () => {
    it('has at least 24 failures, 4 healthy controls and some noise', () => {
      const count = (kind: string) => scenarios.filter((s) => s.manifest.kind === kind).length;
      expect(count('failure')).toBeGreaterThanOrEqual(24);
      expect(count('healthy-control')).toBeGreaterThanOrEqual(4);
      expect(count('noise')).toBeGreaterThanOrEqual(1);
    });

    it('covers every root-cause category of the vocabulary', () => {
      const used = new Set(scenarios.map((s) => s.manifest.expected.category));
      expect([...SCENARIO_CATEGORIES].filter((c) => !used.has(c))).toEqual([]);
    });

    it('expects no_problem_found exactly for controls and noise', () => {
      for (const { manifest } of scenarios) {
        expect(manifest.expected.category === 'no_problem_found', manifest.name).toBe(
          manifest.kind !== 'failure',
        );
      }
    });
  });

  describe('when each scenario is checked', () => {
    it('holds only objects the fake serves, with names and the right scope', () => {
      for (const scenario of scenarios) {
        for (const object of scenario.objects) {
          const type = typeForObject(object.apiVersion, object.kind);
          const where = `${scenario.manifest.name}: ${objectKey(object)}`;
          expect(type, where).toBeDefined();
          expect(object.metadata.name, where).toMatch(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/);
          expect(Boolean(object.metadata.namespace), where).toBe(type?.namespaced);
        }
      }
    });

    it('has owner references that resolve to an object with the same uid', () => {
      for (const scenario of scenarios) {
        const index = indexOf(scenario);
        for (const object of scenario.objects) {
          for (const owner of object.metadata.ownerReferences ?? []) {
            const found = index.get(
              keyOf({ kind: owner.kind, namespace: object.metadata.namespace, name: owner.name }),
            );
            expect(found?.metadata.uid, `${scenario.manifest.name}: owner of ${objectKey(object)}`).toBe(
              owner.uid,
            );
          }
        }
      }
    });

    it('has events about objects that exist, with matching uids', () => {
      for (const scenario of scenarios) {
        const index = indexOf(scenario);
        for (const event of scenario.objects.filter((o) => o.kind === 'Event')) {
          const subject = event.involvedObject as {
            kind: string;
            namespace?: string;
            name: string;
            uid: string;
          };
          expect(
            index.get(keyOf(subject))?.metadata.uid,
            `${scenario.manifest.name}: ${event.metadata.name}`,
          ).toBe(subject.uid);
        }
      }
    });

    it('names an expected resource that exists in the scenario', () => {
      const kinds = new Map(RESOURCE_TYPES.map((t) => [t.singular, t.kind]));
      for (const { manifest, objects } of scenarios) {
        if (!manifest.expected.resource) continue;
        const [singular = '', name] = manifest.expected.resource.split('/');
        const found = objects.some((o) => o.kind === kinds.get(singular) && o.metadata.name === name);
        expect(found, `${manifest.name}: ${manifest.expected.resource}`).toBe(true);
      }
    });

    it('fires an alert whose labels point at objects that exist', () => {
      const labelKinds: Record<string, string> = {
        pod: 'Pod',
        deployment: 'Deployment',
        statefulset: 'StatefulSet',
        job_name: 'Job',
        horizontalpodautoscaler: 'HorizontalPodAutoscaler',
        service: 'Service',
        resourcequota: 'ResourceQuota',
      };
      for (const scenario of scenarios) {
        const { labels } = scenario.manifest.alert;
        const index = indexOf(scenario);
        for (const [label, kind] of Object.entries(labelKinds)) {
          const name = labels[label];
          if (!name || (label === 'service' && labels.job === 'kube-state-metrics')) continue;
          expect(
            index.has(keyOf({ kind, namespace: labels.namespace, name })),
            `${scenario.manifest.name}: ${label}=${name}`,
          ).toBe(true);
        }
        if (labels.node)
          expect(index.has(keyOf({ kind: 'Node', name: labels.node })), scenario.manifest.name).toBe(true);
      }
    });

    it('plants each listed secret literally in its objects or logs', () => {
      for (const { manifest, objects, logs } of scenarios) {
        const haystack = JSON.stringify(objects) + logs.map((l) => l.text).join('\n');
        for (const secret of manifest.plantedSecrets ?? []) expect(haystack, manifest.name).toContain(secret);
      }
      expect(scenarios.flatMap((s) => s.manifest.plantedSecrets ?? []).length).toBeGreaterThanOrEqual(4);
    });

    it('has logs only for containers its pods declare', () => {
      for (const { manifest, objects, logs } of scenarios) {
        for (const log of logs) {
          const pod = objects.find((o) => o.kind === 'Pod' && o.metadata.name === log.pod);
          const spec = pod?.spec as { containers: { name: string }[]; initContainers?: { name: string }[] };
          const containers = [...(spec.initContainers ?? []), ...spec.containers].map((c) => c.name);
          expect(containers, `${manifest.name}: ${log.pod}`).toContain(log.container);
        }
      }
    });
  });

  describe('when all scenarios share one cluster', () => {
    it('has no two scenarios (or the base) defining the same object', () => {
      const seen = new Map<string, string>(base.map((o) => [objectKey(o), '_cluster']));
      const clashes: string[] = [];
      for (const scenario of scenarios) {
        for (const object of scenario.objects) {
          const previous = seen.get(objectKey(object));
          if (previous) clashes.push(`${objectKey(object)} in ${previous} and ${scenario.manifest.name}`);
          seen.set(objectKey(object), scenario.manifest.name);
        }
      }
      expect(clashes).toEqual([]);
    });
  });

  describe('when compared with its generator', () => {
    // The JSON is generated from ./corpus; an edit to one without the other is caught here.
    it('matches what generate-corpus.ts writes (run it after changing ./corpus)', () => {
      const loaded = new Map(scenarios.map((s) => [s.manifest.name, s]));
      expect(CORPUS.length).toBe(scenarios.length);
      for (const define of CORPUS) {
        const files = define();
        const scenario = loaded.get(files.manifest.name);
        expect(scenario, files.manifest.name).toBeDefined();
        expect(scenario?.manifest).toEqual(files.manifest);
        const withoutMetrics = scenario?.objects.filter((o) => !o.apiVersion.startsWith('metrics.k8s.io'));
        expect(withoutMetrics).toEqual(files.objects);
        const logs = (s: { pod: string; container: string; previous?: boolean; text: string }[]) =>
          s.map((l) => `${l.pod}/${l.container}/${Boolean(l.previous)}/${l.text}`).sort();
        expect(logs(scenario?.logs ?? [])).toEqual(logs(files.logs));
      }
    });
  });
});

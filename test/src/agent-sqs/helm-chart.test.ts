import { readFileSync } from 'node:fs';
import { AGENT_ENVIRONMENT_VARIABLES } from '@opsworker/agent/config.ts';
import type { KubeReader } from '@opsworker/agent/kube/kube-reader.ts';
import { type ReadableResource, resourceInfo } from '@opsworker/agent/kube/resources.ts';
import { CLUSTER_SCOPED_KINDS, RESOURCE_KINDS, type ResourceKind } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AGENT_DIR,
  type PolicyRule,
  readChartFile,
  readRbacRules,
  readTemplateSkeleton,
  readValues,
} from './chart-files.ts';

/** Resources the agent reads beyond the shared kinds: rollout history of statefulsets/daemonsets. */
const EXTRA_READABLE = ['controllerrevisions'] as const satisfies readonly ReadableResource[];
// Fails to type-check when the agent learns to read a resource this test does not list.
type Unlisted = Exclude<ReadableResource, ResourceKind | (typeof EXTRA_READABLE)[number]>;
const everyReadableListed: [Unlisted] extends [never] ? true : never = true;

interface Grant {
  group: string;
  resource: string;
  verbs: string[];
  clusterScoped: boolean;
}

const READ = ['get', 'list', 'watch'];

/**
 * What each way the agent has into a cluster needs. Operations reach the cluster only through
 * KubeReader, so covering its methods covers every operation (a new method fails to compile here).
 */
const GRANTS_BY_READER_METHOD: Record<keyof KubeReader, Grant[]> = {
  get: readableGrants(),
  list: readableGrants(),
  podLogs: [{ group: '', resource: 'pods/log', verbs: ['get'], clusterScoped: false }],
  // /version is open to every authenticated user (system:public-info-viewer): no rule needed.
  version: [],
  podMetrics: [{ group: 'metrics.k8s.io', resource: 'pods', verbs: ['get', 'list'], clusterScoped: false }],
  nodeMetrics: [{ group: 'metrics.k8s.io', resource: 'nodes', verbs: ['get', 'list'], clusterScoped: true }],
};

function readableGrants(): Grant[] {
  return [...RESOURCE_KINDS, ...EXTRA_READABLE].map((resource) => {
    const info = resourceInfo(resource);
    return { group: info.group, resource, verbs: READ, clusterScoped: !info.namespaced };
  });
}

function flatten(rules: PolicyRule[], clusterScoped: boolean): Grant[] {
  return rules.flatMap((rule) =>
    rule.apiGroups.flatMap((group) =>
      rule.resources.map((resource) => ({ group, resource, verbs: [...rule.verbs].sort(), clusterScoped })),
    ),
  );
}

const key = (grant: Grant) =>
  `${grant.group || 'core'}/${grant.resource} [${[...grant.verbs].sort().join(',')}]${grant.clusterScoped ? ' cluster' : ''}`;

describe('the agent Helm chart', () => {
  const rules = readRbacRules();
  const granted = [...flatten(rules.namespaced, false), ...flatten(rules.clusterScoped, true)];

  describe('when its RBAC rules are compared with what the agent reads', () => {
    it('grants every resource in its API group with the verbs the agent uses, and nothing else', () => {
      expect(everyReadableListed).toBe(true);
      const needed = new Map(
        Object.values(GRANTS_BY_READER_METHOD)
          .flat()
          .map((grant) => [key(grant), grant]),
      );
      expect(granted.map(key).sort()).toEqual([...needed.keys()].sort());
    });

    it('puts each resource in the list that matches its scope', () => {
      for (const grant of granted.filter((g) => RESOURCE_KINDS.includes(g.resource as ResourceKind))) {
        expect(grant.clusterScoped, grant.resource).toBe(
          CLUSTER_SCOPED_KINDS.has(grant.resource as ResourceKind),
        );
      }
    });

    it.each([
      {
        what: 'verbs beyond get, list and watch',
        bad: (r: PolicyRule) => r.verbs.some((v) => !READ.includes(v)),
      },
      {
        what: 'secrets',
        bad: (r: PolicyRule) => r.resources.some((x) => x === 'secrets' || x.startsWith('secrets/')),
      },
      {
        what: 'wildcards',
        bad: (r: PolicyRule) => [...r.apiGroups, ...r.resources, ...r.verbs].some((x) => x.includes('*')),
      },
    ])('has no rule with $what', ({ bad }) => {
      expect([...rules.namespaced, ...rules.clusterScoped].filter(bad)).toEqual([]);
    });

    it('keeps the rules in one place: no template writes a rule of its own', () => {
      for (const template of ['clusterrole.yaml', 'role.yaml', 'deployment.yaml', 'serviceaccount.yaml']) {
        expect(readChartFile(`templates/${template}`), template).not.toMatch(
          /verbs:|apiGroups:|resources:\s*\[/,
        );
      }
      expect(readChartFile('templates/_helpers.tpl')).toContain('.Files.Get "files/rbac-rules.yaml"');
    });
  });

  describe('when rbac.namespaces is set (namespace-scoped mode)', () => {
    it('binds the namespaced rules per namespace and cluster-scoped kinds only when allowed', () => {
      const role = readChartFile('templates/role.yaml');
      expect(role).toMatch(/range \$namespace := \.Values\.rbac\.namespaces/);
      expect(role).toMatch(/toYaml \$rules\.namespaced/);
      expect(role).not.toMatch(/clusterScoped/);
      const clusterRole = readChartFile('templates/clusterrole.yaml');
      expect(clusterRole).toMatch(/if or \$clusterWide \.Values\.rbac\.allowClusterScoped/);
      expect(clusterRole).toMatch(/if \$clusterWide \}\}\s*\{\{- toYaml \$rules\.namespaced/);
      expect(readValues()).toMatchObject({ rbac: { namespaces: [], allowClusterScoped: false } });
    });
  });

  describe('when its Deployment is rendered', () => {
    const [deployment] = readTemplateSkeleton('deployment.yaml');
    const Pod = z.object({
      spec: z.object({
        template: z.object({
          spec: z.object({
            securityContext: z.record(z.string(), z.unknown()),
            containers: z.array(z.record(z.string(), z.unknown())).length(1),
            volumes: z.array(z.record(z.string(), z.unknown())),
          }),
        }),
      }),
    });
    const pod = Pod.parse(deployment).spec.template.spec;
    const container = pod.containers[0]!;

    it('runs as a fixed non-root user with the runtime default seccomp profile', () => {
      expect(pod.securityContext).toMatchObject({
        runAsNonRoot: true,
        runAsUser: expect.any(Number),
        seccompProfile: { type: 'RuntimeDefault' },
      });
      expect(pod.securityContext.runAsUser).not.toBe(0);
    });

    it('cannot escalate, write its root filesystem or keep any capability', () => {
      expect(container.securityContext).toMatchObject({
        runAsNonRoot: true,
        allowPrivilegeEscalation: false,
        privileged: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
        seccompProfile: { type: 'RuntimeDefault' },
      });
      expect(container.securityContext).not.toHaveProperty('capabilities.add');
    });

    it('gives /tmp an emptyDir, the only writable path', () => {
      expect(container.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
      expect(pod.volumes).toEqual([{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }]);
    });

    it('probes the health endpoint: /healthz for liveness, /readyz for readiness', () => {
      expect(container.ports).toEqual([{ name: 'health', containerPort: 'TEMPLATED', protocol: 'TCP' }]);
      expect(container.livenessProbe).toMatchObject({ httpGet: { path: '/healthz', port: 'health' } });
      expect(container.readinessProbe).toMatchObject({ httpGet: { path: '/readyz', port: 'health' } });
      expect(readValues()).toMatchObject({ agent: { healthPort: 8080 } });
    });

    it('requests 128Mi of memory and 100m of CPU, and bounds the Node heap below its memory limit', () => {
      const values = readValues();
      expect(values).toMatchObject({
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
        nodeOptions: expect.stringMatching(/--max-old-space-size=\d+/),
      });
      const heapMiB = Number(/--max-old-space-size=(\d+)/.exec(String(values.nodeOptions))?.[1]);
      const limitMiB = Number(
        /^(\d+)Mi$/.exec(
          String(
            z.object({ resources: z.object({ limits: z.object({ memory: z.string() }) }) }).parse(values)
              .resources.limits.memory,
          ),
        )?.[1],
      );
      // The heap is not all of a Node process: code, buffers and the young generation come on top.
      expect(heapMiB).toBeLessThanOrEqual(limitMiB / 2);
    });

    it('sets only variables the agent, the AWS SDK, Node or glibc reads, AWS keys from a Secret', () => {
      const env = z
        .array(z.object({ name: z.string(), valueFrom: z.unknown().optional() }))
        .parse(container.env);
      const sdk = [
        'AWS_ENDPOINT_URL_SQS',
        'AWS_ACCESS_KEY_ID',
        'AWS_SECRET_ACCESS_KEY',
        'NODE_OPTIONS',
        'MALLOC_ARENA_MAX',
      ];
      for (const { name } of env) expect([...AGENT_ENVIRONMENT_VARIABLES, ...sdk], name).toContain(name);
      for (const required of [
        'OPSWORKER_CLUSTER_NAME',
        'OPSWORKER_AGENT_REQUEST_QUEUE_URL',
        'OPSWORKER_AGENT_RESPONSE_QUEUE_URL',
      ]) {
        expect(env.map((e) => e.name)).toContain(required);
      }
      const keys = env.filter((e) => e.name === 'AWS_ACCESS_KEY_ID' || e.name === 'AWS_SECRET_ACCESS_KEY');
      expect(keys.map((e) => e.valueFrom)).toEqual([
        { secretKeyRef: { name: 'TEMPLATED', key: 'TEMPLATED' } },
        { secretKeyRef: { name: 'TEMPLATED', key: 'TEMPLATED' } },
      ]);
    });

    it('runs as the same uid as the image, so runAsNonRoot holds', () => {
      const dockerfile = readFileSync(`${AGENT_DIR}Dockerfile`, 'utf8');
      const user = /^USER\s+(\d+)(?::\d+)?\s*$/m.exec(dockerfile)?.[1];
      expect(Number(user)).toBe(pod.securityContext.runAsUser);
    });
  });

  describe('when IRSA is configured', () => {
    it('annotates the service account with the role ARN', () => {
      expect(readChartFile('templates/serviceaccount.yaml')).toMatch(
        /eks\.amazonaws\.com\/role-arn: \{\{ \. \| quote \}\}/,
      );
      expect(readChartFile('templates/serviceaccount.yaml')).toMatch(
        /with \.Values\.serviceAccount\.roleArn/,
      );
    });
  });
});

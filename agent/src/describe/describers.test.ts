import type { ResourceKind } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { shopContext } from '../fixtures/operation-context.ts';
import { runDescribe } from '../operations/describe.ts';

async function describeText(kind: ResourceKind, name: string, namespace: string | undefined = 'shop') {
  return (await runDescribe({ op: 'describe', kind, namespace, name }, shopContext())).result as string;
}

describe('describerFor', () => {
  describe.each<[ResourceKind, string, string | undefined, string[]]>([
    [
      'deployments',
      'web',
      'shop',
      [
        'Replicas:               2 desired | 2 updated | 2 total | 1 available | 1 unavailable',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        '  Available      False   MinimumReplicasUnavailable',
        'NewReplicaSet:   web-7d9f8c6b5 (2/2 replicas created)',
        "        DB_PASSWORD:  <set to the key 'password' in secret 'db-creds'>  Optional: false",
      ],
    ],
    [
      'nodes',
      'node-1',
      undefined,
      [
        'Roles:              worker',
        '  Ready           True    Mon, 24 Nov 2025 09:59:00 +0000  Wed, 01 Oct 2025 08:00:00 +0000  KubeletReady',
        'Non-terminated Pods:          (2 in total)',
        '  cpu       500m (13%)  0m (0%)',
        '  memory    512Mi (3%)  1024Mi (7%)',
      ],
    ],
    [
      'services',
      'web',
      'shop',
      [
        'Selector:          app=web',
        'Port:              http  80/TCP',
        'Endpoints:         10.244.1.23:8080',
      ],
    ],
    [
      'persistentvolumeclaims',
      'data-db-0',
      'shop',
      [
        'Status:        Pending',
        'Access Modes:  RWO',
        '  Warning  ProvisioningFailed  60s (x12 over 60m)  persistentvolume-controller  storageclass.storage.k8s.io "fast-ssd" not found',
      ],
    ],
    [
      'jobs',
      'backup-29012345',
      'shop',
      [
        'Controlled By:    CronJob/backup',
        'Pods Statuses:    0 Active / 0 Succeeded / 3 Failed',
        'Condition:        Failed (BackoffLimitExceeded): Job has reached the specified backoff limit',
      ],
    ],
    [
      'horizontalpodautoscalers',
      'web',
      'shop',
      [
        'Reference:                                             Deployment/web',
        '  resource cpu on pods  (as a percentage of request):  95% (238m) / 70%',
        '  ScalingLimited  True    TooManyReplicas  the desired replica count is more than the maximum replica count',
      ],
    ],
    ['configmaps', 'web-config', 'shop', ['DATABASE_URL:\n----\n[WITHHELD', 'feature-flags.yaml:\n----\n']],
    [
      'statefulsets',
      'db',
      'shop',
      [
        'Spec:\n  replicas: 1',
        '      - name: postgres\n        image: postgres:16.4',
        'updateRevision: db-7a8b9c0d1e',
      ],
    ],
  ])('when describing %s/%s', (kind, name, namespace, expected) => {
    it.each(expected)('shows %j', async (fragment) => {
      expect(await describeText(kind, name, namespace)).toContain(fragment);
    });
  });

  describe('when a service has no Endpoints object', () => {
    it('still describes it, with no endpoints', async () => {
      const context = shopContext();
      const objects = [
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 'lonely', namespace: 'shop' },
          spec: { ports: [{ port: 80 }] },
        },
      ];
      const reader = shopContext({ objects }).reader;
      const text = (
        await runDescribe(
          { op: 'describe', kind: 'services', namespace: 'shop', name: 'lonely' },
          { ...context, reader },
        )
      ).result as string;
      expect(text).toContain('Endpoints:         <none>');
    });
  });
});

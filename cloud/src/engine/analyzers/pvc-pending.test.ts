import { describe, expect, it } from 'vitest';
import { bundle, event, object, pod } from './fixtures/bundle-fixtures.ts';
import { pvcPending } from './pvc-pending.ts';

const classes = [
  object(
    'StorageClass',
    'gp3',
    { metadata: { name: 'gp3', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } },
    null,
  ),
  object('StorageClass', 'gp2', {}, null),
];

function claim(name: string, spec: Record<string, unknown>, phase = 'Pending') {
  return object('PersistentVolumeClaim', name, { spec, status: { phase } });
}

const user = pod('db-0', {
  owner: { kind: 'StatefulSet', name: 'db' },
  phase: 'Pending',
  volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-db-0' } }],
});

describe('pvcPending', () => {
  describe('when a claim stays Pending', () => {
    it.each([
      [
        'pvc_missing_storage_class',
        claim('data-db-0', { storageClassName: 'fast-ssd', resources: { requests: { storage: '50Gi' } } }),
        [
          event(
            { kind: 'PersistentVolumeClaim', name: 'data-db-0' },
            'ProvisioningFailed',
            'storageclass.storage.k8s.io "fast-ssd" not found',
          ),
        ],
        'storage class fast-ssd does not exist (classes in the cluster: gp3 (default), gp2)',
      ],
      [
        'pvc_provisioning_failed',
        claim('data-db-0', { storageClassName: 'gp3', resources: { requests: { storage: '4Ti' } } }),
        [
          event(
            { kind: 'PersistentVolumeClaim', name: 'data-db-0' },
            'ProvisioningFailed',
            'failed to provision volume: api error VolumeLimitExceeded: You have exceeded your maximum gp3 storage limit of 50 TiB. Contact support.',
          ),
        ],
        'VolumeLimitExceeded: You have exceeded your maximum gp3 storage limit of 50 TiB',
      ],
      [
        'unbound_pvc',
        claim('data-db-0', {
          storageClassName: '',
          selector: { matchLabels: { volume: 'nfs' } },
          resources: { requests: { storage: '500Gi' } },
        }),
        [
          event(
            { kind: 'PersistentVolumeClaim', name: 'data-db-0' },
            'FailedBinding',
            'no persistent volumes available for this claim and no storage class is set',
            { type: 'Normal' },
          ),
        ],
        'no persistent volumes available for this claim and no storage class is set (it asks for PVs labelled volume=nfs, 500Gi)',
      ],
    ])('reports %s on the claim and the workload it blocks', (category, subject, events, says) => {
      const [finding] = pvcPending.analyze(bundle({ objects: [...classes, subject, user], events }));
      expect(finding).toMatchObject({
        category,
        resource: 'persistentvolumeclaim/data-db-0',
        confidence: 'high',
        affects: ['statefulset/db'],
      });
      expect(finding?.statement).toContain(says);
    });
  });

  describe('when claims are bound', () => {
    it('finds nothing', () => {
      expect(
        pvcPending.analyze(
          bundle({ objects: [...classes, claim('data-db-0', { storageClassName: 'gp3' }, 'Bound')] }),
        ),
      ).toEqual([]);
    });
  });
});

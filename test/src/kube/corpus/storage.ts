import { onNode } from '../builders/base-nodes.ts';
import { claim } from '../builders/cluster-objects.ts';
import { failedSchedulingEvent, replicaSetCreateEvents, scaledEvent } from '../builders/event-patterns.ts';
import { event } from '../builders/events.ts';
import { ScenarioBuilder, type ScenarioFiles } from '../builders/scenario-builder.ts';
import { service } from '../builders/service-objects.ts';
import { statefulSet } from '../builders/stateful-workloads.ts';
import { deployment } from '../builders/workloads.ts';
import { kubePodNotReady, kubeStatefulSetReplicasMismatch } from './alerts.ts';

const UNBOUND =
  '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
const PV_CONTROLLER = 'persistentvolume-controller';

function dataTemplate(size: string, storageClassName: string) {
  return [
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data' },
      spec: {
        accessModes: ['ReadWriteOnce'],
        storageClassName,
        resources: { requests: { storage: size } },
        volumeMode: 'Filesystem',
      },
    },
  ];
}

export function missingStorageClassScenario(): ScenarioFiles {
  const ns = 'data';
  const sts = statefulSet({
    namespace: ns,
    name: 'postgres',
    serviceName: 'postgres',
    created: '-36m',
    template: {
      labels: { app: 'postgres' },
      containers: [
        {
          name: 'postgres',
          image: 'postgres:16.6',
          ports: [{ containerPort: 5432, name: 'postgres' }],
          resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '2Gi' } },
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
        },
      ],
    },
    pods: [{ created: '-36m', states: [], unschedulable: UNBOUND }],
    volumeClaimTemplates: dataTemplate('50Gi', 'fast-ssd'),
  });
  const pvc = claim({
    namespace: ns,
    name: 'data-postgres-0',
    created: '-36m',
    storage: '50Gi',
    storageClassName: 'fast-ssd',
    labels: { app: 'postgres' },
  });
  const pod = sts.pods[0]!;
  return new ScenarioBuilder({
    name: 'pvc-missing-storage-class',
    description:
      'postgres-0 stays Pending: its claim data-postgres-0 asks for the storage class fast-ssd, which does not exist in the cluster (gp3 and gp2 do).',
    namespace: ns,
    kind: 'failure',
    alert: kubeStatefulSetReplicasMismatch(ns, 'postgres'),
    expected: {
      category: 'pvc_missing_storage_class',
      resource: 'persistentvolumeclaim/data-postgres-0',
      facts: ['fast-ssd'],
    },
    basedOn: 'HolmesGPT test_ask_holmes/80_pvc_storage_class_mismatch',
  })
    .add(sts, pvc)
    .add(
      service({
        namespace: ns,
        name: 'postgres',
        created: '-36m',
        headless: true,
        selector: { app: 'postgres' },
        ports: [{ name: 'postgres', port: 5432 }],
      }),
    )
    .add(
      event(pvc, {
        type: 'Warning',
        reason: 'ProvisioningFailed',
        message: 'storageclass.storage.k8s.io "fast-ssd" not found',
        first: '-36m',
        last: '-16s',
        count: 144,
        component: PV_CONTROLLER,
      }),
    )
    .add(
      event(sts.workload, {
        reason: 'SuccessfulCreate',
        message: 'create Claim data-postgres-0 Pod postgres-0 in StatefulSet postgres success',
        first: '-36m',
        component: 'statefulset-controller',
      }),
    )
    .add(
      event(sts.workload, {
        reason: 'SuccessfulCreate',
        message: 'create Pod postgres-0 in StatefulSet postgres successful',
        first: '-36m',
        component: 'statefulset-controller',
      }),
    )
    .add(failedSchedulingEvent(pod, UNBOUND, { since: '-36m', count: 9 }))
    .build();
}

export function unboundClaimScenario(): ScenarioFiles {
  const ns = 'archive';
  const bundle = deployment({
    namespace: ns,
    name: 'archive-worker',
    replicas: 1,
    created: '-29m',
    revisions: [
      {
        revision: 1,
        created: '-29m',
        template: {
          labels: { app: 'archive-worker' },
          containers: [
            {
              name: 'worker',
              image: 'ghcr.io/acme/archive-worker:1.3.0',
              resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
              volumeMounts: [{ name: 'archive', mountPath: '/archive' }],
            },
          ],
          volumes: [{ name: 'archive', persistentVolumeClaim: { claimName: 'archive-data' } }],
        },
        pods: [{ created: '-29m', states: [], unschedulable: UNBOUND }],
      },
    ],
  });
  const pvc = claim({
    namespace: ns,
    name: 'archive-data',
    created: '-29m',
    storage: '500Gi',
    storageClassName: '',
    selector: { matchLabels: { volume: 'archive-nfs' } },
  });
  const rs = bundle.replicaSets[0]!;
  return new ScenarioBuilder({
    name: 'unbound-pvc',
    description:
      'archive-worker waits on the claim archive-data, which disables dynamic provisioning (storageClassName "") and selects a pre-created volume labelled volume=archive-nfs that does not exist.',
    namespace: ns,
    kind: 'failure',
    alert: kubePodNotReady(ns, bundle.pods[0]!.metadata.name),
    expected: {
      category: 'unbound_pvc',
      resource: 'persistentvolumeclaim/archive-data',
      facts: ['archive-data', 'no persistent volumes available'],
    },
  })
    .add(
      bundle,
      pvc,
      scaledEvent(bundle.workload, rs, 0, 1, '-29m'),
      replicaSetCreateEvents(rs, bundle.pods, '-29m'),
    )
    .add(
      event(pvc, {
        reason: 'FailedBinding',
        message: 'no persistent volumes available for this claim and no storage class is set',
        first: '-29m',
        last: '-8s',
        count: 117,
        component: PV_CONTROLLER,
      }),
    )
    .add(failedSchedulingEvent(bundle.pods[0]!, UNBOUND, { since: '-29m', count: 7 }))
    .build();
}

export function provisioningFailedScenario(): ScenarioFiles {
  const ns = 'warehouse';
  const selectedNode = onNode(0);
  const sts = statefulSet({
    namespace: ns,
    name: 'clickhouse',
    serviceName: 'clickhouse',
    created: '-22m',
    template: {
      labels: { app: 'clickhouse' },
      containers: [
        {
          name: 'clickhouse',
          image: 'clickhouse/clickhouse-server:24.8.7',
          ports: [
            { containerPort: 8123, name: 'http' },
            { containerPort: 9000, name: 'native' },
          ],
          resources: { requests: { cpu: '2', memory: '8Gi' }, limits: { memory: '8Gi' } },
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/clickhouse' }],
        },
      ],
    },
    pods: [
      {
        created: '-22m',
        states: [],
        unschedulable:
          'running PreBind plugin "VolumeBinding": binding volumes: provisioning failed for PVC "data-clickhouse-0"',
      },
    ],
    volumeClaimTemplates: dataTemplate('4Ti', 'gp3'),
  });
  const pvc = claim({
    namespace: ns,
    name: 'data-clickhouse-0',
    created: '-22m',
    storage: '4Ti',
    storageClassName: 'gp3',
    labels: { app: 'clickhouse' },
    annotations: {
      'volume.beta.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com',
      'volume.kubernetes.io/selected-node': selectedNode.name,
      'volume.kubernetes.io/storage-provisioner': 'ebs.csi.aws.com',
    },
  });
  const csi = {
    component: 'ebs.csi.aws.com_ebs-csi-controller-7c9b8d6f5-kq2xw_2f0c3d6e-9b1a-4e55-8c1e-1a2b3c4d5e6f',
    first: '-22m',
  };
  const error =
    'failed to provision volume with StorageClass "gp3": rpc error: code = Internal desc = Could not create volume "pvc-7d1e0b2a-4c3f-4f1e-9a7b-2e5d8c6f1a90": could not create volume in EC2: operation error EC2: CreateVolume, https response error StatusCode: 400, RequestID: 6b1f0e7c-2a44-4d8e-b1c9-0f3a7e5d2c18, api error VolumeLimitExceeded: You have exceeded your maximum gp3 storage limit of 50 TiB in this region. Please contact AWS Support to request a limit increase.';
  return new ScenarioBuilder({
    name: 'pvc-provisioning-failed',
    description:
      'clickhouse-0 cannot start because the EBS CSI driver fails to create its 4Ti gp3 volume: the account hit the regional gp3 storage quota (VolumeLimitExceeded).',
    namespace: ns,
    kind: 'failure',
    alert: kubeStatefulSetReplicasMismatch(ns, 'clickhouse'),
    expected: {
      category: 'pvc_provisioning_failed',
      resource: 'persistentvolumeclaim/data-clickhouse-0',
      facts: ['VolumeLimitExceeded'],
    },
  })
    .add(sts, pvc)
    .add(
      service({
        namespace: ns,
        name: 'clickhouse',
        created: '-22m',
        headless: true,
        selector: { app: 'clickhouse' },
        ports: [
          { name: 'http', port: 8123 },
          { name: 'native', port: 9000 },
        ],
      }),
    )
    .add(
      event(pvc, {
        reason: 'WaitForFirstConsumer',
        message: 'waiting for first consumer to be created before binding',
        first: '-22m',
        component: PV_CONTROLLER,
      }),
    )
    .add(
      event(pvc, {
        ...csi,
        reason: 'Provisioning',
        message: `External provisioner is provisioning volume for claim "${ns}/data-clickhouse-0"`,
        last: '-48s',
        count: 11,
      }),
    )
    .add(
      event(pvc, {
        ...csi,
        type: 'Warning',
        reason: 'ProvisioningFailed',
        message: error,
        last: '-47s',
        count: 11,
      }),
    )
    .add(
      event(pvc, {
        reason: 'ExternalProvisioning',
        message:
          "Waiting for a volume to be created either by the external provisioner 'ebs.csi.aws.com' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
        first: '-22m',
        last: '-12s',
        count: 88,
        component: PV_CONTROLLER,
      }),
    )
    .add(
      failedSchedulingEvent(
        sts.pods[0]!,
        'running PreBind plugin "VolumeBinding": binding volumes: provisioning failed for PVC "data-clickhouse-0"',
        { since: '-22m', count: 6 },
      ),
    )
    .build();
}

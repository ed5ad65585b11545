import type { KubeObject } from '../types.ts';
import { hex16, uidOf } from './identity.ts';

export interface NodeInput {
  name: string;
  ip: string;
  zone: string;
  instanceId: string;
  created: string;
  nodegroup?: string;
  instanceType?: string;
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: string; timeAdded?: string }[];
  unschedulable?: boolean;
  /** Override conditions, e.g. NotReady or MemoryPressure. */
  conditions?: object[];
  capacity?: { cpu: string; memory: string; pods?: string };
  allocatable?: { cpu: string; memory: string; pods?: string };
}

/** The conditions of a healthy node. */
export function healthyNodeConditions(since: string, heartbeat = '-38s'): object[] {
  const c = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: heartbeat,
    lastTransitionTime: since,
    reason,
    message,
  });
  return [
    c('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    c('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    c('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    c('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
  ];
}

/** An EKS worker node with capacity, addresses, conditions and nodeInfo. */
export function node(input: NodeInput): KubeObject {
  const instanceType = input.instanceType ?? 'm6i.xlarge';
  const capacity = input.capacity ?? { cpu: '4', memory: '16069064Ki', pods: '58' };
  const allocatable = input.allocatable ?? { cpu: '3920m', memory: '15378888Ki', pods: '58' };
  const id = hex16(input.name);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: input.name,
      uid: uidOf('v1', 'Node', undefined, input.name),
      creationTimestamp: input.created,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/instance-type': instanceType,
        'beta.kubernetes.io/os': 'linux',
        'eks.amazonaws.com/capacityType': 'ON_DEMAND',
        'eks.amazonaws.com/nodegroup': input.nodegroup ?? 'general',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': input.name,
        'kubernetes.io/os': 'linux',
        'node.kubernetes.io/instance-type': instanceType,
        'topology.kubernetes.io/region': 'eu-west-1',
        'topology.kubernetes.io/zone': input.zone,
        ...input.labels,
      },
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      providerID: `aws:///${input.zone}/${input.instanceId}`,
      ...(input.unschedulable ? { unschedulable: true } : {}),
      ...(input.taints?.length ? { taints: input.taints } : {}),
    },
    status: {
      capacity: {
        ...capacity,
        'ephemeral-storage': '83873772Ki',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
      },
      allocatable: {
        ...allocatable,
        'ephemeral-storage': '76224326324',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
      },
      conditions: input.conditions ?? healthyNodeConditions(input.created),
      addresses: [
        { type: 'InternalIP', address: input.ip },
        { type: 'InternalDNS', address: input.name },
        { type: 'Hostname', address: input.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: `ec2${id}${id.slice(0, 13)}`,
        systemUUID: `ec2${id.slice(0, 5)}-${id.slice(5, 9)}-${id.slice(9, 13)}-1234-${id.slice(0, 12)}`,
        bootID: uidOf('boot', 'Node', undefined, input.name),
        kernelVersion: '6.1.119-129.201.amzn2023.x86_64',
        osImage: 'Amazon Linux 2023.6.20241212',
        containerRuntimeVersion: 'containerd://1.7.23',
        kubeletVersion: 'v1.31.4-eks-aeac579',
        kubeProxyVersion: 'v1.31.4-eks-aeac579',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

/** An Active namespace. */
export function namespace(name: string, created: string, labels: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      uid: uidOf('v1', 'Namespace', undefined, name),
      creationTimestamp: created,
      labels: { 'kubernetes.io/metadata.name': name, ...labels },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

export interface StorageClassInput {
  name: string;
  provisioner: string;
  created: string;
  isDefault?: boolean;
  volumeBindingMode?: 'Immediate' | 'WaitForFirstConsumer';
  parameters?: Record<string, string>;
}

/** A StorageClass (the default one carries the is-default-class annotation). */
export function storageClass(input: StorageClassInput): KubeObject {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name: input.name,
      uid: uidOf('storage.k8s.io/v1', 'StorageClass', undefined, input.name),
      creationTimestamp: input.created,
      ...(input.isDefault ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {}),
    },
    provisioner: input.provisioner,
    ...(input.parameters ? { parameters: input.parameters } : {}),
    reclaimPolicy: 'Delete',
    allowVolumeExpansion: true,
    volumeBindingMode: input.volumeBindingMode ?? 'WaitForFirstConsumer',
  };
}

export interface ClaimInput {
  namespace: string;
  name: string;
  created: string;
  storage: string;
  storageClassName?: string;
  /** Bound to this volume; Pending when absent. */
  volumeName?: string;
  labels?: Record<string, string>;
  selector?: object;
  annotations?: Record<string, string>;
}

/** A PersistentVolumeClaim, Bound when it names a volume, Pending otherwise. */
export function claim(input: ClaimInput): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name: input.name,
      namespace: input.namespace,
      uid: uidOf('v1', 'PersistentVolumeClaim', input.namespace, input.name),
      creationTimestamp: input.created,
      ...(input.labels ? { labels: input.labels } : {}),
      ...(input.annotations ? { annotations: input.annotations } : {}),
      finalizers: ['kubernetes.io/pvc-protection'],
    },
    spec: {
      accessModes: ['ReadWriteOnce'],
      ...(input.selector ? { selector: input.selector } : {}),
      resources: { requests: { storage: input.storage } },
      ...(input.storageClassName !== undefined ? { storageClassName: input.storageClassName } : {}),
      ...(input.volumeName ? { volumeName: input.volumeName } : {}),
      volumeMode: 'Filesystem',
    },
    status: input.volumeName
      ? { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: input.storage } }
      : { phase: 'Pending' },
  };
}

/** A PersistentVolume bound to `claim`, as the EBS CSI driver provisions them. */
export function volumeFor(claimObject: KubeObject, created: string, zone: string): KubeObject {
  const spec = claimObject.spec as {
    resources: { requests: { storage: string } };
    storageClassName?: string;
    volumeName?: string;
  };
  const name = spec.volumeName ?? `pvc-${claimObject.metadata.uid ?? ''}`;
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name,
      uid: uidOf('v1', 'PersistentVolume', undefined, name),
      creationTimestamp: created,
      annotations: {
        'pv.kubernetes.io/provisioned-by': 'ebs.csi.aws.com',
        'volume.kubernetes.io/provisioner-deletion-secret-name': '',
        'volume.kubernetes.io/provisioner-deletion-secret-namespace': '',
      },
      finalizers: ['external-provisioner.volume.kubernetes.io/finalizer', 'kubernetes.io/pv-protection'],
    },
    spec: {
      capacity: { storage: spec.resources.requests.storage },
      csi: { driver: 'ebs.csi.aws.com', volumeHandle: `vol-0${hex16(name).slice(0, 16)}`, fsType: 'ext4' },
      accessModes: ['ReadWriteOnce'],
      claimRef: {
        kind: 'PersistentVolumeClaim',
        namespace: claimObject.metadata.namespace,
        name: claimObject.metadata.name,
        uid: claimObject.metadata.uid,
        apiVersion: 'v1',
      },
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: spec.storageClassName ?? 'gp3',
      volumeMode: 'Filesystem',
      nodeAffinity: {
        required: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: [zone] }] },
          ],
        },
      },
    },
    status: { phase: 'Bound', lastPhaseTransitionTime: created },
  };
}

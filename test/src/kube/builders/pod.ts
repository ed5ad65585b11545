import { relativeSeconds } from '../relative-time.ts';
import type { KubeObject } from '../types.ts';
import { hasRun, isReady, type RunState, renderState } from './container-state.ts';
import { controllerRef, imageId, nameSuffix, podIp, uidOf } from './identity.ts';
import { type ContainerSpec, containerWithDefaults, type PodTemplate, templateSpec } from './pod-template.ts';

/** A node a pod can run on. */
export interface NodeRef {
  name: string;
  ip: string;
}

export interface PodInput {
  namespace: string;
  name: string;
  template: PodTemplate;
  created: string;
  /** Where it runs; absent for a pod the scheduler could not place. */
  node?: NodeRef;
  owner?: KubeObject;
  /** Labels added to the template's (pod-template-hash, controller-revision-hash, ...). */
  extraLabels?: Record<string, string>;
  generateName?: string;
  states: RunState[];
  initStates?: RunState[];
  /** The FailedScheduling message when `node` is absent. */
  unschedulable?: string;
  /** Overrides for evicted or otherwise finished pods. */
  phase?: string;
  reason?: string;
  message?: string;
  extraConditions?: object[];
  deletionTimestamp?: string;
}

const NOT_READY_TOLERATIONS = ['not-ready', 'unreachable'].map((taint) => ({
  key: `node.kubernetes.io/${taint}`,
  operator: 'Exists',
  effect: 'NoExecute',
  tolerationSeconds: 300,
}));

/** A Pod as the API returns it: defaulted spec, status with conditions and container statuses. */
export function pod(input: PodInput): KubeObject {
  const uid = uidOf('v1', 'Pod', input.namespace, input.name);
  const access = `kube-api-access-${nameSuffix(input.name)}`;
  const mount = [
    { name: access, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true },
  ];
  const template = input.template;
  const base = templateSpec(template);
  const spec = {
    ...base,
    volumes: [...(template.volumes ?? []), kubeApiAccessVolume(access)],
    ...(template.initContainers
      ? { initContainers: template.initContainers.map((c) => containerWithDefaults(c, mount)) }
      : {}),
    containers: template.containers.map((c) => containerWithDefaults(c, mount)),
    serviceAccountName: template.serviceAccountName ?? 'default',
    serviceAccount: template.serviceAccountName ?? 'default',
    ...(input.node ? { nodeName: input.node.name } : {}),
    tolerations: [...(template.tolerations ?? []), ...NOT_READY_TOLERATIONS],
    priority: 0,
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: input.name,
      ...(input.generateName ? { generateName: input.generateName } : {}),
      namespace: input.namespace,
      uid,
      creationTimestamp: input.created,
      ...(input.deletionTimestamp ? { deletionTimestamp: input.deletionTimestamp } : {}),
      labels: { ...template.labels, ...input.extraLabels },
      ...(template.annotations ? { annotations: template.annotations } : {}),
      ...(input.owner ? { ownerReferences: [controllerRef(input.owner)] } : {}),
    },
    spec,
    status: podStatus(input, uid),
  };
}

function podStatus(input: PodInput, uid: string): Record<string, unknown> {
  const { template, states, node } = input;
  const qosClass = qosOf(template.containers);
  if (!node) {
    return {
      phase: 'Pending',
      conditions: [
        condition(
          'PodScheduled',
          false,
          input.created,
          'Unschedulable',
          input.unschedulable ?? '0/3 nodes are available.',
        ),
      ],
      qosClass,
    };
  }
  const initStates = input.initStates ?? [];
  const initDone = initStates.every((s) => s.kind === 'terminated' && s.termination.exitCode === 0);
  const ready = initDone && states.every(isReady);
  const creating = states.every((s) => s.kind === 'waiting' && s.reason === 'ContainerCreating');
  const context = (c: ContainerSpec) => ({
    container: c.name,
    pod: input.name,
    namespace: input.namespace,
    podUid: uid,
  });
  const lastChange = latestChange([...initStates, ...states]) ?? input.created;
  const unready = template.containers.filter(
    (_, i) => !isReady(states[i] ?? { kind: 'waiting', reason: '' }),
  );
  const pendingInit = (template.initContainers ?? []).filter((_, i) => {
    const s = initStates[i];
    return !(s?.kind === 'terminated' && s.termination.exitCode === 0);
  });
  const ip = podIp(node.ip, input.name);
  return {
    phase: input.phase ?? phaseOf(input, initDone),
    ...(input.reason ? { reason: input.reason } : {}),
    ...(input.message ? { message: input.message } : {}),
    conditions: [
      ...(input.extraConditions ?? []),
      condition('PodReadyToStartContainers', !creating, input.created),
      pendingInit.length
        ? condition(
            'Initialized',
            false,
            input.created,
            'ContainersNotInitialized',
            `containers with incomplete status: [${names(pendingInit)}]`,
          )
        : condition('Initialized', true, input.created),
      ready
        ? condition('Ready', true, lastChange)
        : condition(
            'Ready',
            false,
            lastChange,
            'ContainersNotReady',
            `containers with unready status: [${names(unready)}]`,
          ),
      ready
        ? condition('ContainersReady', true, lastChange)
        : condition(
            'ContainersReady',
            false,
            lastChange,
            'ContainersNotReady',
            `containers with unready status: [${names(unready)}]`,
          ),
      condition('PodScheduled', true, input.created),
    ],
    hostIP: node.ip,
    hostIPs: [{ ip: node.ip }],
    ...(creating ? {} : { podIP: ip, podIPs: [{ ip }] }),
    startTime: input.created,
    ...(template.initContainers?.length
      ? {
          initContainerStatuses: template.initContainers.map((c, i) =>
            containerStatus(c, initStates[i], context(c)),
          ),
        }
      : {}),
    containerStatuses: template.containers.map((c, i) => containerStatus(c, states[i], context(c))),
    qosClass,
  };
}

function phaseOf(input: PodInput, initDone: boolean): string {
  if (!initDone) return 'Pending';
  const restartPolicy = input.template.restartPolicy ?? 'Always';
  const finished = input.states.every((s) => s.kind === 'terminated');
  if (restartPolicy !== 'Always' && finished) {
    return input.states.every((s) => s.kind === 'terminated' && s.termination.exitCode === 0)
      ? 'Succeeded'
      : 'Failed';
  }
  return input.states.some(hasRun) ? 'Running' : 'Pending';
}

function containerStatus(
  container: ContainerSpec,
  state: RunState | undefined,
  context: { container: string; pod: string; namespace: string; podUid: string },
): object {
  const current = state ?? { kind: 'waiting', reason: 'PodInitializing' };
  const pulled =
    hasRun(current) || (current.kind === 'waiting' && !/Image|ErrImage|PodInitializing/.test(current.reason));
  const rendered = renderState(current, context);
  return {
    name: container.name,
    state: rendered.state,
    lastState: rendered.lastState,
    ready: rendered.ready,
    restartCount: rendered.restartCount,
    image: container.image,
    imageID: pulled ? imageId(container.image) : '',
    started: rendered.started,
  };
}

/** A pod condition with the API's field order. */
export function condition(
  type: string,
  status: boolean,
  at: string,
  reason?: string,
  message?: string,
): object {
  return {
    type,
    status: status ? 'True' : 'False',
    lastProbeTime: null,
    lastTransitionTime: at,
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  };
}

function latestChange(states: RunState[]): string | undefined {
  const times = states.flatMap((s) => {
    if (s.kind === 'running') return [s.startedAt];
    if (s.kind === 'terminated') return [s.termination.finishedAt];
    return s.last ? [s.last.finishedAt] : [];
  });
  // The most recent change is the latest (least negative) relative time.
  return times.sort((a, b) => (relativeSeconds(b) ?? 0) - (relativeSeconds(a) ?? 0))[0];
}

function names(containers: { name: string }[]): string {
  return containers.map((c) => c.name).join(' ');
}

function qosOf(containers: ContainerSpec[]): string {
  const all = containers.map((c) => c.resources ?? {});
  if (all.every((r) => !r.requests && !r.limits)) return 'BestEffort';
  const guaranteed = all.every(
    (r) =>
      r.limits?.cpu &&
      r.limits.memory &&
      (r.requests?.cpu ?? r.limits.cpu) === r.limits.cpu &&
      (r.requests?.memory ?? r.limits.memory) === r.limits.memory,
  );
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function kubeApiAccessVolume(name: string): object {
  return {
    name,
    projected: {
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        {
          downwardAPI: {
            items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
          },
        },
      ],
      defaultMode: 420,
    },
  };
}

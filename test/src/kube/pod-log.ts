import { badRequest } from './api-status.ts';
import type { LogStore } from './log-store.ts';
import type { KubeObject } from './types.ts';

interface InstanceState {
  running?: { startedAt?: string };
  terminated?: { startedAt?: string; finishedAt?: string; containerID?: string };
  waiting?: { reason?: string };
}

interface ContainerStatus {
  name: string;
  containerID?: string;
  state?: InstanceState;
  lastState?: InstanceState;
}

interface PodShape {
  metadata: { name: string; namespace?: string };
  spec?: { nodeName?: string; containers?: { name: string }[]; initContainers?: { name: string }[] };
  status?: { containerStatuses?: ContainerStatus[]; initContainerStatuses?: ContainerStatus[] };
}

/** The query parameters of `GET pods/{name}/log` the fake honours. */
export interface PodLogQuery {
  container?: string;
  previous?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  sinceTime?: string;
  limitBytes?: number;
  timestamps?: boolean;
}

/**
 * Answers a log request with the API server's and kubelet's rules: which container (400 when
 * a multi-container pod names none), which instance (a crash-looping container's current log
 * is its last terminated run, as on a real node), and the same errors for waiting containers
 * and missing previous instances. Lines get timestamps spread over the instance's run.
 */
export function readPodLog(pod: KubeObject, query: PodLogQuery, logs: LogStore, now: Date): string {
  const shape = pod as unknown as PodShape;
  const name = shape.metadata.name;
  const container = chooseContainer(shape, query.container);
  // The API server has no node to ask for an unscheduled pod and answers with an empty body.
  if (!shape.spec?.nodeName) return '';
  const status = [
    ...(shape.status?.initContainerStatuses ?? []),
    ...(shape.status?.containerStatuses ?? []),
  ].find((s) => s.name === container);
  if (!status) throw badRequest(`container "${container}" in pod "${name}" is not available`);
  const instance = chooseInstance(status, Boolean(query.previous), name);
  const text = logs.get(shape.metadata.namespace ?? '', name, container, instance.previous) ?? '';
  const window = instanceWindow(instance.state, now);
  return formatLines(text, window, query, now);
}

function chooseContainer(pod: PodShape, requested: string | undefined): string {
  const init = (pod.spec?.initContainers ?? []).map((c) => c.name);
  const main = (pod.spec?.containers ?? []).map((c) => c.name);
  if (requested) {
    if (![...init, ...main].includes(requested)) {
      throw badRequest(`container ${requested} is not valid for pod ${pod.metadata.name}`);
    }
    return requested;
  }
  if (main.length === 1 && main[0]) return main[0];
  if (main.length === 0) throw badRequest(`a container name must be specified for pod ${pod.metadata.name}`);
  throw badRequest(
    `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${[...init, ...main].join(' ')}]`,
  );
}

function chooseInstance(
  status: ContainerStatus,
  previous: boolean,
  podName: string,
): { previous: boolean; state: InstanceState } {
  const { state = {}, lastState = {} } = status;
  const label = `container "${status.name}" in pod "${podName}"`;
  if (previous) {
    if (!lastState.terminated?.containerID) throw badRequest(`previous terminated ${label} not found`);
    return { previous: true, state: lastState };
  }
  if (state.running) return { previous: false, state };
  if (state.terminated) {
    if (state.terminated.containerID) return { previous: false, state };
    if (lastState.terminated?.containerID) return { previous: true, state: lastState };
    throw badRequest(`${label} is terminated`);
  }
  if (lastState.terminated) {
    if (!lastState.terminated.containerID) throw badRequest(`${label} is terminated`);
    return { previous: true, state: lastState };
  }
  const reason = state.waiting?.reason;
  if (reason === 'ErrImagePull') throw badRequest(`${label} is waiting to start: image can't be pulled`);
  if (reason === 'ImagePullBackOff')
    throw badRequest(`${label} is waiting to start: trying and failing to pull image`);
  if (reason) throw badRequest(`${label} is waiting to start: ${reason}`);
  throw badRequest(`${label} is waiting to start - no logs yet`);
}

function instanceWindow(state: InstanceState, now: Date): { start: number; end: number } {
  const end = Date.parse(state.terminated?.finishedAt ?? '') || now.getTime();
  const start = Date.parse(state.running?.startedAt ?? state.terminated?.startedAt ?? '') || end - 60_000;
  return { start: Math.min(start, end), end };
}

function formatLines(
  text: string,
  window: { start: number; end: number },
  query: PodLogQuery,
  now: Date,
): string {
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  const step = lines.length > 1 ? (window.end - window.start) / (lines.length - 1) : 0;
  let stamped = lines.map((line, i) => ({ line, at: Math.round(window.start + step * i) }));
  if (query.tailLines !== undefined && query.tailLines >= 0) {
    stamped = query.tailLines === 0 ? [] : stamped.slice(-query.tailLines);
  }
  const since = sinceMillis(query, now);
  if (since !== undefined) stamped = stamped.filter((s) => s.at >= since);
  let output = stamped.map((s) => `${query.timestamps ? `${rfc3339Nano(s.at)} ` : ''}${s.line}\n`).join('');
  if (query.limitBytes !== undefined && query.limitBytes > 0) {
    output = Buffer.from(output).subarray(0, query.limitBytes).toString('utf8');
  }
  return output;
}

function sinceMillis(query: PodLogQuery, now: Date): number | undefined {
  if (query.sinceSeconds !== undefined) return now.getTime() - query.sinceSeconds * 1000;
  if (query.sinceTime) return Date.parse(query.sinceTime);
  return undefined;
}

/** Go's RFC3339Nano: fractional seconds with trailing zeros dropped. */
function rfc3339Nano(millis: number): string {
  const iso = new Date(millis).toISOString();
  const fraction = iso.slice(20, 23).replace(/0+$/, '');
  return `${iso.slice(0, 19)}${fraction ? `.${fraction}` : ''}Z`;
}

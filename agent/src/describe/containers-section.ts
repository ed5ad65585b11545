import { rfc1123z } from '../format/time-format.ts';
import type { Container, ContainerState, ContainerStatus, EnvVar, Probe } from '../kube/kube-types.ts';
import type { DescribeWriter } from './describe-writer.ts';
import { sortedEntries } from './sorted-entries.ts';

function probe(p: Probe): string {
  const timing = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.httpGet) {
    const scheme = (p.httpGet.scheme ?? 'HTTP').toLowerCase();
    return `http-get ${scheme}://${p.httpGet.host ?? ''}:${p.httpGet.port ?? ''}${p.httpGet.path ?? '/'} ${timing}`;
  }
  if (p.tcpSocket) return `tcp-socket :${p.tcpSocket.port ?? ''} ${timing}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${timing}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port ?? ''} ${timing}`;
  return timing;
}

/** An env var as kubectl describes it: a secret reference is named, its value never fetched. */
function envValue(env: EnvVar): string {
  const from = env.valueFrom;
  if (from?.secretKeyRef) {
    const ref = from.secretKeyRef;
    return `<set to the key '${ref.key}' in secret '${ref.name ?? ''}'>  Optional: ${Boolean(ref.optional)}`;
  }
  if (from?.configMapKeyRef) {
    const ref = from.configMapKeyRef;
    return `<set to the key '${ref.key}' of config map '${ref.name ?? ''}'>  Optional: ${Boolean(ref.optional)}`;
  }
  if (from?.fieldRef) return ` (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})`;
  if (from?.resourceFieldRef) return `${from.resourceFieldRef.resource}`;
  return env.value ?? '';
}

function writeState(
  writer: DescribeWriter,
  level: number,
  label: string,
  state: ContainerState | undefined,
): void {
  if (state?.running) {
    writer.row(level, `${label}:`, 'Running');
    writer.row(level + 1, 'Started:', rfc1123z(state.running.startedAt));
  } else if (state?.waiting) {
    writer.row(level, `${label}:`, 'Waiting');
    if (state.waiting.reason) writer.row(level + 1, 'Reason:', state.waiting.reason);
    if (state.waiting.message) writer.row(level + 1, 'Message:', state.waiting.message);
  } else if (state?.terminated) {
    const t = state.terminated;
    writer.row(level, `${label}:`, 'Terminated');
    if (t.reason) writer.row(level + 1, 'Reason:', t.reason);
    if (t.message) writer.row(level + 1, 'Message:', t.message);
    writer.row(level + 1, 'Exit Code:', t.exitCode ?? 0);
    if (t.signal) writer.row(level + 1, 'Signal:', t.signal);
    writer.row(level + 1, 'Started:', rfc1123z(t.startedAt));
    writer.row(level + 1, 'Finished:', rfc1123z(t.finishedAt));
  } else {
    writer.row(level, `${label}:`, label === 'State' ? 'Waiting' : '');
  }
}

function writeResources(
  writer: DescribeWriter,
  level: number,
  key: string,
  values: Record<string, string> | undefined,
): void {
  const entries = sortedEntries(values);
  if (entries.length === 0) return;
  writer.row(level, `${key}:`);
  for (const [resource, quantity] of entries) writer.row(level + 1, `${resource}:`, quantity);
}

/**
 * The `Containers:` (or `Init Containers:`) section: image, ports, and, when statuses are given
 * (a pod, not a template), state, last state, readiness and restarts.
 */
export function writeContainers(
  writer: DescribeWriter,
  level: number,
  title: string,
  containers: Container[] | undefined,
  statuses?: ContainerStatus[],
): void {
  if (!containers || containers.length === 0) return;
  writer.row(level, `${title}:`);
  const l = level + 1;
  for (const container of containers) {
    const status = statuses?.find((s) => s.name === container.name);
    writer.row(l, `${container.name}:`);
    if (status?.containerID) writer.row(l + 1, 'Container ID:', status.containerID);
    writer.row(l + 1, 'Image:', container.image ?? '');
    if (status?.imageID) writer.row(l + 1, 'Image ID:', status.imageID);
    const ports = (container.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`);
    writer.row(l + 1, ports.length > 1 ? 'Ports:' : 'Port:', ports.join(', ') || '<none>');
    if (container.command) writer.row(l + 1, 'Command:', container.command.join(' '));
    if (container.args) writer.row(l + 1, 'Args:', container.args.join(' '));
    if (statuses) {
      writeState(writer, l + 1, 'State', status?.state);
      if (status?.lastState && Object.keys(status.lastState).length > 0)
        writeState(writer, l + 1, 'Last State', status.lastState);
      writer.row(l + 1, 'Ready:', status?.ready ? 'True' : 'False');
      writer.row(l + 1, 'Restart Count:', status?.restartCount ?? 0);
    }
    writeResources(writer, l + 1, 'Limits', container.resources?.limits);
    writeResources(writer, l + 1, 'Requests', container.resources?.requests);
    if (container.livenessProbe) writer.row(l + 1, 'Liveness:', probe(container.livenessProbe));
    if (container.readinessProbe) writer.row(l + 1, 'Readiness:', probe(container.readinessProbe));
    if (container.startupProbe) writer.row(l + 1, 'Startup:', probe(container.startupProbe));
    if (container.envFrom?.length) {
      writer.row(l + 1, 'Environment Variables from:');
      for (const source of container.envFrom) {
        const [name, type] = source.configMapRef
          ? [source.configMapRef.name, 'ConfigMap']
          : [source.secretRef?.name, 'Secret'];
        writer.row(l + 2, name ?? '', `${type}  Optional: false`);
      }
    }
    if (container.env?.length) {
      writer.row(l + 1, 'Environment:');
      for (const env of container.env) writer.row(l + 2, `${env.name}:`, envValue(env));
    } else writer.row(l + 1, 'Environment:', '<none>');
    if (container.volumeMounts?.length) {
      writer.row(l + 1, 'Mounts:');
      for (const m of container.volumeMounts) {
        const sub = m.subPath ? ` (path "${m.subPath}")` : '';
        writer.row(l + 2, `${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})${sub}`);
      }
    } else writer.row(l + 1, 'Mounts:', '<none>');
  }
}

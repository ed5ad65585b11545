import type { Container, Pod, Probe } from '@opsworker/agent/kube/kube-types.ts';
import type { CollectedObject } from '../../evidence/evidence-bundle.ts';
import type { BundleIndex } from '../bundle/bundle-index.ts';
import { type EventFact, recentEvents } from '../bundle/event-facts.ts';

export type ProbeKind = 'Readiness' | 'Liveness' | 'Startup';

/** A pod whose probe keeps failing, with the kubelet's event and the probed container. */
export interface ProbeFailure {
  pod: Pod;
  podEvidence: string;
  event: EventFact;
  container: Container | undefined;
  /** Position of the container in the pod spec, for JSON patches. */
  containerIndex: number;
  probe: Probe | undefined;
}

const PROBE_FIELD: Record<ProbeKind, 'readinessProbe' | 'livenessProbe' | 'startupProbe'> = {
  Readiness: 'readinessProbe',
  Liveness: 'livenessProbe',
  Startup: 'startupProbe',
};

/** Pods with recent `Unhealthy` events for this kind of probe. */
export function probeFailures(index: BundleIndex, kind: ProbeKind): ProbeFailure[] {
  const failures: ProbeFailure[] = [];
  const prefix = `${kind} probe failed`;
  for (const collected of index.ofKind('Pod') as CollectedObject[]) {
    const pod = collected.object as Pod;
    const subject = { kind: 'Pod', namespace: pod.metadata?.namespace, name: pod.metadata?.name ?? '' };
    const event = recentEvents(index, subject, ['Unhealthy']).findLast((e) => e.message.startsWith(prefix));
    if (!event) continue;
    const containers = pod.spec?.containers ?? [];
    const containerIndex = Math.max(
      0,
      containers.findIndex((c) => c[PROBE_FIELD[kind]] !== undefined),
    );
    const container = containers[containerIndex];
    failures.push({
      pod,
      podEvidence: collected.evidenceId,
      event,
      container,
      containerIndex,
      probe: container?.[PROBE_FIELD[kind]],
    });
  }
  return failures;
}

/** `GET /healthz on port 8081`, `TCP port 5432`, `exec [pg_isready]`. */
export function describeProbe(probe: Probe | undefined): string {
  if (probe?.httpGet) return `GET ${probe.httpGet.path ?? '/'} on port ${probe.httpGet.port ?? '?'}`;
  if (probe?.tcpSocket) return `TCP port ${probe.tcpSocket.port ?? '?'}`;
  if (probe?.exec) return `exec [${(probe.exec.command ?? []).join(' ')}]`;
  if (probe?.grpc) return `gRPC port ${probe.grpc.port ?? '?'}`;
  return 'its probe';
}

/** The container ports, as `8080 (http)`. */
export function declaredPorts(container: Container | undefined): string[] {
  return (container?.ports ?? []).map((p) =>
    p.name ? `${p.containerPort} (${p.name})` : `${p.containerPort}`,
  );
}

/** True when an HTTP or TCP probe targets a port the container does not declare. */
export function probesUndeclaredPort(container: Container | undefined, probe: Probe | undefined): boolean {
  const port = probe?.httpGet?.port ?? probe?.tcpSocket?.port;
  const ports = container?.ports ?? [];
  if (port === undefined || ports.length === 0) return false;
  return !ports.some((p) => p.containerPort === port || p.name === port);
}

import { relativeSeconds } from '../relative-time.ts';
import type { KubeObject } from '../types.ts';
import { hex16, uidOf } from './identity.ts';

export interface EventInput {
  reason: string;
  message: string;
  type?: 'Normal' | 'Warning';
  /** When it was first seen and last seen (relative, "-12m"). */
  first: string;
  last?: string;
  count?: number;
  /** Who reported it: kubelet (on a node), default-scheduler, deployment-controller, ... */
  component: string;
  host?: string;
  /** For container events: `spec.containers{app}`. */
  fieldPath?: string;
}

/**
 * A core/v1 Event about `subject`, named `<subject>.<16 hex>` like the ones the kubelet and
 * controllers record, with the involvedObject uid that `kubectl describe` matches on.
 */
export function event(subject: KubeObject, input: EventInput): KubeObject {
  const namespace = subject.metadata.namespace ?? 'default';
  const seed = `${subject.kind}/${namespace}/${subject.metadata.name}/${input.reason}/${input.message}/${input.first}`;
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: `${subject.metadata.name}.${eventSuffix(input.first, seed)}`,
      namespace,
      uid: uidOf('v1', 'Event', namespace, seed),
      creationTimestamp: input.first,
    },
    involvedObject: {
      kind: subject.kind,
      ...(subject.metadata.namespace ? { namespace: subject.metadata.namespace } : {}),
      name: subject.metadata.name,
      uid:
        subject.metadata.uid ??
        uidOf(subject.apiVersion, subject.kind, subject.metadata.namespace, subject.metadata.name),
      apiVersion: subject.apiVersion,
      ...(input.fieldPath ? { fieldPath: input.fieldPath } : {}),
    },
    reason: input.reason,
    message: input.message,
    source: { component: input.component, ...(input.host ? { host: input.host } : {}) },
    firstTimestamp: input.first,
    lastTimestamp: input.last ?? input.first,
    count: input.count ?? 1,
    type: input.type ?? 'Normal',
    eventTime: null,
    reportingComponent: input.component === 'kubelet' ? 'kubelet' : input.component,
    reportingInstance: input.host ?? '',
  };
}

/** A fixed epoch (in nanoseconds) the relative first-seen times count back from in event names. */
const NAME_EPOCH_NS = 1_800_000_000_000_000_000n;

// Real event names end in the hex of the first-seen time in nanoseconds, so that listing order
// (by name) follows time; the hash keeps two events of the same second apart.
function eventSuffix(first: string, seed: string): string {
  const offset = BigInt(Math.round((relativeSeconds(first) ?? 0) * 1e6)) * 1000n;
  const jitter = BigInt(Number.parseInt(hex16(seed).slice(0, 6), 16));
  return (NAME_EPOCH_NS + offset + jitter).toString(16);
}

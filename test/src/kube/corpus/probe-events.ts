import { event } from '../builders/events.ts';
import type { KubeObject } from '../types.ts';

export function podIpOf(pod: KubeObject): string {
  return (pod.status as { podIP?: string }).podIP ?? '';
}

export function probeEvent(
  pod: KubeObject,
  container: string,
  reason: 'Unhealthy' | 'Killing',
  message: string,
  count: number,
): KubeObject {
  return event(pod, {
    type: reason === 'Unhealthy' ? 'Warning' : 'Normal',
    reason,
    message,
    first: '-1h58m',
    last: '-9s',
    count,
    component: 'kubelet',
    host: (pod.spec as { nodeName: string }).nodeName,
    fieldPath: `spec.containers{${container}}`,
  });
}

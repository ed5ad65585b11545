import { onNode } from '../builders/base-nodes.ts';
import { exited, terminated } from '../builders/container-state.ts';
import { event } from '../builders/events.ts';
import type { PodRun } from '../builders/workloads.ts';
import type { KubeObject } from '../types.ts';

export const JOB_CONTROLLER = 'job-controller';

export function failedRun(node: number, start: string, end: string, exitCode = 1): PodRun {
  return { node: onNode(node), created: start, states: [terminated(exited(exitCode, start, end))] };
}

export function createdEvents(jobObject: KubeObject, pods: KubeObject[]): KubeObject[] {
  return pods.map((p) =>
    event(jobObject, {
      reason: 'SuccessfulCreate',
      message: `Created pod: ${p.metadata.name}`,
      first: p.metadata.creationTimestamp ?? '-1h',
      component: JOB_CONTROLLER,
    }),
  );
}

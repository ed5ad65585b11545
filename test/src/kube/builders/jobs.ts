import type { KubeObject } from '../types.ts';
import { controllerRef, nameSuffix, uidOf } from './identity.ts';
import { pod } from './pod.ts';
import { type PodTemplate, podTemplateObject, templateSpec } from './pod-template.ts';
import type { PodRun } from './workloads.ts';

/** How a job ended (or that it is still running). */
export type JobOutcome =
  | { kind: 'complete'; completedAt: string }
  | { kind: 'backoff-limit'; failedAt: string }
  | { kind: 'deadline'; failedAt: string }
  | { kind: 'running' };

export interface JobInput {
  namespace: string;
  name: string;
  created: string;
  template: PodTemplate;
  pods: PodRun[];
  outcome: JobOutcome;
  backoffLimit?: number;
  activeDeadlineSeconds?: number;
  /** The CronJob that created it. */
  owner?: KubeObject;
}

/** A Job with its pods, status counters and the conditions the job controller sets. */
export function job(input: JobInput): { job: KubeObject; pods: KubeObject[]; objects: KubeObject[] } {
  const uid = uidOf('batch/v1', 'Job', input.namespace, input.name);
  const jobLabels = {
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': input.name,
    'controller-uid': uid,
    'job-name': input.name,
  };
  const template: PodTemplate = {
    ...input.template,
    labels: { ...input.template.labels, ...jobLabels },
    restartPolicy: input.template.restartPolicy ?? 'Never',
  };
  const jobObject: KubeObject = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: input.name,
      namespace: input.namespace,
      uid,
      generation: 1,
      creationTimestamp: input.created,
      labels: { ...input.template.labels, ...jobLabels },
      ...(input.owner ? { ownerReferences: [controllerRef(input.owner)] } : {}),
    },
    spec: {
      parallelism: 1,
      completions: 1,
      ...(input.activeDeadlineSeconds ? { activeDeadlineSeconds: input.activeDeadlineSeconds } : {}),
      backoffLimit: input.backoffLimit ?? 6,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
      manualSelector: false,
      template: podTemplateObject(template),
      completionMode: 'NonIndexed',
      suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed',
    },
  };
  const pods = input.pods.map((run, i) =>
    pod({
      ...run,
      namespace: input.namespace,
      name: `${input.name}-${nameSuffix(`${input.name}/${i}`)}`,
      generateName: `${input.name}-`,
      template,
      owner: jobObject,
    }),
  );
  const failed = input.pods.filter((p) =>
    p.states.some((s) => s.kind === 'terminated' && s.termination.exitCode !== 0),
  ).length;
  const succeeded = input.outcome.kind === 'complete' ? 1 : 0;
  jobObject.status = {
    ...jobConditions(input.outcome),
    startTime: input.created,
    ...(input.outcome.kind === 'complete' ? { completionTime: input.outcome.completedAt } : {}),
    ...(input.outcome.kind === 'running' ? { active: 1 } : {}),
    ...(succeeded ? { succeeded } : {}),
    ...(failed ? { failed } : {}),
    terminating: 0,
    uncountedTerminatedPods: {},
    ready: input.outcome.kind === 'running' ? 1 : 0,
  };
  return { job: jobObject, pods, objects: [jobObject, ...pods] };
}

function jobConditions(outcome: JobOutcome): object {
  const both = (reason: string, message: string, at: string) => ({
    conditions: [
      { type: 'FailureTarget', status: 'True', lastProbeTime: at, lastTransitionTime: at, reason, message },
      { type: 'Failed', status: 'True', lastProbeTime: at, lastTransitionTime: at, reason, message },
    ],
  });
  switch (outcome.kind) {
    case 'complete':
      return {
        conditions: [
          {
            type: 'SuccessCriteriaMet',
            status: 'True',
            lastProbeTime: outcome.completedAt,
            lastTransitionTime: outcome.completedAt,
            reason: 'CompletionsReached',
            message: 'Reached expected number of succeeded pods',
          },
          {
            type: 'Complete',
            status: 'True',
            lastProbeTime: outcome.completedAt,
            lastTransitionTime: outcome.completedAt,
            reason: 'CompletionsReached',
            message: 'Reached expected number of succeeded pods',
          },
        ],
      };
    case 'backoff-limit':
      return both('BackoffLimitExceeded', 'Job has reached the specified backoff limit', outcome.failedAt);
    case 'deadline':
      return both('DeadlineExceeded', 'Job was active longer than specified deadline', outcome.failedAt);
    case 'running':
      return {};
  }
}

export interface CronJobInput {
  namespace: string;
  name: string;
  schedule: string;
  created: string;
  template: PodTemplate;
  lastScheduleTime?: string;
  lastSuccessfulTime?: string;
  backoffLimit?: number;
  activeDeadlineSeconds?: number;
  timeZone?: string;
}

/** A CronJob; create its jobs with `job({ owner: cron, ... })`. */
export function cronJob(input: CronJobInput): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: {
      name: input.name,
      namespace: input.namespace,
      uid: uidOf('batch/v1', 'CronJob', input.namespace, input.name),
      generation: 1,
      creationTimestamp: input.created,
      labels: input.template.labels,
    },
    spec: {
      schedule: input.schedule,
      ...(input.timeZone ? { timeZone: input.timeZone } : {}),
      concurrencyPolicy: 'Forbid',
      suspend: false,
      jobTemplate: {
        metadata: { labels: input.template.labels },
        spec: {
          backoffLimit: input.backoffLimit ?? 6,
          ...(input.activeDeadlineSeconds ? { activeDeadlineSeconds: input.activeDeadlineSeconds } : {}),
          template: {
            metadata: { labels: input.template.labels },
            spec: templateSpec({ ...input.template, restartPolicy: input.template.restartPolicy ?? 'Never' }),
          },
        },
      },
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
    },
    status: {
      ...(input.lastScheduleTime ? { lastScheduleTime: input.lastScheduleTime } : {}),
      ...(input.lastSuccessfulTime ? { lastSuccessfulTime: input.lastSuccessfulTime } : {}),
    },
  };
}

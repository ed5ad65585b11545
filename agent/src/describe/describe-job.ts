import { humanDuration, rfc1123z } from '../format/time-format.ts';
import type { KubeObject, PodTemplate } from '../kube/kube-types.ts';
import { labelSelectorString } from '../kube/label-selector.ts';
import { writeContainers } from './containers-section.ts';
import { controlledBy, type Describer, writeMetadata } from './describe-context.ts';
import { createDescribeWriter } from './describe-writer.ts';
import { writeEvents } from './events-section.ts';

type Job = KubeObject & {
  spec?: {
    parallelism?: number;
    completions?: number;
    completionMode?: string;
    backoffLimit?: number;
    activeDeadlineSeconds?: number;
    selector?: { matchLabels?: Record<string, string> };
    template?: PodTemplate;
  };
  status?: {
    startTime?: string;
    completionTime?: string;
    active?: number;
    succeeded?: number;
    failed?: number;
    conditions?: Array<{ type: string; status: string; reason?: string; message?: string }>;
  };
};

/** `kubectl describe job`: owner, parallelism, timing, pod statuses, failure conditions, template, events. */
export const describeJob: Describer = (object, related, now) => {
  const job = object as Job;
  const spec = job.spec ?? {};
  const status = job.status ?? {};
  const w = createDescribeWriter();
  writeMetadata(w, job);
  w.row(0, 'Selector:', labelSelectorString(spec.selector) || '<none>');
  const owner = controlledBy(job);
  if (owner) w.row(0, 'Controlled By:', owner);
  w.row(0, 'Parallelism:', spec.parallelism ?? 1);
  w.row(0, 'Completions:', spec.completions ?? '<unset>');
  w.row(0, 'Completion Mode:', spec.completionMode ?? 'NonIndexed');
  w.row(0, 'Backoff Limit:', spec.backoffLimit ?? 6);
  if (status.startTime) w.row(0, 'Start Time:', rfc1123z(status.startTime));
  if (status.completionTime) w.row(0, 'Completed At:', rfc1123z(status.completionTime));
  if (status.startTime) {
    const end = status.completionTime ? Date.parse(status.completionTime) : now;
    w.row(0, 'Duration:', humanDuration(end - Date.parse(status.startTime)));
  }
  if (spec.activeDeadlineSeconds) w.row(0, 'Active Deadline Seconds:', `${spec.activeDeadlineSeconds}s`);
  w.row(
    0,
    'Pods Statuses:',
    `${status.active ?? 0} Active / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed`,
  );
  for (const condition of status.conditions ?? []) {
    if (condition.status !== 'True') continue;
    w.row(
      0,
      'Condition:',
      `${condition.type}${condition.reason ? ` (${condition.reason})` : ''}${condition.message ? `: ${condition.message}` : ''}`,
    );
  }
  w.row(0, 'Pod Template:');
  w.map(1, 'Labels', spec.template?.metadata?.labels);
  writeContainers(w, 1, 'Containers', spec.template?.spec?.containers);
  writeEvents(w, related.events, now);
  return w.render();
};

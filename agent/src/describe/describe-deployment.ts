import { rfc1123z } from '../format/time-format.ts';
import type { Workload } from '../kube/kube-types.ts';
import { labelSelectorString } from '../kube/label-selector.ts';
import { writeContainers } from './containers-section.ts';
import { type Describer, writeMetadata } from './describe-context.ts';
import { createDescribeWriter } from './describe-writer.ts';
import { writeEvents } from './events-section.ts';
import { writeVolumes } from './volumes-section.ts';

const replicaSetLine = (rs: Workload) =>
  `${rs.metadata?.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`;

/** `kubectl describe deployment`: replicas, strategy, pod template, conditions, new and old ReplicaSets, events. */
export const describeDeployment: Describer = (object, related, now) => {
  const deployment = object as Workload;
  const spec = deployment.spec ?? {};
  const status = deployment.status ?? {};
  const w = createDescribeWriter();
  writeMetadata(w, deployment);
  w.row(0, 'CreationTimestamp:', rfc1123z(deployment.metadata?.creationTimestamp));
  w.row(0, 'Selector:', labelSelectorString(spec.selector) || '<none>');
  w.row(
    0,
    'Replicas:',
    `${spec.replicas ?? 1} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable`,
  );
  w.row(0, 'StrategyType:', spec.strategy?.type ?? 'RollingUpdate');
  w.row(0, 'MinReadySeconds:', spec.minReadySeconds ?? 0);
  const rolling = spec.strategy?.rollingUpdate;
  if (rolling)
    w.row(
      0,
      'RollingUpdateStrategy:',
      `${rolling.maxUnavailable ?? '25%'} max unavailable, ${rolling.maxSurge ?? '25%'} max surge`,
    );
  if (spec.paused) w.row(0, 'Paused:', 'true');
  w.row(0, 'Pod Template:');
  w.map(1, 'Labels', spec.template?.metadata?.labels);
  writeContainers(w, 1, 'Init Containers', spec.template?.spec?.initContainers);
  writeContainers(w, 1, 'Containers', spec.template?.spec?.containers);
  writeVolumes(w, spec.template?.spec?.volumes, 1);
  if (status.conditions?.length) {
    w.row(0, 'Conditions:');
    w.row(1, 'Type', 'Status', 'Reason');
    w.row(1, '----', '------', '------');
    for (const c of status.conditions) w.row(1, c.type, c.status, c.reason ?? '');
  }
  const revision = deployment.metadata?.annotations?.['deployment.kubernetes.io/revision'];
  const owned = (related.replicaSets ?? []).filter((rs) =>
    rs.metadata?.ownerReferences?.some((o) => o.uid === deployment.metadata?.uid),
  );
  const current = owned.find(
    (rs) => rs.metadata?.annotations?.['deployment.kubernetes.io/revision'] === revision,
  );
  const old = owned.filter((rs) => rs !== current && (rs.status?.replicas ?? 0) > 0);
  w.row(0, 'OldReplicaSets:', old.length ? old.map(replicaSetLine).join(', ') : '<none>');
  w.row(0, 'NewReplicaSet:', current ? replicaSetLine(current) : '<none>');
  writeEvents(w, related.events, now);
  return w.render();
};

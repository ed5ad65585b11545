import { age, rfc1123z } from '../format/time-format.ts';
import type { Pod } from '../kube/kube-types.ts';
import { writeContainers } from './containers-section.ts';
import {
  controlledBy,
  type Describer,
  tolerationText,
  writeLabelsAndAnnotations,
} from './describe-context.ts';
import { createDescribeWriter } from './describe-writer.ts';
import { writeEvents } from './events-section.ts';
import { writeVolumes } from './volumes-section.ts';

/** `kubectl describe pod`: identity, status, containers with state and last state, conditions, volumes, events. */
export const describePod: Describer = (object, related, now) => {
  const pod = object as Pod;
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  const w = createDescribeWriter();
  w.row(0, 'Name:', pod.metadata?.name ?? '');
  w.row(0, 'Namespace:', pod.metadata?.namespace ?? '');
  w.row(0, 'Priority:', spec.priority ?? 0);
  if (spec.priorityClassName) w.row(0, 'Priority Class Name:', spec.priorityClassName);
  w.row(0, 'Service Account:', spec.serviceAccountName ?? 'default');
  w.row(0, 'Node:', spec.nodeName ? `${spec.nodeName}${status.hostIP ? `/${status.hostIP}` : ''}` : '<none>');
  if (status.startTime) w.row(0, 'Start Time:', rfc1123z(status.startTime));
  writeLabelsAndAnnotations(w, pod);
  const deleting = pod.metadata?.deletionTimestamp;
  w.row(0, 'Status:', deleting ? `Terminating (lasts ${age(deleting, now)})` : (status.phase ?? 'Unknown'));
  if (status.reason) w.row(0, 'Reason:', status.reason);
  if (status.message) w.row(0, 'Message:', status.message);
  w.row(0, 'IP:', status.podIP ?? '');
  if (status.podIPs?.length) {
    w.row(0, 'IPs:');
    for (const ip of status.podIPs) w.row(1, 'IP:', ip.ip);
  } else w.row(0, 'IPs:', '<none>');
  const owner = controlledBy(pod);
  if (owner) w.row(0, 'Controlled By:', owner);
  writeContainers(w, 0, 'Init Containers', spec.initContainers, status.initContainerStatuses ?? []);
  writeContainers(w, 0, 'Containers', spec.containers, status.containerStatuses ?? []);
  if (status.conditions?.length) {
    w.row(0, 'Conditions:');
    w.row(1, 'Type', 'Status');
    for (const condition of status.conditions) w.row(1, condition.type, condition.status);
  }
  writeVolumes(w, spec.volumes);
  w.row(0, 'QoS Class:', status.qosClass ?? '');
  w.map(0, 'Node-Selectors', spec.nodeSelector);
  w.lines(0, 'Tolerations', (spec.tolerations ?? []).map(tolerationText));
  writeEvents(w, related.events, now);
  return w.render();
};

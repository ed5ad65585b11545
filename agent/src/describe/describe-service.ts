import type { KubeObject } from '../kube/kube-types.ts';
import { type Describer, writeMetadata } from './describe-context.ts';
import { createDescribeWriter } from './describe-writer.ts';
import { writeEvents } from './events-section.ts';

type ServicePort = {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: string;
  nodePort?: number;
};
type Service = KubeObject & {
  spec?: {
    type?: string;
    selector?: Record<string, string>;
    clusterIP?: string;
    clusterIPs?: string[];
    externalIPs?: string[];
    externalName?: string;
    ports?: ServicePort[];
    sessionAffinity?: string;
  };
  status?: { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string }> } };
};
type Endpoints = KubeObject & {
  subsets?: Array<{
    addresses?: Array<{ ip: string }>;
    notReadyAddresses?: Array<{ ip: string }>;
    ports?: Array<{ port: number }>;
  }>;
};

/** Ready endpoint addresses as `ip:port`; an empty list is the classic "selector matches no ready pod" clue. */
function endpointList(endpoints: Endpoints | undefined): string {
  const addresses = (endpoints?.subsets ?? []).flatMap((subset) =>
    (subset.addresses ?? []).flatMap((a) =>
      (subset.ports ?? [{ port: 0 }]).map((p) => (p.port ? `${a.ip}:${p.port}` : a.ip)),
    ),
  );
  return addresses.length ? addresses.join(',') : '<none>';
}

/** `kubectl describe service`: type, selector, IPs, ports with their endpoints, events. */
export const describeService: Describer = (object, related, now) => {
  const service = object as Service;
  const spec = service.spec ?? {};
  const w = createDescribeWriter();
  writeMetadata(w, service);
  w.row(
    0,
    'Selector:',
    Object.entries(spec.selector ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(',') || '<none>',
  );
  w.row(0, 'Type:', spec.type ?? 'ClusterIP');
  if (spec.externalName) w.row(0, 'External Name:', spec.externalName);
  w.row(0, 'IP:', spec.clusterIP ?? '<none>');
  if (spec.clusterIPs?.length) w.row(0, 'IPs:', spec.clusterIPs.join(','));
  if (spec.externalIPs?.length) w.row(0, 'External IPs:', spec.externalIPs.join(','));
  const ingress = service.status?.loadBalancer?.ingress ?? [];
  if (ingress.length)
    w.row(0, 'LoadBalancer Ingress:', ingress.map((i) => i.ip ?? i.hostname ?? '').join(', '));
  const endpoints = endpointList(related.endpoints as Endpoints | undefined);
  for (const port of spec.ports ?? []) {
    w.row(0, 'Port:', port.name ?? '<unset>', `${port.port}/${port.protocol ?? 'TCP'}`);
    w.row(0, 'TargetPort:', `${port.targetPort ?? port.port}/${port.protocol ?? 'TCP'}`);
    if (port.nodePort)
      w.row(0, 'NodePort:', port.name ?? '<unset>', `${port.nodePort}/${port.protocol ?? 'TCP'}`);
    w.row(0, 'Endpoints:', endpoints);
  }
  w.row(0, 'Session Affinity:', spec.sessionAffinity ?? 'None');
  writeEvents(w, related.events, now);
  return w.render();
};

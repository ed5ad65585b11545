import type { KubeObject } from '../types.ts';
import { firstOf, formatLabelSelector, formatLabels } from './format.ts';
import { since } from './human-duration.ts';
import { column, type TablePrinter } from './printer.ts';

interface ServiceShape {
  spec?: {
    type?: string;
    clusterIP?: string;
    externalIPs?: string[];
    externalName?: string;
    selector?: Record<string, string>;
    ports?: { port: number; nodePort?: number; protocol?: string }[];
  };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

interface EndpointsShape {
  subsets?: { addresses?: { ip: string }[]; ports?: { port: number }[] }[];
}

interface EndpointSliceShape {
  addressType?: string;
  ports?: { port?: number }[] | null;
  endpoints?: { addresses: string[] }[];
}

interface IngressShape {
  spec?: { ingressClassName?: string; rules?: { host?: string }[]; tls?: unknown[] };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

const age = (o: KubeObject, now: Date) => since(o.metadata.creationTimestamp, now);

function loadBalancerAddresses(ingress: { ip?: string; hostname?: string }[] | undefined): string[] {
  return (ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean);
}

function externalIp(service: ServiceShape): string {
  const spec = service.spec ?? {};
  switch (spec.type) {
    case 'LoadBalancer': {
      const ips = [
        ...loadBalancerAddresses(service.status?.loadBalancer?.ingress),
        ...(spec.externalIPs ?? []),
      ];
      return ips.length ? ips.join(',') : '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '<none>';
    default:
      return spec.externalIPs?.length ? spec.externalIPs.join(',') : '<none>';
  }
}

function servicePorts(service: ServiceShape): string {
  const ports = (service.spec?.ports ?? []).map((p) =>
    p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`,
  );
  return ports.length ? ports.join(',') : '<none>';
}

/** `kubectl get services`: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE. */
export const servicePrinter: TablePrinter = {
  columns: [
    column('Name'),
    column('Type'),
    column('Cluster-IP'),
    column('External-IP'),
    column('Port(s)'),
    column('Age'),
    column('Selector', 'string', 1),
  ],
  row: (o, now) => {
    const svc = o as unknown as ServiceShape;
    return [
      o.metadata.name,
      svc.spec?.type ?? 'ClusterIP',
      svc.spec?.clusterIP || '<none>',
      externalIp(svc),
      servicePorts(svc),
      age(o, now),
      formatLabels(svc.spec?.selector),
    ];
  },
};

/** `kubectl get endpoints`: NAME ENDPOINTS AGE, at most three addresses. */
export const endpointsPrinter: TablePrinter = {
  columns: [column('Name'), column('Endpoints'), column('Age')],
  row: (o, now) => {
    const addresses = ((o as unknown as EndpointsShape).subsets ?? []).flatMap((subset) => {
      const ports = subset.ports?.length ? subset.ports : [undefined];
      return ports.flatMap((port) =>
        (subset.addresses ?? []).map((a) => (port ? `${a.ip}:${port.port}` : a.ip)),
      );
    });
    return [o.metadata.name, addresses.length ? firstOf(addresses, 3) : '<none>', age(o, now)];
  },
};

/** `kubectl get endpointslices`: NAME ADDRESSTYPE PORTS ENDPOINTS AGE. */
export const endpointSlicePrinter: TablePrinter = {
  columns: [column('Name'), column('AddressType'), column('Ports'), column('Endpoints'), column('Age')],
  row: (o, now) => {
    const slice = o as unknown as EndpointSliceShape;
    const ports = (slice.ports ?? []).map((p) => (p.port === undefined ? '<unset>' : String(p.port)));
    const addresses = (slice.endpoints ?? []).flatMap((e) => e.addresses);
    return [
      o.metadata.name,
      slice.addressType ?? 'IPv4',
      ports.length ? firstOf(ports, 3) : '<unset>',
      addresses.length ? firstOf(addresses, 3) : '<unset>',
      age(o, now),
    ];
  },
};

/** `kubectl get ingresses`: NAME CLASS HOSTS ADDRESS PORTS AGE. */
export const ingressPrinter: TablePrinter = {
  columns: [
    column('Name'),
    column('Class'),
    column('Hosts'),
    column('Address'),
    column('Ports'),
    column('Age'),
  ],
  row: (o, now) => {
    const ing = o as unknown as IngressShape;
    const hosts = (ing.spec?.rules ?? []).map((r) => r.host || '*');
    return [
      o.metadata.name,
      ing.spec?.ingressClassName ?? '<none>',
      hosts.length ? firstOf(hosts, 4) : '*',
      loadBalancerAddresses(ing.status?.loadBalancer?.ingress).join(','),
      ing.spec?.tls?.length ? '80, 443' : '80',
      age(o, now),
    ];
  },
};

/** `kubectl get networkpolicies`: NAME POD-SELECTOR AGE. */
export const networkPolicyPrinter: TablePrinter = {
  columns: [column('Name'), column('Pod-Selector'), column('Age')],
  row: (o, now) => [
    o.metadata.name,
    formatLabelSelector(
      (o.spec as { podSelector?: { matchLabels?: Record<string, string> } } | undefined)?.podSelector,
    ),
    age(o, now),
  ],
};

import { parseLabelSelector } from '../label-selector.ts';
import type { KubeObject } from '../types.ts';
import { clusterIp, hex16, uidOf } from './identity.ts';

export interface ServiceInput {
  namespace: string;
  name: string;
  created: string;
  selector?: Record<string, string>;
  ports: {
    name?: string;
    port: number;
    targetPort?: number | string;
    protocol?: string;
    nodePort?: number;
  }[];
  type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  labels?: Record<string, string>;
  /** A headless service (clusterIP None), as StatefulSets use. */
  headless?: boolean;
  loadBalancerHostname?: string;
  /** A fixed ClusterIP (kube-dns is always 172.20.0.10 on EKS). */
  clusterIP?: string;
}

/** A Service with a ClusterIP from EKS's service range. */
export function service(input: ServiceInput): KubeObject {
  const ip = input.headless ? 'None' : (input.clusterIP ?? clusterIp(`${input.namespace}/${input.name}`));
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: input.name,
      namespace: input.namespace,
      uid: uidOf('v1', 'Service', input.namespace, input.name),
      creationTimestamp: input.created,
      ...(input.labels ? { labels: input.labels } : {}),
    },
    spec: {
      ports: input.ports.map((p) => ({
        ...(p.name ? { name: p.name } : {}),
        protocol: p.protocol ?? 'TCP',
        port: p.port,
        targetPort: p.targetPort ?? p.port,
        ...(p.nodePort ? { nodePort: p.nodePort } : {}),
      })),
      ...(input.selector ? { selector: input.selector } : {}),
      clusterIP: ip,
      clusterIPs: [ip],
      type: input.type ?? 'ClusterIP',
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
      ...(input.type === 'LoadBalancer'
        ? { externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true }
        : {}),
    },
    status: {
      loadBalancer: input.loadBalancerHostname ? { ingress: [{ hostname: input.loadBalancerHostname }] } : {},
    },
  };
}

interface PodFacts {
  pod: KubeObject;
  ip?: string;
  node?: string;
  ready: boolean;
  terminating: boolean;
}

/**
 * The Endpoints and EndpointSlice the endpoints controllers derive for a Service from the pods
 * its selector matches: ready pods as addresses, unready ones as notReadyAddresses, nothing
 * at all when no pod matches (the selector-mismatch case).
 */
export function endpointsFor(svc: KubeObject, pods: readonly KubeObject[], at: string): KubeObject[] {
  const spec = svc.spec as {
    selector?: Record<string, string>;
    ports: { name?: string; port: number; targetPort: number | string; protocol: string }[];
  };
  if (!spec.selector) return [];
  const selector = parseLabelSelector(
    Object.entries(spec.selector)
      .map(([k, v]) => `${k}=${v}`)
      .join(','),
  );
  const namespace = svc.metadata.namespace ?? 'default';
  const facts = pods
    .filter((p) => p.metadata.namespace === namespace && selector(p.metadata.labels))
    .map(factsOf)
    .filter((f) => f.ip);
  const ports = spec.ports.map((p) => ({
    ...(p.name ? { name: p.name } : {}),
    port: typeof p.targetPort === 'number' ? p.targetPort : p.port,
    protocol: p.protocol,
  }));
  const address = (f: PodFacts) => ({
    ip: f.ip,
    nodeName: f.node,
    targetRef: { kind: 'Pod', namespace, name: f.pod.metadata.name, uid: f.pod.metadata.uid },
  });
  const ready = facts.filter((f) => f.ready);
  const notReady = facts.filter((f) => !f.ready);
  const endpoints: KubeObject = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: svc.metadata.name,
      namespace,
      uid: uidOf('v1', 'Endpoints', namespace, svc.metadata.name),
      creationTimestamp: svc.metadata.creationTimestamp ?? at,
      labels: svc.metadata.labels ?? {},
      annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': at },
    },
    ...(facts.length
      ? {
          subsets: [
            {
              ...(ready.length ? { addresses: ready.map(address) } : {}),
              ...(notReady.length ? { notReadyAddresses: notReady.map(address) } : {}),
              ports,
            },
          ],
        }
      : {}),
  };
  const sliceName = `${svc.metadata.name}-${hex16(`${namespace}/${svc.metadata.name}`).slice(0, 5)}`;
  const slice: KubeObject = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: sliceName,
      generateName: `${svc.metadata.name}-`,
      namespace,
      uid: uidOf('discovery.k8s.io/v1', 'EndpointSlice', namespace, sliceName),
      creationTimestamp: svc.metadata.creationTimestamp ?? at,
      labels: {
        ...svc.metadata.labels,
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
        'kubernetes.io/service-name': svc.metadata.name,
      },
      annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': at },
      ownerReferences: [
        {
          apiVersion: 'v1',
          kind: 'Service',
          name: svc.metadata.name,
          uid: svc.metadata.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    addressType: 'IPv4',
    endpoints: facts.map((f) => ({
      addresses: [f.ip],
      conditions: { ready: f.ready, serving: f.ready, terminating: f.terminating },
      targetRef: { kind: 'Pod', namespace, name: f.pod.metadata.name, uid: f.pod.metadata.uid },
      nodeName: f.node,
    })),
    ports: facts.length ? ports : null,
  };
  return [endpoints, slice];
}

function factsOf(pod: KubeObject): PodFacts {
  const status = pod.status as
    | { podIP?: string; phase?: string; conditions?: { type: string; status: string }[] }
    | undefined;
  const ready = status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
  const live = status?.phase === 'Running' || status?.phase === 'Pending';
  return {
    pod,
    ...(status?.podIP && live ? { ip: status.podIP } : {}),
    node: (pod.spec as { nodeName?: string }).nodeName,
    ready,
    terminating: Boolean(pod.metadata.deletionTimestamp),
  };
}

export interface IngressInput {
  namespace: string;
  name: string;
  created: string;
  host: string;
  service: string;
  port: number;
  loadBalancerHostname: string;
}

/** An nginx-class Ingress routing one host to one service, with TLS. */
export function ingress(input: IngressInput): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: input.name,
      namespace: input.namespace,
      uid: uidOf('networking.k8s.io/v1', 'Ingress', input.namespace, input.name),
      generation: 1,
      creationTimestamp: input.created,
      annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt-prod' },
    },
    spec: {
      ingressClassName: 'nginx',
      tls: [{ hosts: [input.host], secretName: `${input.name}-tls` }],
      rules: [
        {
          host: input.host,
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: input.service, port: { number: input.port } } },
              },
            ],
          },
        },
      ],
    },
    status: { loadBalancer: { ingress: [{ hostname: input.loadBalancerHostname }] } },
  };
}

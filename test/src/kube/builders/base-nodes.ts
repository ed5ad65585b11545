import type { NodeRef } from './pod.ts';

/** The three worker nodes of the base cluster (one per zone, m6i.xlarge, EKS 1.31). */
export const NODES = [
  {
    name: 'ip-10-0-1-23.eu-west-1.compute.internal',
    ip: '10.0.1.23',
    zone: 'eu-west-1a',
    instanceId: 'i-0a1b2c3d4e5f60123',
  },
  {
    name: 'ip-10-0-2-45.eu-west-1.compute.internal',
    ip: '10.0.2.45',
    zone: 'eu-west-1b',
    instanceId: 'i-0b2c3d4e5f6a70245',
  },
  {
    name: 'ip-10-0-3-67.eu-west-1.compute.internal',
    ip: '10.0.3.67',
    zone: 'eu-west-1c',
    instanceId: 'i-0c3d4e5f6a7b80367',
  },
] as const;

/** Node i of the base cluster, as a pod's placement. */
export function onNode(i: number): NodeRef {
  const node = NODES[i % NODES.length] ?? NODES[0];
  return { name: node.name, ip: node.ip };
}

import { NODES, onNode } from '../builders/base-nodes.ts';
import { namespace, node, storageClass } from '../builders/cluster-objects.ts';
import { running } from '../builders/container-state.ts';
import { endpointsFor, service } from '../builders/service-objects.ts';
import { daemonSet } from '../builders/stateful-workloads.ts';
import { deployment } from '../builders/workloads.ts';
import type { KubeObject } from '../types.ts';

const ECR = '602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks';

/**
 * The cluster every scenario runs in: three healthy EKS 1.31 workers, the system namespaces,
 * CoreDNS behind kube-dns (172.20.0.10), kube-proxy, and the gp3 (default) and gp2 classes.
 */
export function baseClusterObjects(): KubeObject[] {
  const created = '-94d';
  const coredns = deployment({
    namespace: 'kube-system',
    name: 'coredns',
    replicas: 2,
    created,
    labels: { 'k8s-app': 'kube-dns', 'eks.amazonaws.com/component': 'coredns' },
    revisions: [
      {
        revision: 1,
        created,
        template: {
          labels: { 'k8s-app': 'kube-dns', 'eks.amazonaws.com/component': 'coredns' },
          serviceAccountName: 'coredns',
          priorityClassName: 'system-cluster-critical',
          containers: [
            {
              name: 'coredns',
              image: `${ECR}/coredns:v1.11.3-eksbuild.2`,
              args: ['-conf', '/etc/coredns/Corefile'],
              ports: [
                { containerPort: 53, name: 'dns', protocol: 'UDP' },
                { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
              ],
              resources: { requests: { cpu: '100m', memory: '70Mi' }, limits: { memory: '170Mi' } },
              readinessProbe: {
                httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' },
                periodSeconds: 10,
                timeoutSeconds: 1,
                successThreshold: 1,
                failureThreshold: 3,
              },
              livenessProbe: {
                httpGet: { path: '/health', port: 8080, scheme: 'HTTP' },
                initialDelaySeconds: 60,
                timeoutSeconds: 5,
                periodSeconds: 10,
                successThreshold: 1,
                failureThreshold: 5,
              },
            },
          ],
        },
        pods: [0, 1].map((i) => ({ node: onNode(i), created: '-12d', states: [running('-12d')] })),
      },
    ],
  });
  const kubeProxy = daemonSet(
    {
      namespace: 'kube-system',
      name: 'kube-proxy',
      created,
      startedAt: '-12d',
      nodes: [0, 1, 2].map(onNode),
      template: {
        labels: { 'k8s-app': 'kube-proxy' },
        serviceAccountName: 'kube-proxy',
        priorityClassName: 'system-node-critical',
        containers: [
          {
            name: 'kube-proxy',
            image: `${ECR}/kube-proxy:v1.31.3-minimal-eksbuild.2`,
            command: [
              'kube-proxy',
              '--v=2',
              '--config=/var/lib/kube-proxy-config/config',
              '--hostname-override=$(NODE_NAME)',
            ],
            resources: { requests: { cpu: '100m' } },
            securityContext: { privileged: true },
          },
        ],
      },
    },
    [running('-12d')],
  );
  const kubeDns = service({
    namespace: 'kube-system',
    name: 'kube-dns',
    created,
    clusterIP: '172.20.0.10',
    selector: { 'k8s-app': 'kube-dns' },
    labels: {
      'k8s-app': 'kube-dns',
      'kubernetes.io/cluster-service': 'true',
      'kubernetes.io/name': 'CoreDNS',
    },
    ports: [
      { name: 'dns', port: 53, protocol: 'UDP' },
      { name: 'dns-tcp', port: 53 },
      { name: 'metrics', port: 9153 },
    ],
  });
  return [
    ...['default', 'kube-system', 'kube-public', 'kube-node-lease'].map((n) => namespace(n, created)),
    ...NODES.map((n) => node({ ...n, created: '-12d' })),
    storageClass({
      name: 'gp3',
      provisioner: 'ebs.csi.aws.com',
      created,
      isDefault: true,
      parameters: { type: 'gp3', fsType: 'ext4' },
    }),
    storageClass({
      name: 'gp2',
      provisioner: 'kubernetes.io/aws-ebs',
      created,
      parameters: { type: 'gp2', fsType: 'ext4' },
    }),
    service({
      namespace: 'default',
      name: 'kubernetes',
      created,
      clusterIP: '172.20.0.1',
      labels: { component: 'apiserver', provider: 'kubernetes' },
      ports: [{ name: 'https', port: 443, targetPort: 443 }],
    }),
    kubeDns,
    ...endpointsFor(kubeDns, coredns.pods, '-12d'),
    ...coredns.objects,
    ...kubeProxy.objects,
  ];
}

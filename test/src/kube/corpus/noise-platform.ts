import { onNode } from '../builders/base-nodes.ts';
import { claim, volumeFor } from '../builders/cluster-objects.ts';
import { running } from '../builders/container-state.ts';
import { ScenarioBuilder, type ScenarioFiles } from '../builders/scenario-builder.ts';
import { service } from '../builders/service-objects.ts';
import { daemonSet, statefulSet } from '../builders/stateful-workloads.ts';
import { watchdog } from './alerts.ts';
import { simple, small } from './simple-deployment.ts';

export function platformNoise(): ScenarioFiles {
  const prom = statefulSet({
    namespace: 'monitoring',
    name: 'prometheus-kube-prometheus-stack-prometheus',
    serviceName: 'prometheus-operated',
    created: '-90d',
    template: {
      labels: {
        'app.kubernetes.io/name': 'prometheus',
        'operator.prometheus.io/name': 'kube-prometheus-stack-prometheus',
      },
      containers: [
        {
          name: 'prometheus',
          image: 'quay.io/prometheus/prometheus:v2.55.1',
          ports: [{ containerPort: 9090, name: 'http-web' }],
          resources: { requests: { cpu: '500m', memory: '2Gi' }, limits: { memory: '4Gi' } },
        },
        {
          name: 'config-reloader',
          image: 'quay.io/prometheus-operator/prometheus-config-reloader:v0.78.2',
          resources: { requests: { cpu: '10m', memory: '50Mi' }, limits: { cpu: '10m', memory: '50Mi' } },
        },
      ],
    },
    pods: [0, 1].map((i) => ({
      node: onNode(i),
      created: '-14d',
      states: [running('-14d'), running('-14d')],
    })),
    volumeClaimTemplates: [
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'prometheus-db' },
        spec: {
          accessModes: ['ReadWriteOnce'],
          storageClassName: 'gp3',
          resources: { requests: { storage: '100Gi' } },
          volumeMode: 'Filesystem',
        },
      },
    ],
  });
  const promClaims = [0, 1].map((i) =>
    claim({
      namespace: 'monitoring',
      name: `prometheus-db-prometheus-kube-prometheus-stack-prometheus-${i}`,
      created: '-90d',
      storage: '100Gi',
      storageClassName: 'gp3',
      volumeName: `pvc-0${i}a1b2c3-d4e5-4f60-8a9b-0c1d2e3f4a5b`,
    }),
  );
  const nodeExporter = daemonSet(
    {
      namespace: 'monitoring',
      name: 'kube-prometheus-stack-prometheus-node-exporter',
      created: '-90d',
      startedAt: '-12d',
      nodes: [0, 1, 2].map(onNode),
      template: {
        labels: { 'app.kubernetes.io/name': 'prometheus-node-exporter' },
        containers: [
          {
            name: 'node-exporter',
            image: 'quay.io/prometheus/node-exporter:v1.8.2',
            ports: [{ containerPort: 9100, name: 'http-metrics' }],
            resources: small,
          },
        ],
      },
    },
    [running('-12d')],
  );
  const controller = simple('ingress-nginx', 'ingress-nginx-controller', 2, [
    {
      name: 'controller',
      image: 'registry.k8s.io/ingress-nginx/controller:v1.11.3',
      ports: [
        { containerPort: 80, name: 'http' },
        { containerPort: 443, name: 'https' },
      ],
      resources: { requests: { cpu: '100m', memory: '90Mi' } },
    },
  ]);
  const builder = new ScenarioBuilder({
    name: 'noise-platform',
    description:
      'Healthy platform workloads: Prometheus (two containers per pod), Grafana, kube-state-metrics, node-exporter, ingress-nginx and cert-manager. Only the Watchdog alert fires.',
    namespace: 'monitoring',
    kind: 'noise',
    alert: watchdog(),
    expected: { category: 'no_problem_found', facts: [] },
    basedOn: 'HolmesGPT test_investigate/13_Watchdog',
  })
    .add(
      prom,
      promClaims,
      promClaims.map((c) => volumeFor(c, '-90d', 'eu-west-1a')),
      nodeExporter,
      controller,
    )
    .add(
      simple('monitoring', 'kube-prometheus-stack-grafana', 1, [
        {
          name: 'grafana',
          image: 'docker.io/grafana/grafana:11.3.1',
          ports: [{ containerPort: 3000, name: 'grafana' }],
          resources: small,
        },
      ]),
    )
    .add(
      simple('monitoring', 'kube-prometheus-stack-kube-state-metrics', 1, [
        {
          name: 'kube-state-metrics',
          image: 'registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.14.0',
          ports: [{ containerPort: 8080, name: 'http' }],
          resources: small,
        },
      ]),
    )
    .add(
      ['cert-manager', 'cert-manager-webhook', 'cert-manager-cainjector'].map((n) =>
        simple('cert-manager', n, 1, [
          {
            name: n.replace('cert-manager-', '') || 'cert-manager',
            image: `quay.io/jetstack/${n === 'cert-manager' ? 'cert-manager-controller' : n}:v1.16.2`,
            resources: small,
          },
        ]),
      ),
    )
    .add(
      service({
        namespace: 'monitoring',
        name: 'prometheus-operated',
        created: '-90d',
        headless: true,
        selector: { 'app.kubernetes.io/name': 'prometheus' },
        ports: [{ name: 'http-web', port: 9090 }],
      }),
    )
    .add(
      service({
        namespace: 'monitoring',
        name: 'kube-prometheus-stack-grafana',
        created: '-90d',
        selector: { 'app.kubernetes.io/name': 'kube-prometheus-stack-grafana' },
        ports: [{ name: 'http-web', port: 80, targetPort: 3000 }],
      }),
    )
    .add(
      service({
        namespace: 'ingress-nginx',
        name: 'ingress-nginx-controller',
        created: '-90d',
        type: 'LoadBalancer',
        loadBalancerHostname: 'a3f1c2e4b5d6.elb.eu-west-1.amazonaws.com',
        selector: { 'app.kubernetes.io/name': 'ingress-nginx-controller' },
        ports: [
          { name: 'http', port: 80, nodePort: 31080 },
          { name: 'https', port: 443, nodePort: 31443 },
        ],
      }),
    );
  builder.log(prom.pods[0]!, 'prometheus', [
    'level=info caller=main.go:1213 msg="Server is ready to receive web requests."',
    'level=info caller=main.go:1450 msg="Completed loading of configuration file" filename=/etc/prometheus/config_out/prometheus.env.yaml',
  ]);
  builder.log(prom.pods[0]!, 'config-reloader', [
    'level=info msg="Reload triggered" cfg_in=/etc/prometheus/config/prometheus.yaml.gz',
  ]);
  return builder.build();
}

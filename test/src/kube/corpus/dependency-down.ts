import { onNode } from '../builders/base-nodes.ts';
import { claim, volumeFor } from '../builders/cluster-objects.ts';
import { crashLoop, exited, running } from '../builders/container-state.ts';
import { crashLoopEvents } from '../builders/event-patterns.ts';
import { clusterIp } from '../builders/identity.ts';
import { ScenarioBuilder, type ScenarioFiles } from '../builders/scenario-builder.ts';
import { service } from '../builders/service-objects.ts';
import { statefulSet } from '../builders/stateful-workloads.ts';
import { deployment } from '../builders/workloads.ts';
import type { KubeObject } from '../types.ts';
import { kubeDeploymentReplicasMismatch } from './alerts.ts';
import { podIpOf, probeEvent } from './probe-events.ts';

export function dependencyDownScenario(): ScenarioFiles {
  const ns = 'shop';
  const dbIp = clusterIp(`${ns}/cart-db`);
  const readiness = {
    httpGet: { path: '/healthz/ready', port: 8080, scheme: 'HTTP' },
    periodSeconds: 10,
    timeoutSeconds: 2,
    successThreshold: 1,
    failureThreshold: 3,
  };
  const api = deployment({
    namespace: ns,
    name: 'cart-api',
    replicas: 3,
    created: '-30d',
    revisions: [
      {
        revision: 6,
        created: '-3d',
        template: {
          labels: { app: 'cart-api' },
          containers: [
            {
              name: 'cart-api',
              image: 'ghcr.io/acme/cart-api:3.9.1',
              ports: [{ containerPort: 8080, name: 'http' }],
              readinessProbe: readiness,
              resources: { requests: { cpu: '200m', memory: '256Mi' }, limits: { memory: '512Mi' } },
              env: [{ name: 'DB_HOST', value: 'cart-db.shop.svc.cluster.local' }],
            },
          ],
        },
        pods: [0, 1, 2].map((i) => ({
          node: onNode(i),
          created: '-3d',
          states: [running('-3d', { ready: false })],
        })),
      },
    ],
  });
  const db = statefulSet({
    namespace: ns,
    name: 'cart-db',
    serviceName: 'cart-db',
    created: '-30d',
    template: {
      labels: { app: 'cart-db' },
      containers: [
        {
          name: 'postgres',
          image: 'postgres:16.6',
          ports: [{ containerPort: 5432, name: 'postgres' }],
          resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '2Gi' } },
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
        },
      ],
    },
    pods: [{ node: onNode(1), created: '-30d', states: [crashLoop(23, exited(1, '-2m30s', '-2m28s'))] }],
    volumeClaimTemplates: [
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'data' },
        spec: {
          accessModes: ['ReadWriteOnce'],
          storageClassName: 'gp3',
          resources: { requests: { storage: '10Gi' } },
          volumeMode: 'Filesystem',
        },
      },
    ],
  });
  const pvc = claim({
    namespace: ns,
    name: 'data-cart-db-0',
    created: '-30d',
    storage: '10Gi',
    storageClassName: 'gp3',
    volumeName: 'pvc-3f6c1e2d-8a9b-4c7d-9e0f-1a2b3c4d5e6f',
    labels: { app: 'cart-db' },
  });
  const dbPod = db.pods[0]!;
  const apiLog = (pod: KubeObject) => [
    'cart-api 3.9.1 listening on :8080',
    ...Array.from({ length: 6 }, () => [
      `ERROR db pool: failed to connect to \`host=cart-db.shop.svc.cluster.local user=cart database=cart\`: dial error (dial tcp ${dbIp}:5432: connect: connection refused)`,
      `${podIpOf(pod).replace(/\.\d+$/, '.1')} - - "GET /healthz/ready HTTP/1.1" 503 78 "-" "kube-probe/1.31"`,
    ]).flat(),
  ];
  const dbLog = [
    'PostgreSQL Database directory appears to contain a database; Skipping initialization',
    '',
    'LOG:  starting PostgreSQL 16.6 (Debian 16.6-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit',
    'LOG:  listening on IPv4 address "0.0.0.0", port 5432',
    'LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"',
    'LOG:  database system was interrupted; last known up at 2 hours ago',
    'LOG:  database system was not properly shut down; automatic recovery in progress',
    'LOG:  redo starts at 3/5A0001E8',
    'PANIC:  could not write to file "pg_wal/xlogtemp.31": No space left on device',
    'LOG:  startup process (PID 31) was terminated by signal 6: Aborted',
    'LOG:  aborting startup due to startup process failure',
    'LOG:  database system is shut down',
  ];
  const builder = new ScenarioBuilder({
    name: 'readiness-dependency-down',
    description:
      'cart-api pods fail readiness (503) because their database cart-db is down; cart-db-0 itself crash-loops because its 10Gi volume is full (No space left on device).',
    namespace: ns,
    kind: 'failure',
    alert: kubeDeploymentReplicasMismatch(ns, 'cart-api'),
    expected: {
      category: 'dependency_down',
      resource: 'statefulset/cart-db',
      facts: ['cart-db', 'No space left on device'],
    },
    basedOn: 'HolmesGPT test_ask_holmes/15_failed_readiness_probe',
  })
    .add(api, db, pvc, volumeFor(pvc, '-30d', 'eu-west-1b'))
    .add(
      service({
        namespace: ns,
        name: 'cart-api',
        created: '-30d',
        selector: { app: 'cart-api' },
        ports: [{ name: 'http', port: 80, targetPort: 8080 }],
      }),
    )
    .add(
      service({
        namespace: ns,
        name: 'cart-db',
        created: '-30d',
        selector: { app: 'cart-db' },
        ports: [{ name: 'postgres', port: 5432 }],
      }),
    )
    .add(
      api.pods.map((p) =>
        probeEvent(
          p,
          'cart-api',
          'Unhealthy',
          'Readiness probe failed: HTTP probe failed with statuscode: 503',
          702,
        ),
      ),
    )
    .add(
      crashLoopEvents(dbPod, 'postgres', { since: '-1h58m', lastStart: '-2m30s', count: 24, backOffs: 511 }),
    )
    .log(dbPod, 'postgres', dbLog, { previous: true });
  for (const p of api.pods) builder.log(p, 'cart-api', apiLog(p));
  return builder.build();
}

import { exited } from '../builders/container-state.ts';
import { scaledEvent } from '../builders/event-patterns.ts';
import { clusterIp } from '../builders/identity.ts';
import { ScenarioBuilder, type ScenarioFiles } from '../builders/scenario-builder.ts';
import { service } from '../builders/service-objects.ts';
import { deployment } from '../builders/workloads.ts';
import { kubePodCrashLooping } from './alerts.ts';
import { crashEvents, crashingDeployment } from './crashing-deployment.ts';

export function missingEnvScenario(): ScenarioFiles {
  const ns = 'payments';
  const password = 'Pg!9vX2#payments-prod-2024';
  const bundle = crashingDeployment(
    ns,
    'payment-worker',
    {
      name: 'payment-worker',
      image: 'ghcr.io/acme/payment-worker:2.8.0',
      resources: { requests: { cpu: '100m', memory: '192Mi' }, limits: { memory: '384Mi' } },
      env: [
        { name: 'NODE_ENV', value: 'production' },
        { name: 'DB_HOST', value: 'payments-db.payments.svc.cluster.local' },
        { name: 'DB_USER', value: 'payments' },
        { name: 'DB_PASSWORD', value: password },
        { name: 'QUEUE_URL', value: 'https://sqs.eu-west-1.amazonaws.com/123456789012/payments-events' },
      ],
    },
    exited(1, '-3m41s', '-3m40s'),
  );
  const log = [
    '',
    '> payment-worker@2.8.0 start',
    '> node dist/main.js',
    '',
    '{"level":"info","pid":1,"msg":"payment-worker 2.8.0 starting (NODE_ENV=production)"}',
    '{"level":"info","pid":1,"msg":"loading configuration from environment"}',
    '/app/dist/config.js:18',
    "    throw new Error('Missing required environment variable: ' + name);",
    '    ^',
    '',
    'Error: Missing required environment variable: STRIPE_API_BASE',
    '    at requireEnv (/app/dist/config.js:18:11)',
    '    at Object.<anonymous> (/app/dist/config.js:31:19)',
    '    at Module._compile (node:internal/modules/cjs/loader:1554:14)',
    '    at Object..js (node:internal/modules/cjs/loader:1706:10)',
    '    at Module.load (node:internal/modules/cjs/loader:1289:32)',
    '',
    'Node.js v22.12.0',
  ];
  return new ScenarioBuilder({
    name: 'crash-loop-missing-env',
    description:
      'payment-worker exits 1 at startup because STRIPE_API_BASE is not set in its environment. DB_PASSWORD is a literal env value.',
    namespace: ns,
    kind: 'failure',
    alert: kubePodCrashLooping(ns, bundle.pods[0]!.metadata.name, 'payment-worker'),
    expected: {
      category: 'crash_loop_config',
      resource: 'deployment/payment-worker',
      facts: ['STRIPE_API_BASE'],
    },
    plantedSecrets: [password],
    basedOn: 'HolmesGPT test_investigate/11_KubePodCrashLooping (payment-processing-worker, missing env var)',
  })
    .add(bundle, crashEvents(bundle, 'payment-worker'))
    .log(bundle.pods[0]!, 'payment-worker', log, { previous: true })
    .log(bundle.pods[1]!, 'payment-worker', log, { previous: true })
    .build();
}

export function dependencyRefusedScenario(): ScenarioFiles {
  const ns = 'inventory';
  const password = 'Inv3ntory-Pg-Pass!';
  const cacheIp = clusterIp(`${ns}/inventory-cache`);
  const api = crashingDeployment(
    ns,
    'inventory-api',
    {
      name: 'inventory-api',
      image: 'ghcr.io/acme/inventory-api:5.3.0',
      ports: [{ containerPort: 3000, name: 'http' }],
      resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
      env: [
        { name: 'REDIS_URL', value: 'redis://inventory-cache.inventory.svc.cluster.local:6379/0' },
        { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'inventory-db', key: 'url' } } },
      ],
    },
    exited(1, '-3m52s', '-3m41s'),
  );
  const cache = deployment({
    namespace: ns,
    name: 'inventory-cache',
    replicas: 0,
    created: '-41d',
    revisions: [
      {
        revision: 3,
        created: '-41d',
        template: {
          labels: { app: 'inventory-cache' },
          containers: [
            {
              name: 'redis',
              image: 'redis:7.4.1-alpine',
              ports: [{ containerPort: 6379, name: 'redis' }],
              resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
            },
          ],
        },
        pods: [],
      },
    ],
  });
  const log = [
    'inventory-api 5.3.0 (node v22.12.0) starting',
    `connecting to postgres: postgres://inventory:${password}@inventory-db.inventory.svc.cluster.local:5432/inventory`,
    'postgres pool ready (max=20)',
    'connecting to redis at inventory-cache.inventory.svc.cluster.local:6379',
    ...[1, 2, 3, 4, 5].map(
      (n) => `[ioredis] Unhandled error event: Error: connect ECONNREFUSED ${cacheIp}:6379 (attempt ${n}/5)`,
    ),
    `fatal: cache unavailable after 5 attempts: connect ECONNREFUSED ${cacheIp}:6379`,
    '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16)',
  ];
  const builder = new ScenarioBuilder({
    name: 'crash-loop-dependency',
    description:
      'inventory-api exits because Redis refuses connections: the inventory-cache deployment was scaled to 0 replicas 47 minutes ago.',
    namespace: ns,
    kind: 'failure',
    alert: kubePodCrashLooping(ns, api.pods[0]!.metadata.name, 'inventory-api'),
    expected: {
      category: 'crash_loop_dependency',
      resource: 'deployment/inventory-cache',
      facts: ['ECONNREFUSED', 'inventory-cache'],
    },
    plantedSecrets: [password],
  })
    .add(api, crashEvents(api, 'inventory-api'), cache)
    .add(scaledEvent(cache.workload, cache.replicaSets[0]!, 1, 0, '-47m'))
    .add(
      service({
        namespace: ns,
        name: 'inventory-cache',
        created: '-41d',
        selector: { app: 'inventory-cache' },
        ports: [{ name: 'redis', port: 6379 }],
      }),
    )
    .add(
      service({
        namespace: ns,
        name: 'inventory-api',
        created: '-41d',
        selector: { app: 'inventory-api' },
        ports: [{ name: 'http', port: 80, targetPort: 3000 }],
      }),
    );
  for (const p of api.pods) builder.log(p, 'inventory-api', log, { previous: true });
  return builder.build();
}

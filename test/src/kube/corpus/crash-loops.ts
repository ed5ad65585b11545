import { exited, oomKilled } from '../builders/container-state.ts';
import { ScenarioBuilder, type ScenarioFiles } from '../builders/scenario-builder.ts';
import { service } from '../builders/service-objects.ts';
import { kubePodCrashLooping } from './alerts.ts';
import { crashEvents, crashingDeployment } from './crashing-deployment.ts';

export function oomKilledScenario(): ScenarioFiles {
  const ns = 'analytics';
  const bundle = crashingDeployment(
    ns,
    'report-exporter',
    {
      name: 'report-exporter',
      image: 'ghcr.io/acme/report-exporter:4.2.1',
      command: ['java', '-XX:MaxRAMPercentage=90', '-jar', '/app/report-exporter.jar'],
      ports: [{ containerPort: 8080, name: 'http' }],
      resources: { requests: { cpu: '200m', memory: '256Mi' }, limits: { memory: '256Mi' } },
      env: [
        { name: 'EXPORT_BATCH_SIZE', value: '50000' },
        { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
      ],
    },
    oomKilled('-4m22s', '-3m41s'),
  );
  const [first] = bundle.pods;
  const log = [
    '  .   ____          _            __ _ _',
    ' :: Spring Boot ::                (v3.3.5)',
    'INFO 1 --- [report-exporter] [main] c.a.r.ReportExporterApplication : Starting ReportExporterApplication v4.2.1 using Java 21.0.5',
    'INFO 1 --- [report-exporter] [main] c.a.r.ReportExporterApplication : The following 1 profile is active: "prod"',
    "INFO 1 --- [report-exporter] [main] o.s.b.w.embedded.tomcat.TomcatWebServer : Tomcat started on port 8080 (http) with context path '/'",
    'INFO 1 --- [report-exporter] [scheduling-1] c.a.r.export.BatchExporter : Loading export batch size=50000 from warehouse.orders_daily',
    'INFO 1 --- [report-exporter] [scheduling-1] c.a.r.export.BatchExporter : Materialized 50000 rows into memory (heap used 171 MB)',
    'INFO 1 --- [report-exporter] [scheduling-1] c.a.r.export.BatchExporter : Rendering XLSX workbook for 50000 rows',
    'WARN 1 --- [report-exporter] [scheduling-1] c.a.r.export.BatchExporter : Heap usage 224 MB of 230 MB max',
  ];
  return new ScenarioBuilder({
    name: 'oom-killed',
    description:
      'report-exporter is OOMKilled (exit 137) on every export batch: the JVM heap grows past the 256Mi memory limit.',
    namespace: ns,
    kind: 'failure',
    alert: kubePodCrashLooping(ns, first!.metadata.name, 'report-exporter'),
    expected: {
      category: 'oom_killed',
      resource: 'deployment/report-exporter',
      facts: ['OOMKilled', '137', '256Mi'],
    },
    basedOn: 'HolmesGPT test_investigate/01_oom_kill',
  })
    .add(bundle, crashEvents(bundle, 'report-exporter'))
    .add(
      service({
        namespace: ns,
        name: 'report-exporter',
        created: '-6d',
        selector: { app: 'report-exporter' },
        ports: [{ name: 'http', port: 80, targetPort: 8080 }],
      }),
    )
    .log(bundle.pods[0]!, 'report-exporter', log, { previous: true })
    .log(bundle.pods[1]!, 'report-exporter', log, { previous: true })
    .metrics({
      pods: bundle.pods.map((p) => ({
        namespace: ns,
        name: p.metadata.name,
        containers: [{ name: 'report-exporter', cpu: '912m', memory: '251Mi' }],
      })),
      nodes: [],
    })
    .build();
}

export function panicScenario(): ScenarioFiles {
  const ns = 'orders';
  const bundle = crashingDeployment(
    ns,
    'order-router',
    {
      name: 'order-router',
      image: 'ghcr.io/acme/order-router:1.14.2',
      ports: [
        { containerPort: 8080, name: 'http' },
        { containerPort: 9090, name: 'metrics' },
      ],
      resources: { requests: { cpu: '250m', memory: '128Mi' }, limits: { cpu: '1', memory: '256Mi' } },
      env: [
        { name: 'KAFKA_BROKERS', value: 'kafka-0.kafka-headless.orders.svc:9092' },
        { name: 'RULES_PATH', value: '/etc/order-router/rules.yaml' },
      ],
    },
    exited(2, '-3m44s', '-3m41s'),
    3,
  );
  const log = [
    'level=info msg="starting order-router" version=1.14.2 commit=9f3c2ab go=go1.23.4',
    'level=info msg="connected to kafka" brokers=kafka-0.kafka-headless.orders.svc:9092 topic=orders.v2',
    'level=warn msg="routing rules file has no default route" path=/etc/order-router/rules.yaml',
    'panic: runtime error: invalid memory address or nil pointer dereference',
    '[signal SIGSEGV: segmentation violation code=0x1 addr=0x28 pc=0x8c7f1a]',
    '',
    'goroutine 1 [running]:',
    'github.com/acme/order-router/internal/rules.(*Table).Resolve(0x0, {0xc0001a4000, 0x7})',
    '\t/src/internal/rules/table.go:88 +0x3a',
    'github.com/acme/order-router/internal/router.New(0xc00012e0f0, 0xc000136000)',
    '\t/src/internal/router/router.go:41 +0x1c5',
    'main.main()',
    '\t/src/cmd/order-router/main.go:63 +0x4d2',
  ];
  const builder = new ScenarioBuilder({
    name: 'crash-loop-panic',
    description:
      'order-router 1.14.2 panics with a nil pointer dereference while loading routing rules (exit code 2).',
    namespace: ns,
    kind: 'failure',
    alert: kubePodCrashLooping(ns, bundle.pods[0]!.metadata.name, 'order-router'),
    expected: {
      category: 'crash_loop_panic',
      resource: 'deployment/order-router',
      facts: ['nil pointer dereference'],
    },
  }).add(bundle, crashEvents(bundle, 'order-router'));
  for (const p of bundle.pods) builder.log(p, 'order-router', log, { previous: true });
  return builder.build();
}

export function permissionDeniedScenario(): ScenarioFiles {
  const ns = 'media';
  const bundle = crashingDeployment(
    ns,
    'thumbnailer',
    {
      name: 'thumbnailer',
      image: 'ghcr.io/acme/thumbnailer:3.0.0',
      ports: [{ containerPort: 8000, name: 'http' }],
      resources: { requests: { cpu: '200m', memory: '256Mi' }, limits: { memory: '512Mi' } },
      env: [{ name: 'CACHE_DIR', value: '/var/cache/thumbnailer' }],
      securityContext: {
        runAsNonRoot: true,
        runAsUser: 10001,
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
      },
    },
    exited(1, '-3m42s', '-3m41s'),
  );
  const log = [
    '[INFO] thumbnailer 3.0.0 starting with 4 workers (uid=10001)',
    'Traceback (most recent call last):',
    '  File "/app/thumbnailer/__main__.py", line 12, in <module>',
    '    main()',
    '  File "/app/thumbnailer/server.py", line 57, in main',
    '    cache = DiskCache(settings.CACHE_DIR)',
    '  File "/app/thumbnailer/cache.py", line 21, in __init__',
    '    os.makedirs(path, exist_ok=True)',
    '  File "<frozen os>", line 225, in makedirs',
    "PermissionError: [Errno 13] Permission denied: '/var/cache/thumbnailer'",
  ];
  const builder = new ScenarioBuilder({
    name: 'crash-loop-permission',
    description:
      'thumbnailer 3.0.0 runs as uid 10001 with a read-only root filesystem and dies creating its cache directory.',
    namespace: ns,
    kind: 'failure',
    alert: kubePodCrashLooping(ns, bundle.pods[0]!.metadata.name, 'thumbnailer'),
    expected: {
      category: 'crash_loop_permission',
      resource: 'deployment/thumbnailer',
      facts: ['Permission denied', '/var/cache/thumbnailer'],
    },
  }).add(bundle, crashEvents(bundle, 'thumbnailer'));
  for (const p of bundle.pods) builder.log(p, 'thumbnailer', log, { previous: true });
  return builder.build();
}

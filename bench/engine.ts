/**
 * The investigation engine end to end (`npm run bench -- engine`), deterministic (no model), on
 * the simulated cluster through the real agent, with the failing scenario inside a namespace of
 * 500 healthy pods (every namespace-wide read is as big as in a busy production namespace):
 * - latency from the Alertmanager webhook to the report being stored, over 30 investigations;
 * - a storm of 1,000 alerts about one failing Deployment within 10 s: one investigation, every
 *   alert attached to it, and how long the report took.
 */
import type { Investigation } from '@opsworker/shared';
import type { EventBus } from '../cloud/src/events/event-bus.ts';
import {
  investigateEveryAlert,
  type SimulatedStack,
  startSimulatedStack,
} from '../test/src/engine-e2e/simulated-stack.ts';
import { generateBusyNamespace } from '../test/src/kube/busy-namespace.ts';
import { alertmanagerPayload } from '../test/src/support/alertmanager-payload.ts';
import type { BenchResult } from './support/bench-result.ts';
import { median, percentile, round } from './support/stats.ts';

const NAMESPACE = 'inventory';
const SCENARIO = 'crash-loop-dependency';
const WARM_UP = 3;
const RUNS = 30;
const STORM_ALERTS = 1_000;
const STORM_SECONDS = 10;

const deploymentAlert = (status: 'firing' | 'resolved' = 'firing') => ({
  status,
  labels: {
    alertname: 'KubeDeploymentReplicasMismatch',
    severity: 'warning',
    cluster: 'prod-eu-west-1',
    namespace: NAMESPACE,
    deployment: 'inventory-api',
  },
});

function startStack(): Promise<SimulatedStack> {
  // The busy namespace's own Namespace object would replace the scenario's: it is the same namespace.
  const busy = generateBusyNamespace({ namespace: NAMESPACE, pods: 500 }).filter(
    (o) => o.kind !== 'Namespace',
  );
  return startSimulatedStack({ scenarios: [SCENARIO], objects: busy });
}

/** Resolves with the first investigation published that matches, and when (performance.now()). */
function nextInvestigation(
  bus: EventBus,
  matches: (investigation: Investigation) => boolean,
): Promise<{ investigation: Investigation; at: number }> {
  return new Promise((resolve) => {
    const unsubscribe = bus.subscribe('default', (event) => {
      if (event.type !== 'investigation' || !matches(event.investigation)) return;
      unsubscribe();
      resolve({ investigation: event.investigation, at: performance.now() });
    });
  });
}

/** Fire, wait for the report, resolve, wait for the resolution: one investigation per round. */
async function latencies(stack: SimulatedStack): Promise<{ times: number[]; operations: number[] }> {
  const { client, server } = stack;
  const times: number[] = [];
  const operations: number[] = [];
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    const reported = nextInvestigation(server.bus, (i) => i.status === 'completed' && !i.resolvedAt);
    const started = performance.now();
    await client.webhook('alertmanager', alertmanagerPayload([deploymentAlert()]));
    const { investigation, at } = await reported;
    if (run >= WARM_UP) times.push(at - started);
    // The worker stores every step (the collection summary among them) before the report.
    const collected = (await server.store.listTimeline('default', investigation.id)).find((e) =>
      e.message.startsWith('Collected '),
    );
    operations.push(Number(collected?.data?.operations ?? 0));
    const resolved = nextInvestigation(server.bus, (i) => i.id === investigation.id && Boolean(i.resolvedAt));
    await client.webhook('alertmanager', alertmanagerPayload([deploymentAlert('resolved')]));
    await resolved;
  }
  return { times, operations };
}

/** Alerts about the Deployment's pods (names in its pattern) and the Deployment itself, all distinct. */
function stormAlert(index: number) {
  if (index === 0) return deploymentAlert();
  const suffix = index.toString(36).padStart(5, '0');
  const names = ['KubePodCrashLooping', 'KubePodNotReady', 'KubeContainerWaiting'];
  return {
    labels: {
      alertname: names[index % names.length] ?? 'KubePodCrashLooping',
      severity: 'warning',
      cluster: 'prod-eu-west-1',
      namespace: NAMESPACE,
      pod: `inventory-api-ld7zrxkltb-${suffix}`,
      container: 'inventory-api',
    },
  };
}

async function storm(stack: SimulatedStack) {
  const { client, server } = stack;
  const reported = nextInvestigation(server.bus, (i) => i.status === 'completed');
  const started = performance.now();
  const sends: Promise<Response>[] = [];
  for (let i = 0; i < STORM_ALERTS; i++) {
    const due = started + (i * STORM_SECONDS * 1000) / STORM_ALERTS;
    if (due > performance.now()) await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
    sends.push(client.webhook('alertmanager', alertmanagerPayload([stormAlert(i)])));
  }
  const responses = await Promise.all(sends);
  const sentMs = performance.now() - started;
  const report = await reported;
  const reportMs = report.at - started;
  await server.pipeline.idle();
  await server.queue.idle();
  await server.worker.close();
  const { items } = await server.store.listInvestigations('default', { limit: 500 });
  const stored = items[0];
  const alerts = [];
  for (let cursor: string | undefined, first = true; first || cursor; first = false) {
    const page = await server.store.listAlerts('default', { limit: 500, ...(cursor ? { cursor } : {}) });
    alerts.push(...page.items);
    cursor = page.nextCursor;
  }
  return {
    accepted: responses.filter((r) => r.status === 202).length,
    sentMs,
    reportMs,
    investigations: items.length,
    attached: stored?.alertIds.length ?? 0,
    linked: alerts.filter((a) => a.investigationId === stored?.id).length,
    stillCompleted: stored?.status === 'completed' && Boolean(stored.report),
  };
}

export async function run(): Promise<BenchResult[]> {
  let stack = await startStack();
  let measured: Awaited<ReturnType<typeof latencies>>;
  try {
    await investigateEveryAlert(stack.client);
    measured = await latencies(stack);
  } finally {
    await stack.stop();
  }
  stack = await startStack();
  let stormed: Awaited<ReturnType<typeof storm>>;
  try {
    stormed = await storm(stack);
  } finally {
    await stack.stop();
  }
  const p50 = percentile(measured.times, 50);
  const p99 = percentile(measured.times, 99);
  const detail = `${RUNS} investigations of ${SCENARIO} in a namespace of 500 pods, webhook → report stored; ${median(measured.operations)} agent operations each (median)`;
  return [
    {
      name: 'engine: alert → report stored, p50',
      value: round(p50, 1),
      unit: 'ms',
      target: '≤ 300 ms',
      met: p50 <= 300,
      detail,
    },
    {
      name: 'engine: alert → report stored, p99',
      value: round(p99, 1),
      unit: 'ms',
      target: '≤ 1,000 ms',
      met: p99 <= 1000,
      detail: `max ${round(Math.max(...measured.times), 1)} ms`,
    },
    {
      name: `engine: storm of ${STORM_ALERTS.toLocaleString('en-US')} alerts about one deployment → investigations opened`,
      value: stormed.investigations,
      unit: '',
      target: '= 1',
      met: stormed.investigations === 1,
      detail: `${stormed.accepted} deliveries accepted in ${round(stormed.sentMs / 1000, 1)} s; report ${stormed.stillCompleted ? 'still stored' : 'LOST'} after the storm`,
    },
    {
      name: 'engine: storm → alerts attached to the investigation',
      value: stormed.attached,
      unit: 'alerts',
      target: `= ${STORM_ALERTS.toLocaleString('en-US')}`,
      met: stormed.attached === STORM_ALERTS && stormed.linked === STORM_ALERTS && stormed.stillCompleted,
      detail: `${stormed.linked} alerts stored pointing at it`,
    },
    { name: 'engine: storm → first alert to report stored', value: round(stormed.reportMs, 0), unit: 'ms' },
  ];
}

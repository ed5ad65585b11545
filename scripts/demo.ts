/**
 * `npm run demo`: the whole loop in under a minute. Starts the simulated cluster with a few
 * broken workloads and OpsWorker against it, fires their alerts at the real Alertmanager
 * webhook, and prints each investigation as it completes. `--keep` leaves both running and
 * prints where to look (the API, the tokens, a kubeconfig for kubectl).
 */
import { parseArgs } from 'node:util';
import type { Investigation } from '@opsworker/shared';
import { startSimulatedStack } from '../test/src/engine-e2e/simulated-stack.ts';
import { alertmanagerPayload } from '../test/src/support/alertmanager-payload.ts';
import { openSse } from '../test/src/support/sse-client.ts';
import { describeInvestigation } from './demo-output.ts';

const SCENARIOS = [
  'oom-killed',
  'crash-loop-dependency',
  'readiness-dependency-down',
  'image-pull-tag-not-found',
  'control-recovered-pod',
];
const DEADLINE_MS = 60_000;

const { values } = parseArgs({
  options: { keep: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log('Usage: npm run demo [-- --keep]');
  process.exit(0);
}

const started = performance.now();
const stack = await startSimulatedStack({ scenarios: SCENARIOS });
const { client, cluster, server } = stack;
console.log(
  `Simulated Kubernetes cluster: ${cluster.url} (${SCENARIOS.length} scenarios: ${SCENARIOS.join(', ')})`,
);
console.log(
  `OpsWorker: ${server.url}, investigating through the in-process agent with the cluster's kubeconfig\n`,
);

// The organization's live stream, as the desktop app uses it: each investigation shows up as it finishes.
const events = await openSse(`${server.url}/api/events`, { authorization: `Bearer ${stack.apiToken}` });
for (const scenario of cluster.scenarios) {
  const response = await client.webhook('alertmanager', alertmanagerPayload([scenario.alert]));
  console.log(
    `→ Alertmanager fires ${scenario.alert.labels.alertname} (${scenario.name}): HTTP ${response.status}`,
  );
}
console.log('');

const finished = new Set<string>();
let read = 0;
try {
  while (finished.size < cluster.scenarios.length) {
    const message = (await events.take(++read, DEADLINE_MS - (performance.now() - started))).at(-1);
    if (message?.event !== 'investigation') continue;
    const investigation = JSON.parse(message.data) as Investigation;
    if (
      (investigation.status !== 'completed' && investigation.status !== 'failed') ||
      finished.has(investigation.id)
    )
      continue;
    finished.add(investigation.id);
    console.log(describeInvestigation(investigation));
  }
} catch (error) {
  console.error(`Stopped waiting after ${Math.round(DEADLINE_MS / 1000)} s: ${(error as Error).message}`);
  process.exitCode = 1;
}
events.close();
console.log(
  `${finished.size} investigations in ${((performance.now() - started) / 1000).toFixed(1)} s (cluster and server start included).`,
);

if (values.keep) {
  console.log(`
Still running — press Ctrl-C to stop.
  API:      ${server.url}/api/investigations   (Authorization: Bearer ${stack.apiToken})
  Webhooks: ${server.url}/webhooks/alertmanager (Authorization: Bearer ${stack.webhookToken})
  kubectl:  KUBECONFIG=${cluster.kubeconfigPath} kubectl get pods -A`);
  const stop = async () => {
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
} else {
  await stack.stop();
  process.exit(process.exitCode ?? 0);
}

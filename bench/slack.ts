import { randomUUID } from 'node:crypto';
import { investigateEveryAlert } from '../test/src/engine-e2e/simulated-stack.ts';
import { type FakeCluster, startFakeCluster } from '../test/src/kube/fake-cluster.ts';
import { type BoltTestBot, startBoltTestBot } from '../test/src/slack/bolt-test-bot.ts';
import type { FakeSlack } from '../test/src/slack/fake-slack-server.ts';
import { commandBody, eventBody, FORM, JSON_TYPE, signed } from '../test/src/slack/signed-slack-request.ts';
import { alertmanagerPayload } from '../test/src/support/alertmanager-payload.ts';
import type { BenchResult } from './support/bench-result.ts';
import { median, percentile, round } from './support/stats.ts';

const CONCURRENT = 50;
const ROUNDS = 4;
const ALERTS = 20;

/** What Slack sends, a fresh signature each (the replay guard refuses a repeated one). */
const REQUESTS: { kind: 'command' | 'event'; body: (responseUrl: string) => string }[] = [
  { kind: 'command', body: (url) => commandBody('status', url, { trigger_id: randomUUID() }) },
  { kind: 'command', body: (url) => commandBody('help', url, { trigger_id: randomUUID() }) },
  {
    kind: 'command',
    body: (url) => commandBody('kubectl get pods -n analytics', url, { trigger_id: randomUUID() }),
  },
  {
    kind: 'event',
    body: () => eventBody({ type: 'app_home_opened', user: 'U0DAVE', channel: 'D0DAVE', tab: 'home' }),
  },
  {
    kind: 'event',
    body: () =>
      eventBody({
        type: 'app_mention',
        user: 'U0CAROL',
        channel: 'C0INCIDENTS',
        ts: `${Date.now() / 1000}`,
        text: '<@U0FAKEBOT> why is report-exporter crash looping in analytics?',
      }),
  },
];

/**
 * The Slack app's two latencies, with the bot started as `npm start` starts it (HTTP mode on the
 * local server, the notifier following its events) against the fake Slack, on the simulated
 * cluster with the deterministic engine. Client, server and fake share this one process, so
 * the figures include the load generator's own work.
 */
export async function run(): Promise<BenchResult[]> {
  const stack = await startStack();
  try {
    const acks = await ackTimes(stack);
    const firstPost = await alertToFirstMessage(stack);
    return [
      ...(['command', 'event'] as const).map((kind) => {
        const times = acks[kind];
        const p99 = percentile(times.ms, 99);
        return {
          name: `slack: ${kind === 'command' ? 'slash command' : 'event'} ack p99 (${CONCURRENT} concurrent)`,
          value: round(p99, 1),
          unit: 'ms',
          target: '< 3,000 ms (well under)',
          met: p99 < 1_500 && times.failed === 0,
          detail: `p50 ${round(median(times.ms), 1)} ms over ${times.ms.length} signed requests (${ROUNDS} rounds of ${CONCURRENT} after a warm-up round); ${times.failed} not 200`,
        };
      }),
      {
        name: 'slack: alert received → first Slack message posted, p50',
        value: round(median(firstPost), 1),
        unit: 'ms',
        target: '≤ 500 ms',
        met: median(firstPost) <= 500,
        detail: `p90 ${round(percentile(firstPost, 90), 1)} ms over ${firstPost.length} alerts (webhook sent → chat.postMessage at the fake), deterministic engine`,
      },
    ];
  } finally {
    await stack.stop();
  }
}

type Stack = BoltTestBot & { cluster: FakeCluster };

/** The server with the Slack bot mounted as `npm start` runs it, investigating the simulated cluster. */
async function startStack(): Promise<Stack> {
  const cluster = await startFakeCluster({ scenarios: 'all' });
  const bot = await startBoltTestBot({
    env: { OPSWORKER_KUBECONFIG: cluster.kubeconfigPath },
    overrides: { runInvestigations: true },
  });
  await investigateEveryAlert(bot.server);
  return {
    ...bot,
    cluster,
    async stop() {
      await bot.stop();
      await cluster.close();
    },
  };
}

/** The ack is the HTTP response of /slack/events: what Slack times against its 3 seconds. */
async function ackTimes(
  stack: Stack,
): Promise<Record<'command' | 'event', { ms: number[]; failed: number }>> {
  const times = { command: { ms: [] as number[], failed: 0 }, event: { ms: [] as number[], failed: 0 } };
  const url = `${stack.server.url}/slack/events`;
  // Round 0 warms up (first requests compile Bolt's and the server's paths) and is not counted.
  for (let round = 0; round <= ROUNDS; round++) {
    const counted = round > 0;
    await Promise.all(
      Array.from({ length: CONCURRENT }, async (_, index) => {
        const request = REQUESTS[index % REQUESTS.length]!;
        const init = signed(
          request.body(stack.slack.responseUrl()),
          request.kind === 'command' ? FORM : JSON_TYPE,
        );
        const started = performance.now();
        const response = await fetch(url, init);
        await response.arrayBuffer();
        if (!counted) return;
        const at = times[request.kind];
        at.ms.push(performance.now() - started);
        if (response.status !== 200) at.failed += 1;
      }),
    );
    // Let the round's slow work (investigations, answers) finish before the next burst.
    await stack.bot.notifier?.idle(30_000).catch(() => {});
  }
  return times;
}

/**
 * One alert at a time, each a different failure scenario (so each opens its own investigation
 * and message): from the webhook being sent to the investigation's message reaching Slack.
 */
async function alertToFirstMessage(stack: Stack): Promise<number[]> {
  const scenarios = stack.cluster.scenarios.filter((s) => s.kind === 'failure').slice(0, ALERTS);
  const samples: number[] = [];
  for (const scenario of scenarios) {
    const posted = stack.slack.calls('chat.postMessage').filter(isInvestigationPost).length;
    const sent = Date.now();
    const response = await stack.server.webhook('alertmanager', alertmanagerPayload([scenario.alert]));
    if (response.status !== 202) throw new Error(`the webhook answered ${response.status}`);
    const call = await waitForNthPost(stack.slack, posted);
    samples.push(call.at - sent);
    await stack.bot.notifier?.idle(30_000).catch(() => {});
  }
  return samples;
}

/** A top-level post carrying an investigation's buttons (not a thread line, not an answer). */
function isInvestigationPost(call: { args: Record<string, unknown> }): boolean {
  return !call.args.thread_ts && JSON.stringify(call.args.blocks ?? '').includes('investigation_');
}

async function waitForNthPost(slack: FakeSlack, index: number) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const call = slack.calls('chat.postMessage').filter(isInvestigationPost)[index];
    if (call) return call;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('no Slack message for the alert within 20 s');
}

import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { alertmanagerPayload } from '../test/src/support/alertmanager-payload.ts';
import type { BenchResult } from './support/bench-result.ts';
import { startChildServer } from './support/child-server.ts';
import { processCpuMicros } from './support/process-cpu.ts';
import { median, round } from './support/stats.ts';

const TOKEN = 'owh_bench-webhook-token-000000';
const PAIRS = 7;
const ROUND_SECONDS = 2;
const API_TOKEN = 'owa_bench-api-token-00000000000';
const body = JSON.stringify(
  alertmanagerPayload([
    {
      labels: {
        alertname: 'KubePodCrashLooping',
        severity: 'warning',
        namespace: 'shop',
        pod: 'checkout-7d9f8b6c5d-x2x9k',
        container: 'app',
      },
    },
  ]),
);

interface Round {
  rps: number;
  /** Deliveries answered 202: each counts once on the stored alert when applied. */
  accepted: number;
  non2xx: number;
  /** The server's CPU time (all threads) per request, when /proc can tell. */
  cpuMicrosPerRequest: number | undefined;
}

async function measure(server: { url: string; child: { pid?: number } }, seconds: number): Promise<Round> {
  const pid = server.child.pid!;
  const cpuBefore = processCpuMicros(pid);
  const result = await autocannon({
    url: `${server.url}/webhooks/alertmanager`,
    method: 'POST',
    connections: 16,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body,
  });
  const cpuAfter = processCpuMicros(pid);
  const cpuMicrosPerRequest =
    cpuBefore === undefined || cpuAfter === undefined || result.requests.total === 0
      ? undefined
      : (cpuAfter - cpuBefore) / result.requests.total;
  return {
    rps: result.requests.average,
    accepted: result['2xx'],
    non2xx: result.non2xx + result.errors,
    cpuMicrosPerRequest,
  };
}

function medianCpu(rounds: Round[]): string {
  const values = rounds.flatMap((r) => (r.cpuMicrosPerRequest === undefined ? [] : [r.cpuMicrosPerRequest]));
  return values.length === 0 ? 'n/a' : `${Math.round(median(values))} µs`;
}

/** How many deliveries of the benchmark's one alert are in the store, through the API. */
async function storedCount(url: string): Promise<number> {
  const response = await fetch(`${url}/api/alerts?limit=1`, {
    headers: { authorization: `Bearer ${API_TOKEN}` },
  });
  const page = (await response.json()) as { items: { receivedCount: number }[] };
  return page.items[0]?.receivedCount ?? 0;
}

/**
 * Once the storm stops, how long until every accepted delivery is in the store (what the API,
 * Slack and the app see). A pipeline that falls behind shows here, not in the 202s.
 */
async function catchUpMillis(url: string, accepted: number): Promise<number> {
  const started = performance.now();
  while ((await storedCount(url)) < accepted) await new Promise((resolve) => setTimeout(resolve, 5));
  return performance.now() - started;
}

/**
 * Webhook ingest over HTTP on loopback: the real server (auth, parse, normalize, journal, 202)
 * against a bare node:http server that reads the body and answers 202, same load generator,
 * same run. Target: ratio ≥ 0.5. The ratio is the median of paired rounds, each pair run back
 * to back: on a shared machine the speed of the whole machine changes within seconds, and a
 * ratio of medians could set one server's fast rounds against the other's slow ones. The
 * ratio of the medians and the servers' CPU time per request are reported beside it.
 */
export async function run(): Promise<BenchResult[]> {
  const bare = await startChildServer(fileURLToPath(new URL('./support/bare-server.ts', import.meta.url)));
  const ours = await startChildServer(
    fileURLToPath(new URL('./support/opsworker-server.ts', import.meta.url)),
  );
  try {
    await measure(bare, 1);
    const warmUp = await measure(ours, 1);
    const bareRounds: Round[] = [];
    const ourRounds: Round[] = [];
    for (let pair = 0; pair < PAIRS; pair++) {
      // Back to back, in alternating order: both rounds of a pair see the machine alike.
      if (pair % 2 === 0) {
        bareRounds.push(await measure(bare, ROUND_SECONDS));
        ourRounds.push(await measure(ours, ROUND_SECONDS));
      } else {
        ourRounds.push(await measure(ours, ROUND_SECONDS));
        bareRounds.push(await measure(bare, ROUND_SECONDS));
      }
    }
    const ratios = ourRounds.map((r, pair) => r.rps / bareRounds[pair]!.rps);
    const ratio = median(ratios);
    const ourRate = median(ourRounds.map((r) => r.rps));
    const bareRate = median(bareRounds.map((r) => r.rps));
    const failures = ourRounds.reduce((sum, r) => sum + r.non2xx, 0);
    const accepted = [warmUp, ...ourRounds].reduce((sum, r) => sum + r.accepted, 0);
    const lag = await catchUpMillis(ours.url, accepted);
    return [
      {
        name: 'ingest: webhook over HTTP vs bare node:http',
        value: round(ratio),
        unit: 'ratio',
        target: '≥ 0.5',
        met: ratio >= 0.5 && failures === 0,
        detail: `median of ${PAIRS} paired ${ROUND_SECONDS}-second rounds, 16 connections (pairs ${round(Math.min(...ratios))}–${round(Math.max(...ratios))}; ratio of the medians ${round(ourRate / bareRate)}): ${Math.round(ourRate)} vs ${Math.round(bareRate)} req/s; server CPU per request ${medianCpu(ourRounds)} vs ${medianCpu(bareRounds)}; ${failures} non-2xx`,
      },
      {
        name: 'ingest: store caught up after the last round',
        value: Math.round(lag),
        unit: 'ms',
        detail: `every one of ${accepted} accepted deliveries counted on the stored alert, read through GET /api/alerts`,
      },
    ];
  } finally {
    await Promise.all([bare.stop(), ours.stop()]);
  }
}

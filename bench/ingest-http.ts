import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { alertmanagerPayload } from '../test/src/support/alertmanager-payload.ts';
import type { BenchResult } from './support/bench-result.ts';
import { startChildServer } from './support/child-server.ts';
import { median, round } from './support/stats.ts';

const TOKEN = 'owh_bench-webhook-token-000000';
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

async function requestsPerSecond(url: string, seconds: number): Promise<{ rps: number; non2xx: number }> {
  const result = await autocannon({
    url: `${url}/webhooks/alertmanager`,
    method: 'POST',
    connections: 16,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body,
  });
  return { rps: result.requests.average, non2xx: result.non2xx + result.errors };
}

/**
 * Webhook ingest over HTTP on loopback: the real server (auth, parse, normalize, journal, 202)
 * against a bare node:http server that reads the body and answers 202, same load generator,
 * same run, alternating rounds so machine noise hits both. Target: ratio ≥ 0.5.
 */
export async function run(): Promise<BenchResult[]> {
  const bare = await startChildServer(fileURLToPath(new URL('./support/bare-server.ts', import.meta.url)));
  const ours = await startChildServer(
    fileURLToPath(new URL('./support/opsworker-server.ts', import.meta.url)),
  );
  try {
    await requestsPerSecond(bare.url, 1);
    await requestsPerSecond(ours.url, 1);
    const bareRates: number[] = [];
    const ourRates: number[] = [];
    let failures = 0;
    for (let round = 0; round < 3; round++) {
      bareRates.push((await requestsPerSecond(bare.url, 3)).rps);
      const measured = await requestsPerSecond(ours.url, 3);
      ourRates.push(measured.rps);
      failures += measured.non2xx;
    }
    const ratio = median(ourRates) / median(bareRates);
    return [
      {
        name: 'ingest: webhook over HTTP vs bare node:http',
        value: round(ratio),
        unit: 'ratio',
        target: '≥ 0.5',
        met: ratio >= 0.5 && failures === 0,
        detail: `${Math.round(median(ourRates))} vs ${Math.round(median(bareRates))} req/s (median of 3 rounds, 16 connections); ${failures} non-2xx`,
      },
    ];
  } finally {
    await Promise.all([bare.stop(), ours.stop()]);
  }
}

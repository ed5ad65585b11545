import { ALERT_SOURCES } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertmanagerPayload } from '../support/alertmanager-payload.ts';
import { getAlert, listAlerts } from '../support/opsworker-api.ts';
import { caseSeed, seededRandom } from '../support/seeded-random.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { Accepted, bodyJson, responseProblems } from './check-response.ts';
import { type AcceptedDelivery, expectedAlerts } from './expected-alerts.ts';
import { type FuzzRequest, fuzzRequest } from './fuzz-request.ts';
import { manualInvestigationSeeds, ruleSeeds, webhookSeeds } from './seed-payloads.ts';
import { sendFuzzRequest } from './send-request.ts';

// A fresh seed each run finds new bugs; OPSWORKER_FUZZ_SEED=<seed> replays a failing run exactly.
const SEED = Number(process.env.OPSWORKER_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CASES = Number(process.env.OPSWORKER_FUZZ_CASES ?? 3_000);
const CONCURRENCY = 8;

interface Outcome {
  index: number;
  request: FuzzRequest;
  problems: string[];
  delivery?: AcceptedDelivery;
}

function describeFailure(outcome: Outcome): string {
  const { request } = outcome;
  const body =
    typeof request.body === 'string'
      ? request.body.slice(0, 1_500)
      : request.body instanceof Uint8Array
        ? `<${request.body.length} random bytes>`
        : String(request.body);
  return [
    `case ${outcome.index} (replay: OPSWORKER_FUZZ_SEED=${SEED}): ${outcome.problems.join('; ')}`,
    `  ${request.method} ${request.path.slice(0, 300)} ${JSON.stringify(request.headers)}`,
    `  recipe: ${request.recipe.join(' | ')}`,
    `  body: ${body}`,
  ].join('\n');
}

describe('webhook and API edges under fuzzed input', () => {
  const { seeds, note } = webhookSeeds();
  const outcomes: Outcome[] = [];
  let server: TestServer;

  beforeAll(async () => {
    if (note) console.warn(note);
    server = await startTestServer({
      // Signature checks have their own tests; here the alarm parser behind them is the target.
      env: { OPSWORKER_SNS_VERIFY: 'false' },
      // A stand-in for AWS: fuzzed SubscribeURLs must never leave the machine.
      overrides: { fetch: async () => new Response('<ConfirmSubscriptionResponse/>', { status: 200 }) },
    });
    const fuzzSeeds = { webhooks: seeds, rules: ruleSeeds(), investigations: manualInvestigationSeeds() };
    const tokens = { webhook: server.webhookToken, api: server.apiToken };
    let next = 0;
    const worker = async () => {
      while (next < CASES) {
        const index = next++;
        const request = fuzzRequest(seededRandom(caseSeed(SEED, index)), fuzzSeeds, tokens);
        const outcome: Outcome = { index, request, problems: [] };
        try {
          const response = await sendFuzzRequest(server.url, request);
          outcome.problems = responseProblems(request, response);
          const receipt = Accepted.safeParse(JSON.parse(response.text || 'null'));
          if (request.source && response.status === 202 && receipt.success && 'receipt' in receipt.data) {
            outcome.delivery = { source: request.source, body: bodyJson(request), ...receipt.data };
          }
        } catch (error) {
          outcome.problems = [
            `request failed: ${(error as Error).message} (${String((error as Error).cause)})`,
          ];
        }
        outcomes.push(outcome);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await server.pipeline.idle();
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
  });

  describe(`when ${CASES} mutated requests arrive (seed ${SEED})`, () => {
    it('never answers 5xx, and every 4xx carries {error:{code,message}}, naming the field of a schema problem', () => {
      const failures = outcomes
        .filter((outcome) => outcome.problems.length > 0)
        .sort((a, b) => a.index - b.index);
      expect(outcomes).toHaveLength(CASES);
      expect(failures.slice(0, 8).map(describeFailure).join('\n\n')).toBe('');
    });

    it('reaches the store with every source: some of what it sends is still valid', () => {
      const deliveries = outcomes.flatMap((outcome) => (outcome.delivery ? [outcome.delivery] : []));
      expect(new Set(deliveries.map((delivery) => delivery.source))).toEqual(new Set(ALERT_SOURCES));
      expect(deliveries.length).toBeGreaterThan(CASES * 0.1);
    });

    it('stores exactly the alerts of accepted requests, each as its latest notification left it', async () => {
      const deliveries = outcomes.flatMap((outcome) => (outcome.delivery ? [outcome.delivery] : []));
      const expected = await expectedAlerts(deliveries);
      expect(expected.problems).toEqual([]);

      const alerts = await listAlerts(server);
      const unexpected = alerts.filter((alert) => !expected.byFingerprint.has(alert.fingerprint));
      expect(unexpected.map((alert) => `${alert.fingerprint} (receipt ${alert.lastReceipt})`)).toEqual([]);
      expect(alerts).toHaveLength(expected.byFingerprint.size);
      const wrong = alerts.flatMap((alert) => {
        const want = expected.byFingerprint.get(alert.fingerprint)!;
        const got = {
          status: alert.status,
          lastReceipt: alert.lastReceipt,
          receivedCount: alert.receivedCount,
        };
        return JSON.stringify(got) === JSON.stringify(want)
          ? []
          : [{ fingerprint: alert.fingerprint, got, want }];
      });
      expect(wrong).toEqual([]);
    });

    it('is still healthy afterwards and takes a valid alert', async () => {
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok' });

      const labels = { alertname: 'AfterTheFuzz', namespace: 'fuzz', pod: 'survivor-0', severity: 'warning' };
      const response = await server.webhook('alertmanager', alertmanagerPayload([{ labels }]));
      expect(response.status).toBe(202);
      await server.pipeline.idle();
      // Found in the raw list, then read on its own: a fuzzed record elsewhere must not hide it.
      const page = (await (await server.api('/api/alerts?limit=500')).json()) as { items: { id: string }[] };
      const id = page.items.find((item) => JSON.stringify(item).includes('"AfterTheFuzz"'))?.id;
      expect(id).toBeDefined();
      expect(await getAlert(server, id!)).toMatchObject({
        status: 'firing',
        scope: { namespace: 'fuzz', kind: 'pods', name: 'survivor-0' },
      });
    });
  });
});

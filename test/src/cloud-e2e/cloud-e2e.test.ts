import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { Investigation, TimelineEvent } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreScenario } from '../engine-e2e/score-scenario.ts';
import type { ScenarioManifest } from '../kube/scenario-manifest.ts';
import { alertmanagerPayload } from '../support/alertmanager-payload.ts';
import { CLUSTER, type CloudStack, SLACK_CHANNEL, startCloudStack } from './cloud-stack.ts';

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * The cloud deployment's path, every function through its Lambda handler: Alertmanager → API
 * Gateway → http function (ingest into DynamoDB) → SQS job → worker function ↔ the real agent loop
 * on the simulated cluster over its SQS queues → DynamoDB/S3 → SNS. Plus what at-least-once
 * delivery does to it: duplicated webhooks and duplicated or redelivered jobs change nothing.
 */
describe('the cloud functions, end to end on fauxqs and dynalite', () => {
  let stack: CloudStack;
  let scenario: ScenarioManifest;

  beforeAll(async () => {
    stack = await startCloudStack({ scenarios: ['oom-killed'] });
    scenario = stack.cluster.scenarios.find((s) => s.name === 'oom-killed') as ScenarioManifest;
  }, 30_000);
  afterAll(async () => {
    await stack?.close();
  });

  describe("when the agent's first heartbeat arrives", () => {
    it('registers its cluster for its own organization only', async () => {
      let delivered = 0;
      while (delivered === 0) delivered += (await stack.pollHeartbeats(1)).delivered;

      const acme = await stack.composition.registry.list('acme');
      expect(acme.map((cluster) => cluster.cluster)).toEqual([CLUSTER]);
      expect(acme[0]).toMatchObject({ agentVersion: '0.1.0-e2e' });
      expect(await stack.composition.registry.list('globex')).toEqual([]);
    });
  });

  describe('when Alertmanager delivers the same alert twice at once, then again', () => {
    let investigation: Investigation;
    let timeline: TimelineEvent[];
    let payload: Record<string, unknown>;
    let receipts: number[];

    beforeAll(async () => {
      const acme = stack.client(stack.orgs.acme);
      payload = alertmanagerPayload([scenario.alert]);
      const concurrent = await Promise.all([
        acme.webhook('alertmanager', payload),
        acme.webhook('alertmanager', payload),
      ]);
      const again = await acme.webhook('alertmanager', payload);
      expect([...concurrent, again].map((response) => response.status)).toEqual([202, 202, 202]);
      receipts = await Promise.all(
        [...concurrent, again].map(async (response) => (await json<{ receipt: number }>(response)).receipt),
      );

      const { items } = await json<{ items: Investigation[] }>(await acme.api('/api/investigations'));
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ status: 'queued' });
      await stack.runJobs();
      investigation = await json<Investigation>(await acme.api(`/api/investigations/${items[0]!.id}`));
      timeline = (
        await json<{ items: TimelineEvent[] }>(
          await acme.api(`/api/investigations/${investigation.id}/timeline`),
        )
      ).items;
    }, 60_000);

    it('opens one investigation and counts the repeats on its alert', async () => {
      const { items } = await json<{ items: Array<{ receivedCount: number }> }>(
        await stack.client(stack.orgs.acme).api('/api/alerts'),
      );
      expect(items).toHaveLength(1);
      expect(items[0]!.receivedCount).toBe(3);
    });

    it("investigates through the cluster's agent and names the cause", () => {
      expect(investigation.status).toBe('completed');
      expect(investigation.report?.rootCause.category).toBe(scenario.expected.category);
      // Scored as the local engine's end-to-end test scores it: cause, resource and facts.
      expect(scoreScenario(scenario, { investigation })).toMatchObject({ right: true, missingFacts: [] });
    });

    it('numbers the timeline without gaps or repeats', () => {
      expect(timeline.map((event) => event.seq)).toEqual(timeline.map((_, index) => index + 1));
      expect(timeline.filter((event) => event.type === 'completed')).toHaveLength(1);
    });

    it('keeps the raw evidence in S3 under the organization', async () => {
      const evidenceId = investigation.report?.evidence[0]?.id;
      const blob = await stack.composition.blobs.get(
        'acme',
        `evidence/${investigation.id}/${evidenceId}.json`,
      );
      expect(blob?.length).toBeGreaterThan(0);
    });

    it('keeps every delivery as received in S3, under its receipt', async () => {
      for (const receipt of receipts) {
        const blob = await stack.composition.blobs.get('acme', `payloads/${receipt}-${receipt}.jsonl`);
        expect(JSON.parse(blob?.toString('utf8') ?? '{}')).toMatchObject({
          seq: receipt,
          orgId: 'acme',
          source: 'alertmanager',
          raw: payload,
        });
      }
    });

    describe('and the job is delivered twice more (a duplicate and a redelivery)', () => {
      it('changes nothing: no second run, no new timeline events', async () => {
        const job = { orgId: 'acme', investigationId: investigation.id };
        await Promise.all([stack.composition.queue.enqueue(job), stack.composition.queue.enqueue(job)]);
        // Two at once: one takes the lease, the other comes back later and finds the work done.
        expect(await stack.runJobs()).toBeGreaterThanOrEqual(2);

        const after = await json<{ items: TimelineEvent[] }>(
          await stack.client(stack.orgs.acme).api(`/api/investigations/${investigation.id}/timeline`),
        );
        expect(after.items).toEqual(timeline);
      });
    });

    it('published every change on the events topic, the completion once, and Slack got one message', async () => {
      const tapped = await stack.takeEvents();
      const events = tapped.map((t) => t.message);
      const completions = events.filter(
        (message) => message.event.type === 'timeline' && message.event.event.type === 'completed',
      );
      expect(completions).toHaveLength(1);
      expect(completions[0]).toMatchObject({ orgId: 'acme' });
      const investigationUpdates = events.filter((message) => message.event.type === 'investigation');
      expect(investigationUpdates.at(-1)?.event).toMatchObject({
        investigation: { id: investigation.id, status: 'completed' },
      });

      // SNS delivers at least once: the notifier function gets everything twice over.
      expect(await stack.notify(tapped)).toMatchObject({ applied: tapped.length, ignored: 0 });
      await stack.notify(tapped);
      const posts = stack.slack.calls('chat.postMessage').filter((call) => call.ok && !call.args.thread_ts);
      expect(posts).toHaveLength(1);
      expect(posts[0]!.args.channel).toBe(SLACK_CHANNEL);
      // Updated in place until it shows the report.
      const latest =
        stack.slack
          .calls('chat.update')
          .filter((call) => call.ok)
          .at(-1) ?? posts[0]!;
      expect(JSON.stringify(latest.args)).toContain('OOMKilled');
    });

    describe('when the desktop follows the investigation through API Gateway', () => {
      it('gets the timeline as a short server-sent burst with ids, then the rest after Last-Event-ID', async () => {
        const acme = stack.client(stack.orgs.acme);
        const first = await acme.api(`/api/investigations/${investigation.id}/events`, {
          headers: { accept: 'text/event-stream' },
        });
        expect(first.headers.get('content-type')).toContain('text/event-stream');
        const text = await first.text();
        expect(text.startsWith('retry: ')).toBe(true);
        expect([...text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]))).toEqual(
          timeline.map((e) => e.seq),
        );

        const resumeAfter = timeline.length - 2;
        const rest = await json<{ items: TimelineEvent[]; next: number }>(
          await acme.api(`/api/investigations/${investigation.id}/events?format=json`, {
            headers: { 'last-event-id': String(resumeAfter) },
          }),
        );
        expect(rest.items.map((event) => event.seq)).toEqual([resumeAfter + 1, resumeAfter + 2]);
        expect(rest.next).toBe(timeline.length);
      });
    });
  });

  describe('when an organization has no connected cluster', () => {
    it('fails its investigation with how to connect one', async () => {
      const globex = stack.client(stack.orgs.globex);
      const started = await json<Investigation>(
        await globex.api('/api/investigations', {
          method: 'POST',
          body: JSON.stringify({ scope: { namespace: 'shop', kind: 'deployments', name: 'checkout' } }),
        }),
      );
      await stack.runJobs();
      const failed = await json<Investigation>(await globex.api(`/api/investigations/${started.id}`));
      expect(failed.status).toBe('failed');
      expect(failed.error).toContain('No cluster is connected');
      expect(failed.error).toContain('helm install');
    }, 30_000);
  });

  describe('when the investigation queue holds messages that are not jobs of a stored investigation', () => {
    it('drops them instead of retrying them into the dead-letter queue', async () => {
      const send = (body: string) =>
        stack.aws.sqs.send(new SendMessageCommand({ QueueUrl: stack.queues.jobs, MessageBody: body }));
      await send('not json');
      await send(JSON.stringify({ version: 2, orgId: 'acme', investigationId: 'x' }));
      await stack.composition.queue.enqueue({ orgId: 'acme', investigationId: 'inv-that-does-not-exist' });
      // Each delivered exactly once: a record reported failed would come back and be counted again.
      expect(await stack.runJobs()).toBe(3);
    });
  });

  describe('when the daily schedule fires', () => {
    it('publishes one digest request per organization, which the Slack notifier posts once', async () => {
      await stack.takeEvents();
      expect(await stack.digest({ time: '2026-11-24T08:00:00Z' })).toEqual({ organizations: 2 });
      const tapped = (await stack.takeEvents()).filter((t) => t.message.event.type === 'digest');
      expect(tapped.map((t) => t.message.orgId).sort()).toEqual(['acme', 'globex']);

      // acme's Slack workspace posts acme's digest once, however often it is asked; globex's is not its business.
      const before = stack.slack.calls('chat.postMessage').length;
      expect(await stack.notify([...tapped, ...tapped])).toEqual({ applied: 2, ignored: 2 });
      const digestPosts = stack.slack
        .calls('chat.postMessage')
        .slice(before)
        .filter((call) => call.ok);
      expect(digestPosts).toHaveLength(1);
      expect(digestPosts[0]!.args.channel).toBe(SLACK_CHANNEL);
    });
  });
});

import { ACTION_IDS } from '@opsworker/chatbot/blocks/action-ids.ts';
import type { Investigation } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeCluster, startFakeCluster } from '../kube/fake-cluster.ts';
import { waitFor } from '../support/wait-for.ts';
import { type BoltTestBot, startBoltTestBot } from './bolt-test-bot.ts';
import { buttonBody, commandBody, eventBody, FORM, JSON_TYPE, signed } from './signed-slack-request.ts';

/** Slack over HTTP: signed requests to the local server's /slack/events, answered by Bolt. */
describe('the Slack bot over HTTP (Bolt mounted on the local server)', () => {
  let cluster: FakeCluster;
  let t: BoltTestBot;

  beforeAll(async () => {
    cluster = await startFakeCluster({ scenarios: ['oom-killed'] });
    t = await startBoltTestBot({ env: { OPSWORKER_KUBECONFIG: cluster.kubeconfigPath } });
  });
  afterAll(async () => {
    await t?.stop();
    await cluster?.close();
  });

  const post = (body: string, type: string, options = {}) => fetch(t.eventsUrl, signed(body, type, options));
  /** Sends `/opsworker <text>`; `answer()` waits for what it posts to its response URL (one per command). */
  const command = async (text: string) => {
    const answered = t.slack.calls('response_url').length;
    const response = await post(commandBody(text, t.slack.responseUrl()), FORM);
    const answer = () =>
      waitFor('the answer on the response URL', async () => t.slack.calls('response_url')[answered]);
    return { response, answer, body: await response.text() };
  };
  const investigations = async () =>
    (await t.server.api('/api/investigations').then((r) => r.json())) as { items: Investigation[] };

  describe('request verification', () => {
    const body = eventBody({ type: 'app_home_opened', user: 'U0ALICE', channel: 'D0ALICE', tab: 'messages' });

    it('refuses a wrong signature with 401', async () => {
      expect((await post(body, JSON_TYPE, { signature: 'v0=deadbeef' })).status).toBe(401);
    });

    it('refuses a timestamp older than five minutes with 401, even correctly signed', async () => {
      expect(
        (await post(body, JSON_TYPE, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status,
      ).toBe(401);
    });

    it('refuses the same signed request sent twice (a replay) with 401', async () => {
      const request = signed(
        eventBody({ type: 'app_home_opened', user: 'U0ALICE', channel: 'D0ALICE', tab: 'messages' }),
        JSON_TYPE,
      );
      expect((await fetch(t.eventsUrl, request)).status).toBe(200);
      expect((await fetch(t.eventsUrl, request)).status).toBe(401);
    });

    it('answers Slack URL verification with the challenge', async () => {
      const response = await post(
        JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 'x' }),
        JSON_TYPE,
      );
      expect(await response.json()).toEqual({ challenge: 'c-123' });
    });

    it('leaves other paths to the server (the API still answers)', async () => {
      expect((await t.server.api('/api/investigations')).status).toBe(200);
    });
  });

  describe('/opsworker', () => {
    it('answers help in the acknowledgement itself, only to the one who asked', async () => {
      const { response, body } = await command('help');
      expect(response.status).toBe(200);
      expect(JSON.parse(body)).toMatchObject({
        response_type: 'ephemeral',
        text: expect.stringContaining('/opsworker investigate'),
      });
    });

    it('answers an unknown subcommand with help naming it', async () => {
      const { body } = await command('restart checkout');
      expect(JSON.parse(body).text).toContain('There is no `restart` subcommand.');
    });

    it('investigate: starts a manual investigation with the scope and question, and posts its message in the channel', async () => {
      const { response } = await command(
        'investigate deploy/report-exporter -n analytics why is it crashing?',
      );
      expect(response.status).toBe(200);
      const investigation = await waitFor('the investigation', async () =>
        (await investigations()).items.find((i) => i.scope.name === 'report-exporter'),
      );
      expect(investigation).toMatchObject({
        scope: { kind: 'deployments', name: 'report-exporter', namespace: 'analytics' },
        question: 'why is it crashing?',
        trigger: { type: 'manual', requestedBy: 'alice' },
      });
      const posted = await t.slack.waitForCall('chat.postMessage', (call) =>
        String(call.args.text).includes('report-exporter'),
      );
      expect(posted.args.channel).toBe('C0INCIDENTS');
      await waitFor('the message to be adopted', async () => t.threads.adopted.get(investigation.id));
    });

    it('kubectl: a refused command is explained through the response URL', async () => {
      const { answer: answered } = await command('kubectl delete pod x -n shop');
      const answer = await answered();
      expect(answer.args.text).toMatch(/Refused/);
      expect(cluster.requests.filter((request) => request.method !== 'GET')).toEqual([]);
    });

    it('kubectl: short output comes back in a code block', async () => {
      const { answer: answered } = await command('kubectl get deployments -n analytics');
      const answer = await answered();
      expect(answer.args.text).toContain('```');
      expect(answer.args.text).toContain('report-exporter');
    });

    it('kubectl: long output goes up as a snippet file, with a preview', async () => {
      const { answer: answered } = await command('kubectl get pods -A -o yaml');
      const answer = await answered();
      expect(answer.args.text).toContain('snippet');
      const completed = await t.slack.waitForCall('files.completeUploadExternal');
      expect(completed.args.channel_id).toBe('C0INCIDENTS');
      const file = [...t.slack.workspace.files.values()].at(-1);
      expect(file?.bytes?.toString('utf8')).toContain('report-exporter');
      expect(file?.bytes?.length).toBeGreaterThan(3_000);
    });

    it('status: lists the open investigations', async () => {
      const { answer: answered } = await command('status');
      const answer = await answered();
      expect(answer.args.text).toMatch(/open investigation/);
      expect(answer.args.text).toContain('deployments/report-exporter');
    });

    it('rules: lists the rules in order', async () => {
      const { answer: answered } = await command('rules');
      const answer = await answered();
      expect(answer.args.text).toContain('Ignore monitoring heartbeats');
    });

    it('digest: posts the digest in the channel', async () => {
      await command('digest');
      await waitFor('the digest', async () => t.digests.includes('C0INCIDENTS'));
    });
  });

  describe('buttons on an investigation message', () => {
    let investigation: Investigation;
    const message = { channel: 'C0INCIDENTS', ts: '1700000000.000100' };

    beforeAll(async () => {
      const created = await t.server.api('/api/investigations', {
        method: 'POST',
        body: JSON.stringify({ scope: { kind: 'deployments', name: 'cart', namespace: 'shop' } }),
      });
      investigation = (await created.json()) as Investigation;
    });

    const click = (actionId: string) =>
      post(buttonBody(actionId, investigation.id, message, t.slack.responseUrl()), FORM);
    const stored = async () =>
      (await (await t.server.api(`/api/investigations/${investigation.id}`)).json()) as Investigation;

    it('stores a feedback click with who rated, and re-renders the message', async () => {
      expect((await click(ACTION_IDS.feedbackPartiallyAccurate)).status).toBe(200);
      const rated = await waitFor('the feedback', async () => (await stored()).feedback);
      expect(rated).toMatchObject({ rating: 'partially_accurate', by: 'bob', via: 'slack' });
      await waitFor('the refresh', async () => t.threads.refreshed.includes(investigation.id));
    });

    it('stores an acknowledgement with who took it', async () => {
      await click(ACTION_IDS.acknowledge);
      expect(await waitFor('the acknowledgement', async () => (await stored()).acknowledgedBy)).toBe('bob');
    });

    it('re-runs as a new investigation posted in the thread', async () => {
      await click(ACTION_IDS.rerun);
      const rerun = await waitFor('the re-run', async () =>
        (await investigations()).items.find((i) => i.rerunOf === investigation.id),
      );
      const adopted = await waitFor('its message', async () => t.threads.adopted.get(rerun.id));
      expect(adopted).toMatchObject({ channel: 'C0INCIDENTS', threadTs: message.ts });
    });
  });

  describe('mentions and the Home tab', () => {
    it('a mention asking about a workload starts an investigation in a new thread under it', async () => {
      const mention = {
        type: 'app_mention',
        user: 'U0CAROL',
        channel: 'C0INCIDENTS',
        ts: '1700000100.000200',
        text: '<@U0FAKEBOT> why is checkout crash looping in shop?',
      };
      expect((await post(eventBody(mention), JSON_TYPE)).status).toBe(200);
      const investigation = await waitFor('the investigation', async () =>
        (await investigations()).items.find(
          (i) => i.scope.name === 'checkout' && i.scope.namespace === 'shop',
        ),
      );
      expect(investigation.question).toBe('why is checkout crash looping in shop?');
      const reply = await t.slack.waitForCall(
        'chat.postMessage',
        (call) => call.args.thread_ts === mention.ts,
      );
      expect(reply.args.text).toContain('deployments/checkout');
    });

    it('a mention without a workload gets a question back, not a guess', async () => {
      const mention = {
        type: 'app_mention',
        user: 'U0CAROL',
        channel: 'C0INCIDENTS',
        ts: '1700000200.000300',
        text: '<@U0FAKEBOT> hello',
      };
      await post(eventBody(mention), JSON_TYPE);
      const reply = await t.slack.waitForCall(
        'chat.postMessage',
        (call) => call.args.thread_ts === mention.ts,
      );
      expect(reply.args.text).toContain('Which workload');
    });

    it("opening the Home tab publishes recent investigations and the day's figures", async () => {
      await post(
        eventBody({ type: 'app_home_opened', user: 'U0DAVE', channel: 'D0DAVE', tab: 'home' }),
        JSON_TYPE,
      );
      const published = await t.slack.waitForCall('views.publish', (call) => call.args.user_id === 'U0DAVE');
      const text = JSON.stringify(published.args.view);
      expect(text).toContain('Alerts received');
      expect(text).toContain('deployments/report-exporter');
    });
  });
});

import { ACTION_IDS } from '@opsworker/chatbot/blocks/action-ids.ts';
import type { Investigation } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeCluster, startFakeCluster } from '../kube/fake-cluster.ts';
import { waitFor } from '../support/wait-for.ts';
import { type BoltTestBot, startBoltTestBot } from './bolt-test-bot.ts';
import type { FakeSlackMessage } from './fake-slack-server.ts';
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
  /** Messages whose buttons carry the investigation's id: its own message, posted by the notifier. */
  const messagesAbout = (investigationId: string) =>
    t.slack.workspace.messages.filter((m) => JSON.stringify(m.blocks ?? []).includes(`"${investigationId}"`));
  const messageAbout = (investigationId: string) => messagesAbout(investigationId)[0];
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
      expect(JSON.parse(body)).toMatchObject({ response_type: 'ephemeral' });
      expect(JSON.stringify(JSON.parse(body).blocks)).toContain('/opsworker investigate');
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
        trigger: { type: 'manual', requestedBy: 'slack:U0ALICE' },
      });
      // The notifier posts the investigation's one message in the channel the command came from.
      const message = await waitFor('its message', async () => messageAbout(investigation.id));
      expect(message.channel).toBe('C0INCIDENTS');
      expect(message.threadTs).toBeUndefined();
      const answer = await waitFor('the answer to the asker', async () =>
        t.slack.calls('response_url').at(-1),
      );
      expect(answer.args.text).toContain('Investigating');
      expect(messagesAbout(investigation.id)).toHaveLength(1);
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
      const blocks = JSON.stringify(answer.args.blocks);
      expect(blocks).toContain('```');
      expect(blocks).toContain('report-exporter');
    });

    it('kubectl: long output goes up as a snippet file, with a preview', async () => {
      const { answer: answered } = await command('kubectl get pods -A -o yaml');
      const answer = await answered();
      expect(JSON.stringify(answer.args.blocks)).toContain('is in the snippet posted in this channel');
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
      expect(JSON.stringify(answer.args.blocks)).toContain('deployment/report-exporter');
    });

    it('rules: lists the rules in order', async () => {
      const { answer: answered } = await command('rules');
      const answer = await answered();
      expect(JSON.stringify(answer.args.blocks)).toContain('Ignore monitoring heartbeats');
    });

    it('digest: posts the digest in the channel, with its chart in the thread', async () => {
      await command('digest');
      const digest = await waitFor('the digest', async () =>
        t.slack.workspace.messages.find((m) => m.text.startsWith('OpsWorker digest')),
      );
      expect(digest.channel).toBe('C0INCIDENTS');
      const chart = await waitFor('its chart', async () =>
        [...t.slack.workspace.files.values()].find((file) => file.filename.startsWith('alerts-by-hour')),
      );
      expect(chart).toMatchObject({ channel: 'C0INCIDENTS', threadTs: digest.ts });
    });
  });

  describe('buttons on an investigation message', () => {
    let investigation: Investigation;
    let message: FakeSlackMessage;

    beforeAll(async () => {
      const created = await t.server.api('/api/investigations', {
        method: 'POST',
        body: JSON.stringify({ scope: { kind: 'deployments', name: 'cart', namespace: 'shop' } }),
      });
      investigation = (await created.json()) as Investigation;
      // Not started from Slack: the notifier routes it to the default channel itself.
      message = await waitFor('its message', async () => messageAbout(investigation.id));
    });

    const click = (actionId: string) =>
      post(buttonBody(actionId, investigation.id, message, t.slack.responseUrl()), FORM);
    const stored = async () =>
      (await (await t.server.api(`/api/investigations/${investigation.id}`)).json()) as Investigation;
    const shown = () => JSON.stringify(message.blocks ?? []);

    it('stores a feedback click with who rated, and re-renders the message to show it', async () => {
      expect((await click(ACTION_IDS.feedbackPartiallyAccurate)).status).toBe(200);
      const rated = await waitFor('the feedback', async () => (await stored()).feedback);
      expect(rated).toMatchObject({ rating: 'partially_accurate', by: 'bob', via: 'slack' });
      await waitFor('the rating in the message', async () =>
        shown().includes('Rated *Partially accurate* by bob'),
      );
    });

    it('stores an acknowledgement with who took it, and the message says so', async () => {
      await click(ACTION_IDS.acknowledge);
      expect(await waitFor('the acknowledgement', async () => (await stored()).acknowledgedBy)).toBe('bob');
      await waitFor('the acknowledgement in the message', async () =>
        shown().includes('Acknowledged by bob'),
      );
    });

    it("re-runs as a new investigation whose one message is posted in the original's thread", async () => {
      await click(ACTION_IDS.rerun);
      const rerun = await waitFor('the re-run', async () =>
        (await investigations()).items.find((i) => i.rerunOf === investigation.id),
      );
      expect(rerun.trigger).toMatchObject({ type: 'manual', requestedBy: 'slack:U0BOB' });
      const posted = await waitFor('its message', async () => messageAbout(rerun.id));
      expect(posted).toMatchObject({ channel: message.channel, threadTs: message.ts });
      expect(messagesAbout(rerun.id)).toHaveLength(1);
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
      expect(investigation.trigger).toMatchObject({ requestedBy: 'slack:U0CAROL' });
      // Its one message is the notifier's, in a thread under the question.
      const posted = await waitFor('its message', async () => messageAbout(investigation.id));
      expect(posted).toMatchObject({ channel: 'C0INCIDENTS', threadTs: mention.ts });
      expect(posted.text).toContain('checkout');
      expect(t.slack.workspace.thread('C0INCIDENTS', mention.ts)).toHaveLength(1);
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
      expect(text).toContain('deployment/report-exporter');
    });
  });
});

import { ACTION_IDS } from '@opsworker/chatbot/blocks/action-ids.ts';
import { buildFollowUpAnswer } from '@opsworker/chatbot/blocks/follow-up-answer.ts';
import { onDemandDigestTime } from '@opsworker/chatbot/digest/digest-figures.ts';
import { createApiClient, type Investigation, type OpsWorkerApi } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeCluster, startFakeCluster } from '../kube/fake-cluster.ts';
import type { ScenarioManifest } from '../kube/scenario-manifest.ts';
import {
  alertmanagerInstalled,
  type RealAlertmanager,
  startAlertmanager,
} from '../support/real-alertmanager.ts';
import type { TestServer } from '../support/test-server.ts';
import { waitFor } from '../support/wait-for.ts';
import { type BoltTestBot, startBoltTestBot } from './bolt-test-bot.ts';
import type { FakeSlack, FakeSlackMessage } from './fake-slack-server.ts';
import { buttonBody, commandBody, eventBody, FORM, JSON_TYPE, signed } from './signed-slack-request.ts';

const installed = alertmanagerInstalled();
const title = 'Slack end to end: real Alertmanager → OpsWorker → the Slack bot as npm start runs it';
if (!installed) console.warn(`${title}: SKIPPED, install prometheus-alertmanager (apt-get)`);

const shown = (message: FakeSlackMessage | undefined) => JSON.stringify(message?.blocks ?? []);

(installed ? describe : describe.skip)(title, () => {
  let cluster: FakeCluster;
  let slack: FakeSlack;
  let stack: BoltTestBot;
  let server: TestServer;
  let alertmanager: RealAlertmanager;
  let api: OpsWorkerApi;
  let investigation: Investigation;
  let message: FakeSlackMessage;

  const post = (body: string, type: string) => fetch(`${server.url}/slack/events`, signed(body, type));

  beforeAll(async () => {
    cluster = await startFakeCluster({ scenarios: ['oom-killed'] });
    // As scripts/start.ts runs it: the bot's mounts on the server, then the bot's start.
    stack = await startBoltTestBot({
      env: { OPSWORKER_KUBECONFIG: cluster.kubeconfigPath },
      overrides: { runInvestigations: true },
    });
    ({ slack, server } = stack);
    api = createApiClient({ baseUrl: server.url, token: server.apiToken });
    alertmanager = await startAlertmanager({
      webhookUrl: `${server.url}/webhooks/alertmanager`,
      bearerToken: server.webhookToken,
      groupBy: ['namespace'],
    });
    const scenario = cluster.scenarios.find((s) => s.name === 'oom-killed') as ScenarioManifest;
    // amtool refuses double quotes in values; the alert is the same with single ones.
    const annotations = Object.fromEntries(
      Object.entries(scenario.alert.annotations).map(([name, value]) => [name, value.replaceAll('"', "'")]),
    );
    await alertmanager.fire({ labels: scenario.alert.labels, annotations });
    message = await waitFor(
      'the investigation message to show the root cause',
      async () => {
        const top = slack.workspace.messages.filter((m) => !m.threadTs);
        return top.length === 1 && shown(top[0]).includes('Root cause') ? top[0] : undefined;
      },
      { timeoutMs: 30_000, lastSeen: () => slack.workspace.messages },
    );
    const { items } = await api.listInvestigations({ limit: 5 });
    investigation = items.find((i) => shown(message).includes(`"${i.id}"`)) as Investigation;
  }, 60_000);
  afterAll(async () => {
    await alertmanager?.stop();
    await stack?.stop();
    await cluster?.close();
  });

  it('posts one message for the alert in the channel, then updates it in place to the root cause', async () => {
    const detail = await api.getInvestigation(investigation.id);
    expect(detail.status).toBe('completed');
    expect(detail.trigger.type).toBe('alert');
    expect(message.channel).toBe(slack.workspace.channelId('#incidents'));
    expect(slack.calls('chat.postMessage').filter((call) => !call.args.thread_ts)).toHaveLength(1);
    expect(message.updates).toBeGreaterThan(0);
    const report = detail.report!;
    expect(shown(message)).toContain(`(${report.confidence} confidence)`);
    expect(message.text).toContain(report.rootCause.statement.slice(0, 60));
    expect(shown(message)).toMatch(/OOMKilled|137/);
  });

  it('answers a threaded follow-up question: "looking…" first, then the answer in the thread', async () => {
    const mention = {
      type: 'app_mention',
      user: 'U0CAROL',
      channel: message.channel,
      ts: '1800000000.000500',
      thread_ts: message.ts,
      text: '<@U0FAKEBOT> show me the previous logs',
    };
    expect((await post(eventBody(mention), JSON_TYPE)).status).toBe(200);
    const looking = await slack.waitForCall(
      'chat.postMessage',
      (call) => call.args.thread_ts === message.ts && String(call.args.text).startsWith('Looking'),
    );
    expect(looking.ok).toBe(true);
    const stored = await waitFor('the stored answer', async () =>
      (await api.messages(investigation.id)).find((m) => m.role === 'assistant'),
    );
    const reply = await waitFor('the answer in place of "looking…"', async () => {
      const replies = slack.workspace.thread(message.channel, message.ts);
      return replies.find((m) => m.updates > 0 && !m.text.startsWith('Looking'));
    });
    expect(reply.text).toBe(buildFollowUpAnswer(stored).text);
    expect(shown(reply)).toContain('report-exporter');
    const question = (await api.messages(investigation.id)).find((m) => m.role === 'user');
    expect(question?.text).toBe('show me the previous logs');
  });

  it('stores a feedback click and re-renders the message with it', async () => {
    const click = buttonBody(
      ACTION_IDS.feedbackAccurate,
      investigation.id,
      { channel: message.channel, ts: message.ts },
      slack.responseUrl(),
    );
    expect((await post(click, FORM)).status).toBe(200);
    const feedback = await waitFor(
      'the feedback',
      async () => (await api.getInvestigation(investigation.id)).feedback,
    );
    expect(feedback).toMatchObject({ rating: 'accurate', by: 'bob', via: 'slack' });
    await waitFor('the rating in the message', async () =>
      shown(message).includes('Rated *Accurate* by bob'),
    );
  });

  it('posts the digest on /opsworker digest, its alert figures matching what Alertmanager sent, with the chart', async () => {
    const asked = new Date();
    expect((await post(commandBody('digest', slack.responseUrl()), FORM)).status).toBe(200);
    const digest = await waitFor('the digest', async () =>
      slack.workspace.messages.find((m) => m.text.startsWith('OpsWorker digest')),
    );
    expect(digest.channel).toBe('C0INCIDENTS');
    // One alert was fired through Alertmanager, one investigation opened and rated accurate.
    const figures = await api.insights({ days: 1, until: onDemandDigestTime(asked).toISOString() });
    expect(figures.alertsReceived).toBe(1);
    expect(digest.text).toContain('1 alerts, 1 investigations, 1 still firing');
    const blocks = shown(digest);
    expect(blocks).toContain('*Alerts received*\\n1 (0 the day before)');
    expect(blocks).toContain('Pod is crash looping. — 1×');
    expect(blocks).toContain('oom killed — 1');
    expect(blocks).toContain('*Feedback accuracy*\\n100% (1 rated)');
    const chart = await waitFor('the chart', async () =>
      [...slack.workspace.files.values()].find((file) => file.filename.startsWith('alerts-by-hour')),
    );
    expect(chart).toMatchObject({ channel: digest.channel, threadTs: digest.ts });
    expect(chart.bytes?.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});

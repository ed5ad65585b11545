import { ACTION_IDS, FEEDBACK_ACTIONS } from '@opsworker/chatbot/blocks/action-ids.ts';
import { SlackNotifier } from '@opsworker/chatbot/notifier/slack-notifier.ts';
import { type RunningSlackNotifier, startNotifier } from '@opsworker/chatbot/notifier/start-notifier.ts';
import type { Investigation } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awaitAlertOutcome, fireScenarioAlert } from '../engine-e2e/scenario-run.ts';
import { type FakeCluster, startFakeCluster } from '../kube/fake-cluster.ts';
import type { ScenarioManifest } from '../kube/scenario-manifest.ts';
import { alertmanagerPayload } from '../support/alertmanager-payload.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { waitFor } from '../support/wait-for.ts';
import { type FakeSlack, type FakeSlackMessage, startFakeSlack } from './fake-slack-server.ts';
import { deliveryFor, investigationRecord, tempDataDir } from './slack-fixtures.ts';

const text = (message: FakeSlackMessage | undefined) => JSON.stringify(message?.blocks ?? []);

describe('Slack notifier, following a real local server investigating the simulated cluster', () => {
  let cluster: FakeCluster;
  let server: TestServer;
  let slack: FakeSlack;
  let data: ReturnType<typeof tempDataDir>;
  let running: RunningSlackNotifier;
  let scenario: ScenarioManifest;
  let investigation: Investigation;
  let message: FakeSlackMessage;

  beforeAll(async () => {
    cluster = await startFakeCluster({ scenarios: ['oom-killed'] });
    server = await startTestServer({
      env: { OPSWORKER_KUBECONFIG: cluster.kubeconfigPath },
      overrides: { runInvestigations: true },
    });
    slack = await startFakeSlack();
    data = tempDataDir();
    running = await startNotifier({
      apiUrl: server.url,
      apiToken: server.apiToken,
      botToken: slack.botToken,
      slackApiUrl: slack.apiUrl,
      dataDir: data.dir,
      defaultChannel: '#oncall',
      publicUrl: 'https://ops.example.com',
    });
    scenario = cluster.scenarios.find((s) => s.name === 'oom-killed') as ScenarioManifest;
    const outcome = await awaitAlertOutcome(server, await fireScenarioAlert(server, scenario));
    investigation = outcome.investigation as Investigation;
    message = await waitFor('the message to show the root cause', async () => {
      const top = slack.workspace.messages.filter((m) => !m.threadTs);
      return top.length === 1 && text(top[0]).includes('Root cause') ? top[0] : undefined;
    });
  });
  afterAll(async () => {
    await running?.close();
    await slack?.close();
    await server?.stop();
    await cluster?.close();
    data?.remove();
  });

  it('posts one message in the default channel and updates it in place to the answer', async () => {
    expect(investigation.status).toBe('completed');
    expect(slack.calls('chat.postMessage').filter((call) => !call.args.thread_ts)).toHaveLength(1);
    expect(message.channel).toBe(slack.workspace.channelId('#oncall'));
    expect(message.updates).toBeGreaterThan(0);
  });

  it('ends with root cause, confidence, evidence excerpts, next steps in code blocks and the buttons', () => {
    const report = investigation.report!;
    const blocks = text(message);
    expect(blocks).toContain(`(${report.confidence} confidence)`);
    expect(blocks).toContain(report.evidence[0]!.title);
    expect(blocks).toContain('```kubectl');
    for (const id of [
      ACTION_IDS.openDesktop,
      ACTION_IDS.openPortal,
      ACTION_IDS.rerun,
      ACTION_IDS.acknowledge,
      ...Object.values(FEEDBACK_ACTIONS),
    ])
      expect(blocks).toContain(id);
    expect(blocks).toContain(`opsworker://investigations/${investigation.id}`);
  });

  it('spaces its updates at least about a second apart', () => {
    const updates = slack.calls('chat.update').map((call) => call.at);
    for (let i = 1; i < updates.length; i++)
      expect(updates[i]! - updates[i - 1]!).toBeGreaterThanOrEqual(900);
  });

  it('puts the key steps in the thread', async () => {
    const lines = await waitFor('thread steps up to the end', async () => {
      const thread = slack.workspace
        .thread(message.channel, message.ts)
        .map((m) => m.text)
        .join('\n');
      return thread.includes('checkered_flag') ? thread : undefined;
    });
    expect(lines).toContain('Investigation started');
    expect(lines).not.toContain('evidence read');
  });

  it('shows a feedback given through the API in the message', async () => {
    await running.api.feedback(investigation.id, { rating: 'accurate', by: 'alice', via: 'api' });
    await waitFor('the rating in the message', async () =>
      text(message).includes('Rated *Accurate* by alice'),
    );
  });

  it('says so when the alert resolves', async () => {
    await server.webhook('alertmanager', alertmanagerPayload([{ ...scenario.alert, status: 'resolved' }]));
    await waitFor('the resolution in the message', async () => text(message).includes('Resolved at'), {
      timeoutMs: 30_000,
      lastSeen: () => message.blocks,
    });
    expect(message.text).toContain('Resolved');
    expect(slack.calls('chat.postMessage').filter((call) => !call.args.thread_ts)).toHaveLength(1);
  });
});

describe('Slack notifier, given a burst of changes', () => {
  it('coalesces them into few updates that end with the latest state', async () => {
    const slack = await startFakeSlack();
    const data = tempDataDir();
    const { state, delivery } = deliveryFor(slack, data.dir);
    const notifier = new SlackNotifier({ state, delivery, channelFor: async () => '#oncall' });
    delivery.start();
    try {
      const start = investigationRecord();
      await notifier.handle({ type: 'investigation', investigation: start });
      await slack.waitForCall('chat.postMessage');
      for (let i = 1; i <= 20; i++) {
        await notifier.handle({
          type: 'timeline',
          event: {
            id: `t${i}`,
            orgId: start.orgId,
            investigationId: start.id,
            seq: i,
            at: new Date().toISOString(),
            type: 'step',
            message: `Step ${i}`,
          },
        });
      }
      await delivery.idle(10_000);
      const [posted] = slack.workspace.messages.filter((m) => !m.threadTs);
      expect(text(posted)).toContain('Step 20');
      expect(slack.calls('chat.update').length).toBeLessThanOrEqual(2);
      // Twenty steps, but only a few thread posts: lines are gathered while one is on its way.
      expect(slack.workspace.thread(posted!.channel, posted!.ts).length).toBeLessThanOrEqual(3);
      expect(
        slack.workspace
          .thread(posted!.channel, posted!.ts)
          .map((m) => m.text)
          .join('\n'),
      ).toContain('Step 20');
    } finally {
      await delivery.stop();
      await slack.close();
      data.remove();
    }
  });

  // Why: the pipeline stamps a resolution with its webhook's receipt time, so under load it can
  // look older than a write that landed meanwhile; dropping it left the message unresolved.
  it('shows a resolution whose event looks older than what it knows, settling it from the store', async () => {
    const slack = await startFakeSlack();
    const data = tempDataDir();
    const { state, delivery } = deliveryFor(slack, data.dir);
    const acknowledged = investigationRecord({
      status: 'completed',
      acknowledgedAt: new Date().toISOString(),
      acknowledgedBy: 'alice',
      updatedAt: '2026-11-24T10:00:02.000Z',
    });
    const resolved = {
      ...acknowledged,
      resolvedAt: '2026-11-24T10:00:01.000Z',
      updatedAt: '2026-11-24T10:00:01.000Z',
    };
    const stored = { current: acknowledged };
    const notifier = new SlackNotifier({
      state,
      delivery,
      channelFor: async () => '#oncall',
      getInvestigation: async () => stored.current,
    });
    delivery.start();
    try {
      await notifier.handle({ type: 'investigation', investigation: acknowledged });
      stored.current = resolved;
      await notifier.handle({ type: 'investigation', investigation: resolved });
      await delivery.idle(10_000);
      const [posted] = slack.workspace.messages.filter((m) => !m.threadTs);
      expect(posted?.text).toContain('Resolved');
      expect(text(posted)).toContain('Acknowledged by alice');
    } finally {
      await delivery.stop();
      await slack.close();
      data.remove();
    }
  });

  it('waits for the Slack app to attach an investigation a Slack user started, then posts in that thread', async () => {
    const slack = await startFakeSlack();
    const data = tempDataDir();
    const { state, delivery } = deliveryFor(slack, data.dir);
    const notifier = new SlackNotifier({ state, delivery, channelFor: async () => '#oncall' });
    delivery.start();
    try {
      const fromSlack = investigationRecord({
        id: 'inv_slack',
        trigger: { type: 'manual', requestedBy: 'slack:U123' },
      });
      await notifier.handle({ type: 'investigation', investigation: fromSlack });
      await delivery.idle(5000);
      expect(slack.calls('chat.postMessage')).toHaveLength(0);
      await notifier.attach(fromSlack, { channel: 'C0THREAD1', threadTs: '1700000000.000100' });
      const call = await slack.waitForCall('chat.postMessage');
      expect(call.args).toMatchObject({ channel: 'C0THREAD1', thread_ts: '1700000000.000100' });
    } finally {
      await delivery.stop();
      await slack.close();
      data.remove();
    }
  });
});

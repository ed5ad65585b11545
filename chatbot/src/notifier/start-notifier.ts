import { createApiClient, type OpsWorkerApi } from '@opsworker/shared';
import { SlackDelivery } from '../slack-client/slack-delivery.ts';
import { createDeliveryClient } from '../slack-client/web-client.ts';
import { LowdbSlackState } from '../state/lowdb-slack-state.ts';
import type { SlackState } from '../state/slack-state.ts';
import { type ChannelRoute, createChannelRouter } from './channel-router.ts';
import { type OrgEventSource, openOrgEventSource } from './org-event-source.ts';
import { SlackNotifier } from './slack-notifier.ts';

export interface SlackNotifierSetup {
  /** The OpsWorker server (`http://127.0.0.1:8080`) and an API token for it. */
  apiUrl: string;
  apiToken: string;
  /** `SLACK_BOT_TOKEN`, and `SLACK_API_URL` (a local fake in tests). */
  botToken: string;
  slackApiUrl?: string | undefined;
  /** State lives under `<dataDir>/slack/`; ignored when `state` is given. */
  dataDir?: string | undefined;
  state?: SlackState | undefined;
  defaultChannel?: string | undefined;
  routes?: ChannelRoute[] | undefined;
  /** `OPSWORKER_PUBLIC_URL`, for portal links. */
  publicUrl?: string | undefined;
  log?: ((message: string) => void) | undefined;
  minUpdateIntervalMs?: number | undefined;
  fetch?: typeof fetch | undefined;
}

export interface RunningSlackNotifier {
  notifier: SlackNotifier;
  delivery: SlackDelivery;
  state: SlackState;
  api: OpsWorkerApi;
  /** Resolves when nothing is left to send. */
  idle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Builds the notifier and its delivery loop (started), without an event source: for SNS-fed Lambdas. */
export function createSlackNotifier(setup: SlackNotifierSetup): RunningSlackNotifier {
  const state = setup.state ?? new LowdbSlackState(requireDataDir(setup));
  const api = createApiClient({
    baseUrl: setup.apiUrl,
    token: setup.apiToken,
    ...(setup.fetch ? { fetch: setup.fetch } : {}),
  });
  const delivery = new SlackDelivery({
    state,
    client: createDeliveryClient({ token: setup.botToken, apiUrl: setup.slackApiUrl }),
    log: setup.log,
    minUpdateIntervalMs: setup.minUpdateIntervalMs,
  });
  const channelFor = createChannelRouter({
    defaultChannel: setup.defaultChannel,
    routes: setup.routes,
    lookupRule: async (ruleId) => {
      const rule = await api.getRule(ruleId);
      return { name: rule.name, slackChannel: rule.slackChannel };
    },
  });
  const notifier = new SlackNotifier({
    state,
    delivery,
    channelFor,
    getInvestigation: (id) => api.getInvestigation(id).catch(() => undefined),
    links: { publicUrl: setup.publicUrl },
    log: setup.log,
  });
  delivery.start();
  return {
    notifier,
    delivery,
    state,
    api,
    idle: (timeoutMs) => delivery.idle(timeoutMs),
    close: () => delivery.stop(),
  };
}

/**
 * The local notifier: follows the server's `/api/events`, posts and updates investigation
 * messages, and after each (re)connection catches up on the last hour's investigations.
 */
export async function startNotifier(
  setup: SlackNotifierSetup,
): Promise<RunningSlackNotifier & { events: OrgEventSource }> {
  const running = createSlackNotifier(setup);
  const events = openOrgEventSource({
    baseUrl: setup.apiUrl,
    token: setup.apiToken,
    fetch: setup.fetch,
    log: setup.log,
    onEvent: (event) => {
      void running.notifier.handle(event);
    },
    onConnected: async () => {
      const recent = await running.api.listInvestigations({ limit: 25 }).catch(() => ({ items: [] }));
      for (const investigation of recent.items.reverse())
        void running.notifier.handle({ type: 'investigation', investigation });
    },
  });
  await events.connected;
  return {
    ...running,
    events,
    async close() {
      events.close();
      await running.close();
    },
  };
}

function requireDataDir(setup: SlackNotifierSetup): string {
  if (!setup.dataDir)
    throw new Error('The Slack notifier needs a dataDir (or a state) to keep pending messages');
  return setup.dataDir;
}

import type { TransportLog } from '@opsworker/agent/transport/sqs-log.ts';
import type { AgentTransport } from '@opsworker/shared';
import { Hono } from 'hono';
import { ConversationService } from '../conversation/conversation-service.ts';
import { readLlmConfig } from '../engine/llm/llm-config.ts';
import { createLlmStage, type LlmStageParts } from '../engine/llm/llm-stage.ts';
import type { Enrich } from '../engine/worker/enrich.ts';
import { InvestigationWorker } from '../engine/worker/investigation-worker.ts';
import { createHttpApp } from '../http/app.ts';
import type { AppEnv } from '../http/app-env.ts';
import { requireToken } from '../http/auth.ts';
import { errorResponse } from '../http/error-response.ts';
import { WebhookIngest } from '../ingest/webhook-ingest.ts';
import { InsightsService } from '../insights/insights-service.ts';
import { InvestigationActions } from '../investigations/investigation-actions.ts';
import { InvestigationService } from '../investigations/investigation-service.ts';
import { KubectlService } from '../kubectl/kubectl-service.ts';
import type { Logger } from '../log/logger.ts';
import { createOpsWorkerMetrics } from '../metrics/opsworker-metrics.ts';
import { RuleBook } from '../org-rules/rule-book.ts';
import { TokenAuthenticator } from '../orgs/token-authenticator.ts';
import { AGENT_HINT, SqsAgentRouter } from './agents/sqs-agent-router.ts';
import { type CloudClients, createCloudCore } from './cloud-core.ts';
import type { CloudConfig } from './config.ts';
import { polledEventRoutes } from './http/polled-event-routes.ts';
import { CloudAlertIngest } from './ingest/cloud-alert-ingest.ts';
import { SecretReader } from './secrets.ts';

/** What tests and benchmarks swap: clients pointed at loopback stand-ins, and the network edges. */
export interface CloudOverrides {
  clients?: Partial<CloudClients>;
  fetch?: typeof fetch;
  log?: Logger;
  /** Replaces the configured LLM stage (tests: a scripted model). */
  enrich?: Enrich;
  /** How long a call to a cluster's agent may wait for its answer. */
  agentTimeoutMs?: number;
  /** See CloudAlertIngest: when a repeated alert re-sends its queued investigation's job. */
  ingestRequeueAfterMs?: number;
  now?: () => Date;
}

export type CloudComposition = Awaited<ReturnType<typeof createCloudComposition>>;

/**
 * The cloud's wiring of the same modules the local server runs: DynamoDB and S3 for the store
 * ports, SQS for investigation jobs and each cluster's agent, SNS in place of the in-process
 * event bus, and a direct ingest instead of the local journal. Built once per Lambda container.
 */
export async function createCloudComposition(config: CloudConfig, overrides: CloudOverrides = {}) {
  const core = createCloudCore(config, overrides);
  const { clients, log, logError, store, blobs, counter, lease, sequencer, bus, queue, registry } = core;
  const transportLog: TransportLog = { info: (m, f) => log.info(m, f), warn: (m, f) => log.warn(m, f) };
  const metrics = createOpsWorkerMetrics();
  const agents = new SqsAgentRouter({
    sqs: clients.sqs,
    registry,
    queuePrefix: config.agentQueuePrefix,
    knownQueueUrl: config.investigationQueueUrl,
    ...(overrides.agentTimeoutMs ? { timeoutMs: overrides.agentTimeoutMs } : {}),
    log: transportLog,
  });
  const agentFor = (investigation: Parameters<SqsAgentRouter['agentFor']>[0]): Promise<AgentTransport> =>
    agents.agentFor(investigation);
  const secrets = new SecretReader(clients.secrets);
  const llm = await llmStage(config, secrets, agentFor);
  const enrich = overrides.enrich ?? llm?.enrich;
  const investigations = new InvestigationService({
    store,
    queue,
    bus,
    metrics,
    ...(overrides.now ? { now: overrides.now } : {}),
  });

  const worker = new InvestigationWorker({
    store,
    blobs,
    bus,
    metrics,
    sequencer,
    agentFor,
    ...(enrich ? { enrich } : {}),
    unreachableHint: AGENT_HINT,
    log: logError,
    ...(overrides.now ? { now: overrides.now } : {}),
  });

  const httpApp = () => {
    const authenticator = new TokenAuthenticator(store);
    const fetchImpl = overrides.fetch ?? fetch;
    const ingest = new CloudAlertIngest({
      store,
      blobs,
      queue,
      bus,
      metrics,
      sequencer,
      lease,
      counter,
      groupWindowMs: config.groupWindowMs,
      ...(overrides.ingestRequeueAfterMs !== undefined
        ? { requeueAfterMs: overrides.ingestRequeueAfterMs }
        : {}),
      ...(overrides.now ? { now: overrides.now } : {}),
    });
    const webhooks = new WebhookIngest({
      authenticator,
      pipeline: ingest,
      metrics,
      sns: { verify: true, fetch: fetchImpl, fetchCertificate: async (url) => (await fetchImpl(url)).text() },
      log: logError,
    });
    const app = new Hono<AppEnv>();
    // Live events answer and end (API Gateway buffers responses): registered before the app's
    // streaming routes for the same paths, which they replace.
    app.use('/api/events', requireToken(authenticator, 'api'));
    app.use('/api/investigations/:id/events', requireToken(authenticator, 'api'));
    app.route('/api', polledEventRoutes({ store, investigations }));
    app.route(
      '/',
      createHttpApp({
        authenticator,
        webhooks,
        store,
        rules: new RuleBook(store),
        investigations,
        actions: new InvestigationActions({ store, bus, sequencer, investigations }),
        insights: new InsightsService({ store, ...(overrides.now ? { now: overrides.now } : {}) }),
        kubectl: new KubectlService({
          agentFor: (orgId, cluster) => agents.agentFor({ orgId, scope: cluster ? { cluster } : {} }),
        }),
        conversations: new ConversationService({
          store,
          bus,
          sequencer,
          agentFor,
          ...(llm ? { llm: llm.answerer } : {}),
          log: logError,
        }),
        bus,
        metrics,
        version: 'cloud',
        log: logError,
      }),
    );
    app.onError((error, c) => errorResponse(c, error, logError));
    return app;
  };

  return {
    ...core,
    agents,
    investigations,
    worker,
    httpApp,
    async close() {
      await worker.close();
      await agents.close();
    },
  };
}

/** The LLM stage from the environment plus the model secret (API keys live only there). */
async function llmStage(
  config: CloudConfig,
  secrets: SecretReader,
  agentFor: (investigation: Parameters<SqsAgentRouter['agentFor']>[0]) => Promise<AgentTransport>,
): Promise<LlmStageParts | undefined> {
  const fromSecret = config.modelSecretArn ? await secrets.read(config.modelSecretArn) : {};
  const result = readLlmConfig({ ...config.llmEnv, ...fromSecret });
  if (!result.ok) throw new Error(`Invalid model configuration: ${result.problems.join('; ')}`);
  return createLlmStage(result.config, agentFor);
}

import { randomBytes } from 'node:crypto';
import { createServer, type RequestListener, type Server } from 'node:http';
import { join } from 'node:path';
import { createFileAuditSink } from '@opsworker/agent/audit/json-lines-audit-sink.ts';
import type { AgentTransport } from '@opsworker/shared';
import type { Hono } from 'hono';
import { ConversationService } from '../conversation/conversation-service.ts';
import type { CollectionBudget } from '../engine/collect/collection-budget.ts';
import { createLlmStage } from '../engine/llm/llm-stage.ts';
import type { Enrich } from '../engine/worker/enrich.ts';
import { InvestigationWorker } from '../engine/worker/investigation-worker.ts';
import { createKubeconfigAgent, KUBECONFIG_HINT } from '../engine/worker/kubeconfig-agent.ts';
import { EventBus } from '../events/event-bus.ts';
import { createHttpApp } from '../http/app.ts';
import type { AppEnv } from '../http/app-env.ts';
import { AlertPipeline } from '../ingest/alert-pipeline.ts';
import { IngestJournal } from '../ingest/ingest-journal.ts';
import { WebhookIngest } from '../ingest/webhook-ingest.ts';
import { InsightsService } from '../insights/insights-service.ts';
import { InvestigationActions } from '../investigations/investigation-actions.ts';
import { InvestigationService } from '../investigations/investigation-service.ts';
import { TimelineSequencer } from '../investigations/timeline-sequencer.ts';
import { KubectlService } from '../kubectl/kubectl-service.ts';
import { createLogger, type Logger } from '../log/logger.ts';
import { createOpsWorkerMetrics } from '../metrics/opsworker-metrics.ts';
import { RuleBook } from '../org-rules/rule-book.ts';
import {
  type CreatedOrganization,
  DEFAULT_ORG_ID,
  ensureDefaultOrganization,
} from '../orgs/organizations.ts';
import { TokenAuthenticator } from '../orgs/token-authenticator.ts';
import { InProcessQueue } from '../queue/in-process-queue.ts';
import type { InvestigationJob } from '../queue/queue.ts';
import { FileBlobStore } from '../store/local/file-blob-store.ts';
import { LocalStore } from '../store/local/local-store.ts';
import type { LocalConfig } from './config.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { createPortalHandler } from './portal-static.ts';
import { createRequestListener, type Mount } from './request-listener.ts';
import { OPSWORKER_VERSION } from './version.ts';

/** What tests and embedders can swap: the network edges a user cannot see. */
export interface LocalServerOverrides {
  fetch?: typeof fetch;
  fetchCertificate?: (url: string) => Promise<string>;
  log?: Logger;
  /**
   * The agent of the cluster to investigate. By default: the in-process agent on the configured
   * kubeconfig (OPSWORKER_KUBECONFIG, KUBECONFIG, ~/.kube/config), connected at the first investigation.
   */
  agentTransport?: AgentTransport;
  /** The optional LLM stage, run after each deterministic report. */
  enrich?: Enrich;
  /** Bounds on what one investigation may read from the cluster. */
  collectionBudget?: Partial<CollectionBudget>;
  /**
   * `false`: investigations are stored and queued but not run (tests of the ingest pipeline and
   * the API on their own, which expect them to stay queued). Default true.
   */
  runInvestigations?: boolean;
  /** node:http handlers for paths under a prefix, tried before the app (Slack's `/slack/events`). */
  mounts?: Mount[];
}

export interface LocalServer {
  url: string;
  app: Hono<AppEnv>;
  store: LocalStore;
  pipeline: AlertPipeline;
  queue: InProcessQueue<InvestigationJob>;
  investigations: InvestigationService;
  bus: EventBus;
  sequencer: TimelineSequencer;
  worker: InvestigationWorker;
  /** Set on the first start: the default organization's tokens, in clear, shown once. */
  createdDefaultOrg: CreatedOrganization | undefined;
  /** An API token of the default organization valid for this process only (in-process front ends). */
  internalApiToken: string;
  close(): Promise<void>;
}

/** Wires every local adapter into one process and starts listening. */
export async function startLocalServer(
  config: LocalConfig,
  overrides: LocalServerOverrides = {},
): Promise<LocalServer> {
  const log = overrides.log ?? createLogger(config.logLevel);
  const unlock = lockDataDir(config.dataDir);
  try {
    const store = new LocalStore(config.dataDir);
    const rules = new RuleBook(store);
    const { created } = await ensureDefaultOrganization(
      { store, rules },
      { webhookToken: config.webhookToken, apiToken: config.apiToken },
    );
    const metrics = createOpsWorkerMetrics();
    const bus = new EventBus();
    // Filled in below: the queue reports a job it gave up on to the worker, which fails it cleanly.
    let worker: InvestigationWorker | undefined;
    const queue = new InProcessQueue<InvestigationJob>({
      onError: (error, job) => {
        log.error(`investigation ${job.investigationId} failed`, error);
        void worker?.giveUp(job, error).catch((failure) => log.error('could not mark it failed', failure));
      },
    });
    const sequencer = new TimelineSequencer(store);
    const blobs = new FileBlobStore(config.dataDir);
    const pipeline = new AlertPipeline({
      store,
      blobs,
      journal: new IngestJournal(join(config.dataDir, 'journal')),
      rules,
      queue,
      bus,
      metrics,
      groupWindowMs: config.groupWindowMs,
      sequencer,
      log: (message, error) => log.error(message, error),
    });
    await pipeline.start();
    const investigations = new InvestigationService({ store, queue, bus, metrics });
    const agent = overrides.agentTransport
      ? undefined
      : createKubeconfigAgent({
          ...(config.kubeconfigPath ? { kubeconfigPath: config.kubeconfigPath } : {}),
          ...(config.kubeContext ? { context: config.kubeContext } : {}),
          audit: () =>
            createFileAuditSink(join(config.dataDir, 'agent-audit.jsonl'), (error) =>
              log.warn(`the agent's audit log cannot be written: ${error.message}`),
            ),
        });
    const agentFor = async () => overrides.agentTransport ?? (await agent!.transport());
    const llm = await createLlmStage(config.llm, agentFor);
    const enrich = overrides.enrich ?? llm?.enrich;
    worker = new InvestigationWorker({
      store,
      blobs,
      bus,
      metrics,
      sequencer,
      agentFor,
      ...(enrich ? { enrich } : {}),
      ...(overrides.collectionBudget ? { budget: overrides.collectionBudget } : {}),
      unreachableHint: KUBECONFIG_HINT,
      log: (message, error) => log.error(message, error),
    });
    const investigationWorker = worker;
    if (overrides.runInvestigations !== false) queue.consume((job) => investigationWorker.handle(job));
    const orgIds = (await store.listOrganizations()).map((org) => org.id);
    await investigations.requeueUnfinished(orgIds);

    const authenticator = new TokenAuthenticator(store);
    const internalApiToken = `owi_${randomBytes(24).toString('base64url')}`;
    authenticator.allowForProcess(internalApiToken, DEFAULT_ORG_ID);
    const fetchImpl = overrides.fetch ?? fetch;
    const webhooks = new WebhookIngest({
      authenticator,
      pipeline,
      metrics,
      sns: {
        verify: config.snsVerify,
        fetch: fetchImpl,
        fetchCertificate: overrides.fetchCertificate ?? (async (url) => (await fetchImpl(url)).text()),
      },
      log: (message, error) => log.error(message, error),
    });
    const logError = (message: string, error?: unknown) => log.error(message, error);
    const conversations = new ConversationService({
      store,
      bus,
      sequencer,
      agentFor,
      ...(llm ? { llm: llm.answerer } : {}),
      log: logError,
    });
    const app = createHttpApp({
      authenticator,
      webhooks,
      store,
      rules,
      investigations,
      actions: new InvestigationActions({ store, bus, sequencer, investigations }),
      insights: new InsightsService({ store }),
      kubectl: new KubectlService({ agentFor: () => agentFor() }),
      conversations,
      bus,
      metrics,
      version: OPSWORKER_VERSION,
      log: logError,
    });
    const listener = createRequestListener(app, webhooks, logError, {
      mounts: overrides.mounts ?? [],
      portal: createPortalHandler(config.portalDir),
    });
    const server = await listen(listener, config.host, config.port);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return {
      url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
      app,
      store,
      pipeline,
      queue,
      investigations,
      bus,
      sequencer,
      worker: investigationWorker,
      createdDefaultOrg: created,
      internalApiToken,
      async close() {
        // Stop taking requests and drop live streams, then finish what was accepted.
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await pipeline.stop();
        await queue.close();
        await investigationWorker.close();
        agent?.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

function listen(listener: RequestListener, hostname: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(listener);
    server.once('error', reject);
    server.listen(port, hostname, () => resolve(server));
  });
}

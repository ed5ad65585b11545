import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { ConversationService } from '../conversation/conversation-service.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { WebhookIngest } from '../ingest/webhook-ingest.ts';
import type { InsightsService } from '../insights/insights-service.ts';
import type { InvestigationActions } from '../investigations/investigation-actions.ts';
import type { InvestigationService } from '../investigations/investigation-service.ts';
import type { KubectlService } from '../kubectl/kubectl-service.ts';
import type { OpsWorkerMetrics } from '../metrics/opsworker-metrics.ts';
import type { RuleBook } from '../org-rules/rule-book.ts';
import type { TokenAuthenticator } from '../orgs/token-authenticator.ts';
import type { Store } from '../store/store.ts';
import type { AppEnv } from './app-env.ts';
import { requireToken } from './auth.ts';
import { errorResponse } from './error-response.ts';
import { HttpError } from './http-error.ts';
import { alertRoutes } from './routes/alerts.ts';
import { insightsRoutes } from './routes/insights.ts';
import { investigationRoutes } from './routes/investigations.ts';
import { kubectlRoutes } from './routes/kubectl.ts';
import { messageRoutes } from './routes/messages.ts';
import { operationsRoutes } from './routes/operations.ts';
import { orgEventRoutes } from './routes/org-events.ts';
import { ruleRoutes } from './routes/rules.ts';
import { webhookRoutes } from './routes/webhooks.ts';

/** Where the Electron app serves its renderer from (desktop/src/main). */
export const DESKTOP_ORIGIN = 'app://opsworker';

export interface HttpAppDeps {
  authenticator: TokenAuthenticator;
  webhooks: WebhookIngest;
  store: Store;
  rules: RuleBook;
  investigations: InvestigationService;
  actions: InvestigationActions;
  insights: InsightsService;
  kubectl: KubectlService;
  conversations: ConversationService;
  bus: EventBus;
  metrics: OpsWorkerMetrics;
  version: string;
  log: (message: string, error?: unknown) => void;
}

/**
 * The HTTP application: webhooks, the REST API, live events, health and metrics. It is a
 * plain fetch handler, so the local server and the cloud's Lambda entry point serve the same app.
 */
export function createHttpApp(deps: HttpAppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', operationsRoutes(deps));
  app.route('/webhooks', webhookRoutes(deps));

  const api = new Hono<AppEnv>();
  // The desktop app's page is served from its own origin and calls the API with a bearer
  // token (never cookies), so allowing that origin exposes nothing a token does not already.
  api.use(
    '*',
    cors({
      origin: DESKTOP_ORIGIN,
      allowHeaders: ['Authorization', 'Content-Type', 'Last-Event-ID'],
      allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
      maxAge: 600,
    }),
  );
  api.use('*', requireToken(deps.authenticator, 'api'));
  api.route('/alerts', alertRoutes(deps));
  api.route('/investigations', investigationRoutes(deps));
  api.route('/investigations/:id/messages', messageRoutes(deps));
  api.route('/rules', ruleRoutes(deps));
  api.route('/events', orgEventRoutes(deps));
  api.route('/insights', insightsRoutes(deps));
  api.route('/kubectl', kubectlRoutes(deps));
  app.route('/api', api);

  app.notFound((c) =>
    errorResponse(
      c,
      new HttpError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`),
      deps.log,
    ),
  );
  app.onError((error, c) => errorResponse(c, error, deps.log));
  return app;
}

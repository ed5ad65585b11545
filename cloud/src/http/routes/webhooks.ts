import { Hono } from 'hono';
import type { WebhookIngest } from '../../ingest/webhook-ingest.ts';
import type { AppEnv } from '../app-env.ts';
import { bearerToken } from '../auth.ts';
import { honoBody } from '../hono-body.ts';

/** `POST /webhooks/{source}[/{token}]`: a thin adapter over WebhookIngest. */
export function webhookRoutes(deps: { webhooks: WebhookIngest }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  for (const path of ['/:source', '/:source/:token']) {
    app.post(path, async (c) => {
      const outcome = await deps.webhooks.handle({
        source: c.req.param('source') ?? '',
        token: bearerToken(c.req.header('authorization')) ?? c.req.param('token'),
        body: honoBody(c),
      });
      return c.json(outcome.body, outcome.status as 202);
    });
  }
  return app;
}

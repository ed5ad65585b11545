import { Hono } from 'hono';
import type { InsightsService } from '../../insights/insights-service.ts';
import type { AppEnv } from '../app-env.ts';

/** `GET /api/insights?days=7&until=<iso>`: the figures behind the Insights page, App Home and the digest. */
export function insightsRoutes(deps: { insights: InsightsService }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => c.json(await deps.insights.compute(c.get('orgId'), c.req.query())));
  return app;
}

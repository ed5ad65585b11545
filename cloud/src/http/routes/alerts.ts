import { AlertSource, AlertStatus, NotFoundError } from '@opsworker/shared';
import { Hono } from 'hono';
import type { Store } from '../../store/store.ts';
import type { AppEnv } from '../app-env.ts';
import { PageQuery, parseQuery } from '../query.ts';

const AlertListQuery = PageQuery.extend({ status: AlertStatus.optional(), source: AlertSource.optional() });

/** `GET /api/alerts` and `GET /api/alerts/{id}` (with the rule decisions: why it was or was not investigated). */
export function alertRoutes(deps: { store: Store }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const query = parseQuery(c, AlertListQuery);
    return c.json(await deps.store.listAlerts(c.get('orgId'), query));
  });
  app.get('/:id', async (c) => {
    const orgId = c.get('orgId');
    const alert = await deps.store.getAlert(orgId, c.req.param('id'));
    if (!alert) throw new NotFoundError(`alert ${c.req.param('id')} not found`);
    const decisions = await deps.store.listDecisions(orgId, { alertId: alert.id, limit: 50 });
    return c.json({ ...alert, decisions });
  });
  return app;
}

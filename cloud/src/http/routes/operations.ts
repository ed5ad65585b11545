import { Hono } from 'hono';
import type { OpsWorkerMetrics } from '../../metrics/opsworker-metrics.ts';
import type { Store } from '../../store/store.ts';
import type { AppEnv } from '../app-env.ts';

/** `GET /healthz` and `GET /metrics` (Prometheus text format), unauthenticated like most exporters. */
export function operationsRoutes(deps: {
  store: Store;
  metrics: OpsWorkerMetrics;
  version: string;
}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok', version: deps.version }));
  app.get('/metrics', async (c) => {
    const series = [];
    for (const org of await deps.store.listOrganizations()) {
      for (const { status, outcome, count } of await deps.store.countInvestigations(org.id)) {
        series.push({ labels: { org: org.id, status, outcome: outcome ?? '' }, value: count });
      }
    }
    deps.metrics.investigations.replace(series);
    return c.text(deps.metrics.registry.render(), 200, {
      'Content-Type': 'text/plain; version=0.0.4; charset=utf-8',
    });
  });
  return app;
}

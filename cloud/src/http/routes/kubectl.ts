import { Hono } from 'hono';
import type { KubectlService } from '../../kubectl/kubectl-service.ts';
import type { AppEnv } from '../app-env.ts';
import { honoBody } from '../hono-body.ts';
import { readJsonBody } from '../read-json-body.ts';

/** `POST /api/kubectl { command, cluster? }`: one read-only kubectl command through the agent. */
export function kubectlRoutes(deps: { kubectl: KubectlService }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/', async (c) => {
    const { value } = await readJsonBody(honoBody(c));
    return c.json(await deps.kubectl.run(c.get('orgId'), value));
  });
  return app;
}

import { parseWith } from '@opsworker/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { RuleBook } from '../../org-rules/rule-book.ts';
import { previewRule } from '../../rules/preview-rule.ts';
import { validateRuleInput } from '../../rules/validate-rule-input.ts';
import type { Store } from '../../store/store.ts';
import type { AppEnv } from '../app-env.ts';
import { honoBody } from '../hono-body.ts';
import { readJsonBody } from '../read-json-body.ts';

const PreviewRequest = z.object({ rule: z.unknown(), limit: z.number().int().min(1).max(1000).default(200) });

/** CRUD on `/api/rules`, and `POST /api/rules/preview`: which recent alerts a rule would match. */
export function ruleRoutes(deps: { rules: RuleBook; store: Store }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => c.json({ items: await deps.rules.list(c.get('orgId')) }));
  app.post('/', async (c) => {
    const { value } = await readJsonBody(honoBody(c));
    return c.json(await deps.rules.create(c.get('orgId'), value), 201);
  });
  app.post('/preview', async (c) => {
    const { value } = await readJsonBody(honoBody(c));
    const request = parseWith(PreviewRequest, value, 'preview');
    const rule = validateRuleInput(request.rule);
    const recent = await deps.store.listAlerts(c.get('orgId'), { limit: request.limit });
    const preview = previewRule(rule, recent.items, new Date());
    return c.json(preview);
  });
  app.get('/:id', async (c) => c.json(await deps.rules.get(c.get('orgId'), c.req.param('id'))));
  app.put('/:id', async (c) => {
    const { value } = await readJsonBody(honoBody(c));
    return c.json(await deps.rules.update(c.get('orgId'), c.req.param('id'), value));
  });
  app.delete('/:id', async (c) => {
    await deps.rules.delete(c.get('orgId'), c.req.param('id'));
    return c.body(null, 204);
  });
  return app;
}

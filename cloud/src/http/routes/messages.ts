import { Hono } from 'hono';
import type { ConversationService } from '../../conversation/conversation-service.ts';
import type { AppEnv } from '../app-env.ts';
import { honoBody } from '../hono-body.ts';
import { readJsonBody } from '../read-json-body.ts';

/**
 * The conversation about one investigation, mounted at `/api/investigations/:id/messages`:
 * GET lists it (oldest first), POST `{ text, author? }` asks a question and returns both turns.
 */
export function messageRoutes(deps: { conversations: ConversationService }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const id = c.req.param('id') ?? '';
    return c.json({ items: await deps.conversations.list(c.get('orgId'), id) });
  });

  app.post('/', async (c) => {
    const id = c.req.param('id') ?? '';
    const { value } = await readJsonBody(honoBody(c));
    return c.json(await deps.conversations.ask(c.get('orgId'), id, value), 201);
  });

  return app;
}

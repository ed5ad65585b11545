import type { Investigation, TimelineEvent } from '@opsworker/shared';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/app-env.ts';
import { parseQuery } from '../../http/query.ts';
import { lastEventId } from '../../http/sse.ts';
import type { InvestigationService } from '../../investigations/investigation-service.ts';
import type { Store } from '../../store/store.ts';

/** How long a browser's EventSource waits before it reconnects (and so asks for what is new). */
const RETRY_MS = 2_000;
const ORG_EVENTS_SCANNED = 50;

const AfterQuery = z.object({
  after: z.coerce.number().int().min(0).optional(),
  lastEventId: z.string().optional(),
  format: z.enum(['sse', 'json']).optional(),
});

interface Message {
  id: string;
  event: string;
  data: unknown;
}

/**
 * Live events behind API Gateway, where a response cannot stay open: each request answers what
 * happened after the client's position and then ends. As server-sent events (the default) that
 * is a short burst with `retry:`, so a plain EventSource reconnects by itself, sending
 * `Last-Event-ID`, and never sees an event twice or misses one; with `?format=json` (or
 * `Accept: application/json`) it is `{ items, next }` for clients that poll. Positions:
 * timeline sequence numbers per investigation; for the organization, investigations' update
 * times (ms), over its most recent investigations.
 */
export function polledEventRoutes(deps: {
  store: Store;
  investigations: InvestigationService;
}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/investigations/:id/events', async (c) => {
    const orgId = c.get('orgId');
    const id = c.req.param('id');
    const after = position(c);
    const events = await deps.investigations.timeline(orgId, id, after);
    return answer(c, settled(events, after, Date.now()).map(timelineMessage), after);
  });

  app.get('/events', async (c) => {
    const orgId = c.get('orgId');
    const after = position(c);
    const { items } = await deps.store.listInvestigations(orgId, { limit: ORG_EVENTS_SCANNED });
    const changed = items
      .filter((investigation) => Date.parse(investigation.updatedAt) > after)
      .sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt));
    return answer(c, changed.map(investigationMessage), after);
  });

  return app;
}

/** How long a missing sequence number may still be on its way from another writer. */
const GAP_GRACE_MS = 5_000;

/**
 * The events a client may move its position past. Several Lambdas number events from one
 * counter and store them independently, so number 7 can land after number 8: events behind a
 * gap are held back until the gap is a few seconds old (a number that never arrives, from a
 * write that failed, then stops holding anything up).
 */
export function settled(events: TimelineEvent[], after: number, now: number): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  let expected = after + 1;
  for (const event of events) {
    if (event.seq !== expected && now - Date.parse(event.at) < GAP_GRACE_MS) break;
    out.push(event);
    expected = event.seq + 1;
  }
  return out;
}

function position(c: Context<AppEnv>): number {
  const { after } = parseQuery(c, AfterQuery);
  return after ?? lastEventId(c);
}

function timelineMessage(event: TimelineEvent): Message {
  return { id: String(event.seq), event: 'timeline', data: event };
}

function investigationMessage(investigation: Investigation): Message {
  return { id: String(Date.parse(investigation.updatedAt)), event: 'investigation', data: investigation };
}

function answer(c: Context<AppEnv>, messages: Message[], after: number): Response {
  const next = Number(messages.at(-1)?.id ?? after);
  c.header('Cache-Control', 'no-store');
  const wantsJson =
    c.req.query('format') === 'json' || (c.req.header('accept') ?? '').includes('application/json');
  if (wantsJson) return c.json({ items: messages.map((message) => message.data), next });
  // With nothing new the position is still sent, so a fresh client resumes from it.
  const frames = [`retry: ${RETRY_MS}\n${messages.length === 0 ? `id: ${next}\n` : ''}\n`];
  for (const message of messages) {
    frames.push(`id: ${message.id}\nevent: ${message.event}\ndata: ${JSON.stringify(message.data)}\n\n`);
  }
  return c.body(frames.join(''), 200, { 'Content-Type': 'text/event-stream; charset=utf-8' });
}

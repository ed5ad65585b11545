import { InvestigationStatus, Severity, type TimelineEvent } from '@opsworker/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { EventBus } from '../../events/event-bus.ts';
import type { InvestigationActions } from '../../investigations/investigation-actions.ts';
import type { InvestigationService } from '../../investigations/investigation-service.ts';
import type { Store } from '../../store/store.ts';
import type { AppEnv } from '../app-env.ts';
import { honoBody } from '../hono-body.ts';
import { PageQuery, parseQuery } from '../query.ts';
import { readJsonBody } from '../read-json-body.ts';
import { lastEventId, sseStream } from '../sse.ts';

const InvestigationListQuery = PageQuery.extend({
  status: InvestigationStatus.optional(),
  severity: Severity.optional(),
  cluster: z.string().max(253).optional(),
  namespace: z.string().max(253).optional(),
  /** Free-text search over title and resource name. */
  q: z.string().max(200).optional(),
});

/**
 * Investigations: list, one (with its alerts), its live timeline, starting one by hand, and
 * what engineers do to one (feedback, acknowledge, re-run).
 */
export function investigationRoutes(deps: {
  store: Store;
  investigations: InvestigationService;
  actions: InvestigationActions;
  bus: EventBus;
}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const { q, ...query } = parseQuery(c, InvestigationListQuery);
    return c.json(await deps.investigations.list(c.get('orgId'), { ...query, search: q }));
  });

  app.post('/', async (c) => {
    const { value } = await readJsonBody(honoBody(c));
    return c.json(await deps.investigations.startManual(c.get('orgId'), value), 201);
  });

  app.get('/:id', async (c) => {
    const orgId = c.get('orgId');
    const investigation = await deps.investigations.get(orgId, c.req.param('id'));
    const alerts = await Promise.all(investigation.alertIds.map((id) => deps.store.getAlert(orgId, id)));
    return c.json({ ...investigation, alerts: alerts.filter((alert) => alert !== undefined) });
  });

  app.post('/:id/feedback', async (c) => {
    const { value } = await readJsonBody(honoBody(c));
    return c.json(await deps.actions.feedback(c.get('orgId'), c.req.param('id'), value));
  });

  app.post('/:id/acknowledge', async (c) => {
    const { value } = await readJsonBody(honoBody(c), { allowEmpty: true });
    return c.json(await deps.actions.acknowledge(c.get('orgId'), c.req.param('id'), value));
  });

  app.post('/:id/rerun', async (c) => {
    const { value } = await readJsonBody(honoBody(c), { allowEmpty: true });
    return c.json(await deps.actions.rerun(c.get('orgId'), c.req.param('id'), value), 201);
  });

  app.get('/:id/timeline', async (c) => {
    return c.json({ items: await deps.investigations.timeline(c.get('orgId'), c.req.param('id')) });
  });

  // Server-sent events: the stored timeline after Last-Event-ID, then live events. Subscribing
  // before reading the backlog and skipping what was already sent leaves no gap and no duplicate.
  app.get('/:id/events', async (c) => {
    const orgId = c.get('orgId');
    const id = c.req.param('id');
    await deps.investigations.get(orgId, id);
    const resumeAfter = lastEventId(c);
    return sseStream(c, async (stream) => {
      const buffered: TimelineEvent[] = [];
      // Two writers (ingest and the worker) may store events slightly out of sequence order:
      // remember what was sent rather than only the highest number, so none is skipped live.
      const sent = new Set<number>();
      let live = false;
      const send = async (event: TimelineEvent) => {
        if (event.seq <= resumeAfter || sent.has(event.seq)) return;
        sent.add(event.seq);
        await stream.writeSSE({ id: String(event.seq), event: 'timeline', data: JSON.stringify(event) });
      };
      const unsubscribe = deps.bus.subscribe(orgId, (busEvent) => {
        if (busEvent.type !== 'timeline' || busEvent.event.investigationId !== id) return;
        if (live) void send(busEvent.event);
        else buffered.push(busEvent.event);
      });
      for (const event of await deps.store.listTimeline(orgId, id, resumeAfter)) await send(event);
      for (const event of buffered.sort((a, b) => a.seq - b.seq)) await send(event);
      live = true;
      return unsubscribe;
    });
  });

  return app;
}

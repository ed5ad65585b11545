import { Hono } from 'hono';
import type { EventBus } from '../../events/event-bus.ts';
import type { AppEnv } from '../app-env.ts';
import { sseStream } from '../sse.ts';

/**
 * `GET /api/events`: everything that changes in the organization, live (alerts, investigations,
 * timeline events), for list views. Clients that need gap-free history per investigation use
 * that investigation's own `/events` stream, which is resumable.
 */
export function orgEventRoutes(deps: { bus: EventBus }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', (c) => {
    const orgId = c.get('orgId');
    return sseStream(c, async (stream) =>
      deps.bus.subscribe(orgId, (event) => {
        const data =
          event.type === 'alert'
            ? event.alert
            : event.type === 'investigation'
              ? event.investigation
              : event.event;
        void stream.writeSSE({ event: event.type, data: JSON.stringify(data) });
      }),
    );
  });
  return app;
}

import type { ScheduledEvent } from 'aws-lambda';
import type { CloudCore } from './cloud-core.ts';
import { containerCore } from './container.ts';

export type DigestHandler = (event: Pick<ScheduledEvent, 'time'>) => Promise<{ organizations: number }>;

/**
 * The daily schedule (EventBridge) → one digest request per organization on the events topic;
 * the Slack notifier builds and posts each digest. Fanning out as messages keeps this function
 * short however many organizations there are, and one organization's failure from the others'.
 */
export function createDigestHandler(core: () => Promise<CloudCore>): DigestHandler {
  return async (event) => {
    const parts = await core();
    const requestedAt = new Date(Number.isNaN(Date.parse(event.time)) ? Date.now() : Date.parse(event.time));
    const organizations = await parts.store.listOrganizations();
    for (const org of organizations) {
      parts.bus.publishRemote(org.id, { type: 'digest', requestedAt: requestedAt.toISOString(), days: 1 });
    }
    await parts.flush();
    return { organizations: organizations.length };
  };
}

export const handler: DigestHandler = createDigestHandler(containerCore);

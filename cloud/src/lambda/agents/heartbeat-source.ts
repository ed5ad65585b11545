/**
 * The organization a heartbeat belongs to, from the queue it arrived on
 * (`<prefix>-<orgId>-heartbeats`), never from the message: IAM lets each organization's agents
 * send only to their own organization's queues, so the queue is the proof, and a body naming
 * another organization cannot register a cluster there.
 */
export function orgOfHeartbeatQueue(eventSourceArn: string, prefix: string): string | undefined {
  const queueName = eventSourceArn.split(':').at(-1) ?? '';
  const start = `${prefix}-`;
  const end = '-heartbeats';
  if (!queueName.startsWith(start) || !queueName.endsWith(end)) return undefined;
  const orgId = queueName.slice(start.length, -end.length);
  return /^[a-z0-9][a-z0-9-]{0,62}$/.test(orgId) ? orgId : undefined;
}

/** The heartbeat queue of an organization, named so that `orgOfHeartbeatQueue` finds the organization. */
export function heartbeatQueueName(prefix: string, orgId: string): string {
  return `${prefix}-${orgId}-heartbeats`;
}

/** SQS queue names allow letters, digits, `-` and `_`, up to 80 characters. */
const UNSAFE = /[^A-Za-z0-9_-]/g;

export type AgentQueueRole = 'requests' | 'responses';

/**
 * The queues of one organization's cluster: `<prefix>-<orgId>-<cluster>-requests` and
 * `-responses` (a cluster name's other characters become `-`). Per organization and cluster,
 * so IAM can allow each agent its own two queues and nothing else.
 */
export function agentQueueName(prefix: string, orgId: string, cluster: string, role: AgentQueueRole): string {
  const name = `${prefix}-${orgId}-${cluster.replace(UNSAFE, '-')}-${role}`;
  if (name.length > 80) throw new Error(`agent queue name too long for SQS: ${name}`);
  return name;
}

/** The URL of a queue in the same account and region as a known one (the investigation queue). */
export function siblingQueueUrl(knownQueueUrl: string, name: string): string {
  const url = new URL(knownQueueUrl);
  const path = url.pathname.split('/');
  path[path.length - 1] = name;
  url.pathname = path.join('/');
  return url.toString();
}

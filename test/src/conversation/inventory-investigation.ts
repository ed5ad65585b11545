import type { Investigation } from '@opsworker/shared';

/**
 * A completed investigation of the `crash-loop-dependency` scenario, as the engine stores it:
 * inventory-api crash-loops because the inventory-cache deployment was scaled to zero.
 */
export function inventoryInvestigation(overrides: Partial<Investigation> = {}): Investigation {
  const at = new Date().toISOString();
  return {
    id: 'inv_inventory',
    orgId: 'default',
    status: 'completed',
    outcome: 'root_cause_found',
    title: 'KubePodCrashLooping inventory/inventory-api-ld7zrxkltb-wfh9t',
    severity: 'warning',
    scope: {
      cluster: 'prod-eu-west-1',
      namespace: 'inventory',
      kind: 'pods',
      name: 'inventory-api-ld7zrxkltb-wfh9t',
      container: 'inventory-api',
    },
    trigger: { type: 'alert', alertId: 'alt_1', fingerprint: 'f1', source: 'alertmanager' },
    alertIds: [],
    groupKey: 'prod-eu-west-1/inventory/pods/inventory-api-ld7zrxkltb-wfh9t',
    createdAt: at,
    updatedAt: at,
    completedAt: at,
    report: {
      summary:
        'inventory-api crash-loops: Redis (inventory-cache) refuses connections because it was scaled to 0.',
      rootCause: {
        category: 'crash_loop_dependency',
        statement:
          'deployment/inventory-cache has 0 replicas, so inventory-api cannot reach Redis and exits.',
        resource: 'deployment/inventory-cache',
      },
      confidence: 'high',
      impact: '2 of 2 inventory-api pods are crash-looping.',
      evidence: [
        {
          id: 'ev_prev_logs',
          title: 'Previous logs of inventory-api-ld7zrxkltb-wfh9t/inventory-api',
          excerpt: 'fatal: cache unavailable after 5 attempts: connect ECONNREFUSED 172.20.217.69:6379',
        },
        { id: 'ev_cache', title: 'Deployment inventory/inventory-cache', excerpt: 'replicas: 0' },
      ],
      nextSteps: [
        {
          description: 'Check why the cache was scaled down',
          command: 'kubectl -n inventory rollout history deployment/inventory-cache',
        },
        {
          description: 'Fix (run it yourself): scale the cache back up',
          command: 'kubectl -n inventory scale deployment/inventory-cache --replicas=1',
        },
      ],
      contributingFactors: [],
      links: [],
    },
    ...overrides,
  };
}

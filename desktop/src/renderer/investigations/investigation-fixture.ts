import type { Investigation } from '@opsworker/shared';

/** An investigation as the API returns it, for renderer tests; `overrides` set what a test is about. */
export function investigationFixture(overrides: Partial<Investigation> & { id: string }): Investigation {
  return {
    orgId: 'default',
    status: 'running',
    title: 'KubePodCrashLooping checkout',
    severity: 'warning',
    scope: { cluster: 'prod-eu-1', namespace: 'shop', kind: 'deployments', name: 'checkout' },
    trigger: { type: 'manual' },
    alertIds: [],
    groupKey: `k/${overrides.id}`,
    createdAt: '2026-11-24T05:00:00.000Z',
    updatedAt: '2026-11-24T05:00:00.000Z',
    ...overrides,
  };
}

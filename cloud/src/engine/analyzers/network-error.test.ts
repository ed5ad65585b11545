import { describe, expect, it } from 'vitest';
import { bundle, object, pod } from './fixtures/bundle-fixtures.ts';
import { networkError } from './network-error.ts';

const jobPod = pod('sync-1-x', {
  owner: { kind: 'Job', name: 'sync-1' },
  labels: { app: 'sync' },
  phase: 'Failed',
  containers: [{ name: 'sync', ready: false, state: { terminated: { exitCode: 1 } } }],
});
const log = {
  pod: 'sync-1-x',
  container: 'sync',
  text: 'ERROR sync failed: dial tcp 52.214.87.19:443: i/o timeout',
};
const denyEgress = (egress: unknown[]) =>
  object('NetworkPolicy', 'default-deny-egress', {
    spec: { podSelector: {}, policyTypes: ['Egress'], egress },
  });
const dnsOnly = [{ to: [{ namespaceSelector: {} }], ports: [{ protocol: 'UDP', port: 53 }] }];

describe('networkError', () => {
  describe('when an egress policy blocks the destination', () => {
    const [finding] = networkError.analyze(bundle({ objects: [jobPod, denyEgress(dnsOnly)], logs: [log] }));

    it('blames the policy and the job it breaks', () => {
      expect(finding).toMatchObject({
        category: 'network_error',
        resource: 'networkpolicy/default-deny-egress',
        confidence: 'high',
        affects: ['job/sync-1'],
      });
      expect(finding?.statement).toContain('i/o timeout');
      expect(finding?.statement).toContain('allows no egress to 52.214.87.19:443');
    });
  });

  describe('when nothing in the namespace blocks it', () => {
    it.each([
      ['no policy', []],
      [
        'a policy whose ipBlock allows the address',
        [denyEgress([{ to: [{ ipBlock: { cidr: '52.214.0.0/16' } }], ports: [{ port: 443 }] }])],
      ],
    ])('reports a network error on the workload with %s', (_case, policies) => {
      const [finding] = networkError.analyze(bundle({ objects: [jobPod, ...policies], logs: [log] }));
      expect(finding).toMatchObject({ resource: 'job/sync-1', confidence: 'medium' });
    });
  });

  describe('when connections fail to a cluster Service', () => {
    it('leaves it to the dependency analysis', () => {
      const service = object('Service', 'db', {
        spec: { clusterIP: '52.214.87.19', selector: { app: 'db' } },
      });
      expect(networkError.analyze(bundle({ objects: [jobPod, service], logs: [log] }))).toEqual([]);
    });
  });
});

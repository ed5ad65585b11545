import { describe, expect, it } from 'vitest';
import { dnsResolution } from './dns-resolution.ts';
import { bundle, crashLooping, pod } from './fixtures/bundle-fixtures.ts';

const env = {
  env: [{ name: 'PAYMENTS_URL', value: 'http://payments-gatway.payments.svc.cluster.local:8080' }],
};
const relay = pod('relay-abc12-x1', {
  owner: { kind: 'ReplicaSet', name: 'relay-abc12' },
  labels: { 'pod-template-hash': 'abc12' },
  containers: [crashLooping('relay', 1, 'Error', { spec: env })],
});

function failingWith(
  line: string,
  failedGets = [{ kind: 'services' as const, namespace: 'payments', name: 'payments-gatway' }],
) {
  return bundle({
    objects: [relay],
    logs: [{ pod: 'relay-abc12-x1', container: 'relay', previous: true, text: line }],
    failedGets,
  });
}

describe('dnsResolution', () => {
  describe('when a name does not exist', () => {
    const [finding] = dnsResolution.analyze(
      failingWith(
        'err="dial tcp: lookup payments-gatway.payments.svc.cluster.local on 172.20.0.10:53: no such host"',
      ),
    );

    it('names the host, where it comes from, and that the Service does not exist', () => {
      expect(finding).toMatchObject({
        category: 'dns_resolution',
        resource: 'deployment/relay',
        confidence: 'high',
        affects: ['deployment/relay'],
      });
      expect(finding?.statement).toContain('payments-gatway.payments.svc.cluster.local does not resolve');
      expect(finding?.statement).toContain('env PAYMENTS_URL');
      expect(finding?.statement).toContain('Service payments-gatway does not exist in namespace payments');
    });
  });

  describe('when the cluster DNS does not answer', () => {
    it('says so with medium confidence', () => {
      const [finding] = dnsResolution.analyze(
        failingWith('lookup payments-gatway.payments.svc.cluster.local on 172.20.0.10:53: i/o timeout', []),
      );
      expect(finding).toMatchObject({ confidence: 'medium' });
      expect(finding?.statement).toContain('the cluster DNS did not answer');
    });
  });

  describe('when logs show no DNS failure', () => {
    it('finds nothing', () => {
      expect(dnsResolution.analyze(failingWith('panic: boom', []))).toEqual([]);
    });
  });
});

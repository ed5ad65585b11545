import { describe, expect, it } from 'vitest';
import { bundle, deployment, object, pod } from './fixtures/bundle-fixtures.ts';
import { serviceNoEndpoints } from './service-no-endpoints.ts';

const service = object('Service', 'users', { spec: { selector: { app: 'users-api', tier: 'backend' } } });
const empty = object('Endpoints', 'users', { subsets: [] });
const labelled = { app: 'user-api', tier: 'backend', 'pod-template-hash': 'abc12' };
const usersPod = pod('users-api-abc12-x1', {
  owner: { kind: 'ReplicaSet', name: 'users-api-abc12' },
  labels: labelled,
});

describe('serviceNoEndpoints', () => {
  describe('when the selector matches no pod', () => {
    const [finding] = serviceNoEndpoints.analyze(bundle({ objects: [service, empty, usersPod] }));

    it('shows the selector next to the labels that exist', () => {
      expect(finding).toMatchObject({
        category: 'service_no_endpoints',
        resource: 'service/users',
        confidence: 'high',
      });
      expect(finding?.statement).toContain('selector app=users-api,tier=backend matches no pod');
      expect(finding?.statement).toContain(
        'the pods of deployment/users-api are labelled app=user-api,tier=backend',
      );
    });

    it('proposes the selector that would match', () => {
      expect(finding?.nextSteps.map((s) => s.command)).toContain(
        `kubectl -n shop patch service users -p '{"spec":{"selector":{"app":"user-api","tier":"backend"}}}'`,
      );
    });
  });

  describe('when the selector is right', () => {
    it.each([
      [
        'pods are selected and serve',
        [service, object('Endpoints', 'users', { subsets: [{ addresses: [{ ip: '10.0.0.1' }] }] })],
      ],
      [
        'a workload is selected but scaled to zero (its own finding explains it)',
        [
          service,
          empty,
          deployment('users-api', { replicas: 0, labels: { app: 'users-api', tier: 'backend' } }),
        ],
      ],
      ['a service has no selector', [object('Service', 'external', { spec: {} })]],
    ])('finds nothing when %s', (_case, objects) => {
      expect(serviceNoEndpoints.analyze(bundle({ objects }))).toEqual([]);
    });
  });
});

import { RESOURCE_KINDS, ValidationError } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { collectionPath, objectPath, resourceForKind, resourceInfo } from './resources.ts';

describe('resourceInfo', () => {
  describe('when building API paths', () => {
    it.each([
      ['pods', 'shop', '/api/v1/namespaces/shop/pods'],
      ['deployments', 'shop', '/apis/apps/v1/namespaces/shop/deployments'],
      ['horizontalpodautoscalers', 'shop', '/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers'],
      ['endpointslices', 'shop', '/apis/discovery.k8s.io/v1/namespaces/shop/endpointslices'],
      ['pods', undefined, '/api/v1/pods'],
      ['nodes', 'ignored', '/api/v1/nodes'],
      ['storageclasses', undefined, '/apis/storage.k8s.io/v1/storageclasses'],
    ] as const)('%s in %s is %s', (kind, namespace, path) => {
      expect(collectionPath(resourceInfo(kind), namespace)).toBe(path);
    });

    it('knows every kind of the shared closed list, and no secrets', () => {
      for (const kind of RESOURCE_KINDS) expect(resourceInfo(kind).resource).toBe(kind);
      expect(resourceForKind('Secret')).toBeUndefined();
      expect(() => resourceInfo('secrets' as never)).toThrow();
    });
  });

  describe('when a name could steer the path elsewhere', () => {
    it.each(['..', '../secrets', 'a/b', 'a%2Fb', 'web?x=1', 'web#x', '', ' web', 'web..x'])(
      'refuses %j',
      (name) => {
        expect(() => objectPath(resourceInfo('pods'), name, 'shop')).toThrow(ValidationError);
      },
    );

    it.each(['Shop', 'a_b', '../x', 'kube-system/'])('refuses the namespace %j', (namespace) => {
      expect(() => collectionPath(resourceInfo('pods'), namespace)).toThrow(ValidationError);
    });

    it.each(['web-7d9f8c6b5-x2x4k', 'system:node:ip-10-0-1-23', 'pod.17a8f3c2b1d0e9f8', 'a'])(
      'accepts %j',
      (name) => {
        expect(objectPath(resourceInfo('pods'), name, 'shop')).toBe(`/api/v1/namespaces/shop/pods/${name}`);
      },
    );
  });
});

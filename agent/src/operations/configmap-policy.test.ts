import { describe, expect, it } from 'vitest';
import { createConfigMapPolicy, WITHHELD } from './configmap-policy.ts';

const configMap = (namespace: string, name: string) => ({
  kind: 'ConfigMap',
  metadata: {
    name,
    namespace,
    annotations: {
      'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"a":"1"}}',
      team: 'payments',
    },
  },
  data: { a: '1', b: '2' },
  binaryData: { c: 'AAE=' },
});

describe('createConfigMapPolicy', () => {
  describe('when nothing is allowed (the default)', () => {
    it('keeps keys, withholds values and the last-applied copy of them', () => {
      const result = createConfigMapPolicy().apply(configMap('shop', 'web'));
      expect(result.data).toEqual({ a: WITHHELD, b: WITHHELD });
      expect(result.binaryData).toEqual({ c: WITHHELD });
      expect(result.metadata.annotations).toEqual({
        'kubectl.kubernetes.io/last-applied-configuration': WITHHELD,
        team: 'payments',
      });
    });
  });

  describe('when patterns allow some', () => {
    it.each([
      ['shop/web', 'shop', 'web', true],
      ['shop/*', 'shop', 'anything', true],
      ['*/web-config', 'billing', 'web-config', true],
      ['shop/web-*', 'shop', 'web-config', true],
      ['shop/web', 'shop', 'web2', false],
      ['shop/*', 'shopping', 'web', false],
      ['shop.*/x', 'shopX/x', 'x', false],
    ])('pattern %s on %s/%s allows: %s', (pattern, namespace, name, allowed) => {
      expect(createConfigMapPolicy({ allow: [pattern] }).allows(namespace, name)).toBe(allowed);
    });
  });
});

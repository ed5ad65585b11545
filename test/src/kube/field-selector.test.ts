import { describe, expect, it } from 'vitest';
import { parseFieldSelector } from './field-selector.ts';
import type { KubeObject } from './types.ts';

const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'shop' },
  spec: { nodeName: 'node-a', restartPolicy: 'Always' },
  status: { phase: 'Running', podIP: '10.0.1.5' },
};

const event: KubeObject = {
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: 'web-1.17f', namespace: 'shop' },
  involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'shop', uid: 'u-1' },
  reason: 'BackOff',
  type: 'Warning',
  source: { component: 'kubelet' },
};

describe('parseFieldSelector', () => {
  describe('when selecting pods', () => {
    it.each([
      ['metadata.name=web-1', true],
      ['metadata.namespace==shop', true],
      ['spec.nodeName=node-b', false],
      ['status.phase!=Succeeded,status.phase!=Failed', true],
      ['status.podIP=10.0.1.5', true],
      ['spec.hostNetwork=false', true],
    ])('%s matches: %s', (selector, expected) => {
      expect(parseFieldSelector('pods', selector)(pod)).toBe(expected);
    });
  });

  describe('when selecting events', () => {
    it.each([
      ['involvedObject.kind=Pod,involvedObject.name=web-1,involvedObject.uid=u-1', true],
      ['involvedObject.name=web-2', false],
      ['type=Warning,reason=BackOff', true],
      ['source=kubelet', true],
      ['involvedObject.fieldPath=', true],
    ])('%s matches: %s', (selector, expected) => {
      expect(parseFieldSelector('events', selector)(event)).toBe(expected);
    });
  });

  describe('when a field is not indexed for the resource', () => {
    it.each([
      ['pods', 'reason=BackOff'],
      ['deployments', 'status.phase=Running'],
      ['pods', 'spec.containers.image=x'],
    ])('refuses %s %s with 400 field label not supported', (resource, selector) => {
      expect(() => parseFieldSelector(resource, selector)).toThrow(/field label not supported/);
    });
  });

  it('unescapes backslash-escaped values', () => {
    const odd = { ...pod, metadata: { name: 'a=b', namespace: 'shop' } };
    expect(parseFieldSelector('pods', 'metadata.name=a\\=b')(odd)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { matchesFieldSelector, matchesLabelSelector } from './selector-match.ts';

describe('matchesLabelSelector', () => {
  describe('when matching labels', () => {
    const labels = { app: 'web', tier: 'frontend' };
    it.each([
      ['app=web', true],
      ['app==web', true],
      ['app=api', false],
      ['app!=api', true],
      ['app=web,tier=frontend', true],
      ['app=web,tier=backend', false],
      ['tier in (frontend, backend)', true],
      ['tier notin (frontend)', false],
      ['app', true],
      ['!legacy', true],
      ['!app', false],
      ['', true],
    ])('%j matches: %s', (selector, expected) => {
      expect(matchesLabelSelector(labels, selector)).toBe(expected);
    });
  });
});

describe('matchesFieldSelector', () => {
  describe('when matching fields', () => {
    const pod = {
      metadata: { name: 'web-1', namespace: 'shop' },
      spec: { nodeName: 'node-1' },
      status: { phase: 'Running' },
    };
    it.each([
      ['spec.nodeName=node-1', true],
      ['spec.nodeName=node-2', false],
      ['status.phase!=Succeeded,status.phase!=Failed', true],
      ['metadata.name=web-1,metadata.namespace=shop', true],
    ])('%j matches: %s', (selector, expected) => {
      expect(matchesFieldSelector(pod, selector)).toBe(expected);
    });
  });
});

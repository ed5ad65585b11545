import type { LabelMatcher } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { compileLabelMatcher } from './label-matcher.ts';

const labels = { alertname: 'KubePodCrashLooping', namespace: 'payments-api', team: '' };

describe('compileLabelMatcher', () => {
  describe('when matching the labels of an alert', () => {
    it.each<[string, LabelMatcher, boolean]>([
      ['= equal value', { name: 'namespace', op: '=', value: 'payments-api' }, true],
      ['= different value', { name: 'namespace', op: '=', value: 'payments' }, false],
      ['= empty value against a missing label', { name: 'cluster', op: '=', value: '' }, true],
      ['= empty value against an empty label', { name: 'team', op: '=', value: '' }, true],
      ['= some value against a missing label', { name: 'cluster', op: '=', value: 'prod' }, false],
      ['!= different value', { name: 'namespace', op: '!=', value: 'payments' }, true],
      ['!= equal value', { name: 'namespace', op: '!=', value: 'payments-api' }, false],
      ['!= empty value against a missing label', { name: 'cluster', op: '!=', value: '' }, false],
      ['!= some value against a missing label', { name: 'cluster', op: '!=', value: 'prod' }, true],
      ['=~ whole value', { name: 'namespace', op: '=~', value: 'payments-.*' }, true],
      ['=~ is anchored at the start', { name: 'namespace', op: '=~', value: 'api' }, false],
      ['=~ is anchored at the end', { name: 'namespace', op: '=~', value: 'payments' }, false],
      [
        '=~ alternation is anchored as a whole',
        { name: 'namespace', op: '=~', value: 'x|payments-api' },
        true,
      ],
      [
        '=~ alternation does not leak past the anchors',
        { name: 'namespace', op: '=~', value: 'payments|y' },
        false,
      ],
      ['=~ .* against a missing label', { name: 'cluster', op: '=~', value: '.*' }, true],
      ['=~ .+ against a missing label', { name: 'cluster', op: '=~', value: '.+' }, false],
      ['!~ non-matching value', { name: 'namespace', op: '!~', value: 'kube-.*' }, true],
      ['!~ matching value', { name: 'namespace', op: '!~', value: 'payments-.*' }, false],
      ['!~ a partial match is not a match', { name: 'namespace', op: '!~', value: 'payments' }, true],
      ['!~ .+ against a missing label', { name: 'cluster', op: '!~', value: '.+' }, true],
      ['= an inherited property name is not a label', { name: 'constructor', op: '=', value: '' }, true],
    ])('%s', (_, matcher, expected) => {
      expect(compileLabelMatcher(matcher).test(labels)).toBe(expected);
    });
  });

  describe('when shown to a user', () => {
    it('reads like an Alertmanager matcher', () => {
      expect(compileLabelMatcher({ name: 'team', op: '=~', value: 'db|api' }).text).toBe('team=~"db|api"');
    });
  });
});

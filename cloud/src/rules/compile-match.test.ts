import { type RuleMatch, RuleMatch as RuleMatchSchema } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { makeAlert } from './__fixtures__/alerts.ts';
import { compileMatch } from './compile-match.ts';

const crashLoop = makeAlert({
  source: 'alertmanager',
  severity: 'warning',
  title: 'Pod is crash looping',
  labels: { alertname: 'KubePodCrashLooping', team: 'payments', namespace: 'from-label' },
  scope: { cluster: 'prod-eu', namespace: 'payments-api', kind: 'pods', name: 'api-0' },
});
const grafanaNoScope = makeAlert({
  source: 'grafana',
  severity: 'critical',
  title: 'High latency on checkout',
  labels: { namespace: 'checkout' },
  scope: {},
});

function match(input: Partial<RuleMatch>): ReturnType<typeof compileMatch> {
  return compileMatch(RuleMatchSchema.parse(input));
}

describe('compileMatch', () => {
  describe('when a rule has one condition', () => {
    it.each<[string, Partial<RuleMatch>, boolean, boolean]>([
      ['sources', { sources: ['alertmanager'] }, true, false],
      ['alertName against the alertname label', { alertName: 'CrashLoop' }, true, false],
      ['alertName falls back to the title', { alertName: 'latency' }, false, true],
      ['alertName is an unanchored search', { alertName: 'PodCrash' }, true, false],
      ['alertName anchored by the user', { alertName: '^CrashLooping$' }, false, false],
      ['minSeverity warning', { minSeverity: 'warning' }, true, true],
      ['minSeverity critical', { minSeverity: 'critical' }, false, true],
      ['minSeverity info takes everything', { minSeverity: 'info' }, true, true],
      ['severities', { severities: ['warning', 'info'] }, true, false],
      ['clusters', { clusters: ['prod-eu'] }, true, false],
      ['namespace from the scope, not the label', { namespace: '^payments-api$' }, true, false],
      ['namespace falls back to the label', { namespace: '^checkout$' }, false, true],
      ['namespace is an unanchored search', { namespace: 'api' }, true, false],
      ['labels', { labels: [{ name: 'team', op: '=', value: 'payments' }] }, true, false],
    ])('%s', (_, input, expectCrashLoop, expectGrafana) => {
      const compiled = match(input);
      expect(compiled.test(crashLoop)).toBe(expectCrashLoop);
      expect(compiled.test(grafanaNoScope)).toBe(expectGrafana);
    });
  });

  describe('when conditions are combined', () => {
    const warningInCheckout = { minSeverity: 'warning', namespace: '^checkout$' } as const;
    it.each<[RuleMatch['combine'], boolean, boolean]>([
      ['and', false, true],
      ['or', true, true],
    ])('%s', (combine, expectCrashLoop, expectGrafana) => {
      const compiled = match({ ...warningInCheckout, combine });
      expect(compiled.test(crashLoop)).toBe(expectCrashLoop);
      expect(compiled.test(grafanaNoScope)).toBe(expectGrafana);
    });

    it('needs every label matcher even under or', () => {
      const compiled = match({
        combine: 'or',
        labels: [
          { name: 'team', op: '=', value: 'payments' },
          { name: 'env', op: '=', value: 'prod' },
        ],
      });
      expect(compiled.test(crashLoop)).toBe(false);
    });
  });

  describe('when a rule has no condition', () => {
    it('matches every alert', () => {
      expect(match({}).test(crashLoop)).toBe(true);
      expect(match({}).test(grafanaNoScope)).toBe(true);
    });
  });

  describe('when explaining a match', () => {
    it.each<[string, Partial<RuleMatch>, string]>([
      ['severity', { minSeverity: 'warning' }, 'severity warning ≥ warning'],
      [
        'source',
        { sources: ['alertmanager', 'grafana'] },
        'source alertmanager is one of alertmanager, grafana',
      ],
      ['single cluster', { clusters: ['prod-eu'] }, 'cluster is "prod-eu"'],
      ['alert name', { alertName: 'Crash' }, 'alert name "KubePodCrashLooping" matches /Crash/'],
      ['labels', { labels: [{ name: 'team', op: '=~', value: 'pay.*' }] }, 'labels match {team=~"pay.*"}'],
      [
        'only the conditions that held under or',
        { combine: 'or', severities: ['critical'], namespace: 'payments' },
        'namespace "payments-api" matches /payments/',
      ],
      [
        'every condition under and',
        { minSeverity: 'info', sources: ['alertmanager'] },
        'source is alertmanager and severity warning ≥ info',
      ],
      ['no condition', {}, 'it matches every alert'],
    ])('names the %s', (_, input, expected) => {
      expect(match(input).explain(crashLoop)).toBe(expected);
    });
  });
});

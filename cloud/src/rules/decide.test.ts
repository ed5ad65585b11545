import type { NormalizedAlert, Rule } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { makeAlert, makeRule } from './__fixtures__/alerts.ts';
import { compileRules } from './compile-rules.ts';
import { cooldownKey } from './cooldown-key.ts';
import { type DecisionContext, decide } from './decide.ts';

const NOW = new Date('2026-03-09T10:00:00Z'); // a Monday

function context(now = NOW, history: Record<string, string> = {}): DecisionContext {
  return {
    now,
    lastInvestigationAt: (ruleId, key) => {
      const at = history[`${ruleId} ${key}`];
      return at ? new Date(at) : undefined;
    },
  };
}

function decideWith(rules: Rule[], alert: NormalizedAlert, ctx = context()) {
  return decide(compileRules(rules), alert, ctx);
}

const warning = makeAlert({ severity: 'warning', labels: { alertname: 'KubePodCrashLooping' } });

describe('decide', () => {
  describe('when a rule matches', () => {
    it('takes its action and says which condition held', () => {
      const rule = makeRule({
        name: 'Investigate warning and above',
        match: { combine: 'and', minSeverity: 'warning' },
      });
      expect(decideWith([rule], warning)).toEqual({
        action: 'investigate',
        ruleId: rule.id,
        ruleName: 'Investigate warning and above',
        reason: 'Matched rule "Investigate warning and above": severity warning ≥ warning',
      });
    });
  });

  describe('when no rule matches', () => {
    it('ignores the alert', () => {
      const rule = makeRule({ match: { combine: 'and', minSeverity: 'critical' } });
      expect(decideWith([rule], warning)).toEqual({ action: 'ignore', reason: 'no rule matched' });
      expect(decideWith([], warning)).toEqual({ action: 'ignore', reason: 'no rule matched' });
    });
  });

  describe('when several rules match', () => {
    it.each([
      ['the lower priority number', { priority: 10 }, { priority: 20 }, 'first'],
      ['the higher priority number', { priority: 30 }, { priority: 20 }, 'second'],
      ['the older rule on equal priority', { createdAt: '2026-01-02T00:00:00Z' }, {}, 'second'],
    ])('lets %s decide', (_, first, second, winner) => {
      const rules = [
        makeRule({ name: 'first', action: 'notify', ...first }),
        makeRule({ name: 'second', action: 'investigate', ...second }),
      ];
      expect(decideWith(rules, warning).ruleName).toBe(winner);
    });

    it('skips a disabled rule', () => {
      const rules = [
        makeRule({ name: 'off', action: 'ignore', priority: 1, enabled: false }),
        makeRule({ name: 'on', action: 'notify', priority: 2 }),
      ];
      expect(decideWith(rules, warning)).toMatchObject({ action: 'notify', ruleName: 'on' });
    });
  });

  describe('when the alert is resolved', () => {
    const resolved = makeAlert({ ...warning, status: 'resolved' });
    it.each([
      ['a firing-only rule does not match', 'firing', { action: 'ignore', reason: 'no rule matched' }],
      ['a rule for any status matches', 'any', { action: 'notify' }],
    ] as const)('%s', (_, status, expected) => {
      expect(decideWith([makeRule({ action: 'notify', status })], resolved)).toMatchObject(expected);
    });
  });

  describe('when a rule is limited to business hours', () => {
    const businessHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', timeZone: 'Europe/Berlin' };
    const rules = [
      makeRule({
        name: 'Office',
        action: 'investigate',
        priority: 1,
        activeDuring: 'business_hours',
        businessHours,
      }),
      makeRule({
        name: 'Nights',
        action: 'notify',
        priority: 2,
        activeDuring: 'outside_business_hours',
        businessHours,
      }),
    ];
    it.each([
      ['Monday 11:00 Berlin', '2026-03-09T10:00:00Z', 'Office'],
      ['Monday 08:30 Berlin', '2026-03-09T07:30:00Z', 'Nights'],
      ['Monday 17:00 Berlin', '2026-03-09T16:00:00Z', 'Nights'],
      ['Saturday 11:00 Berlin', '2026-03-07T10:00:00Z', 'Nights'],
    ])('%s goes to the rule active then', (_, now, ruleName) => {
      expect(decideWith(rules, warning, context(new Date(now))).ruleName).toBe(ruleName);
    });
  });

  describe('when the matching rule is in a maintenance window', () => {
    const rules = [
      makeRule({
        name: 'Shop',
        priority: 1,
        maintenanceWindows: [
          {
            type: 'weekly',
            name: 'Sunday patching',
            days: [0],
            start: '22:00',
            end: '01:00',
            timeZone: 'UTC',
          },
        ],
      }),
      makeRule({ name: 'Everything', action: 'notify', priority: 2 }),
    ];
    it('ignores the alert and says which window and until when', () => {
      expect(decideWith(rules, warning, context(new Date('2026-03-08T23:15:00Z')))).toEqual({
        action: 'ignore',
        ruleId: rules[0]?.id,
        ruleName: 'Shop',
        reason:
          'Matched rule "Shop": it matches every alert. It is in maintenance window "Sunday patching" ' +
          '(Sun 22:00–01:00 UTC time), which ends Monday at 01:00 UTC time, so this alert is ignored',
      });
    });

    it('acts normally once the window is over', () => {
      expect(decideWith(rules, warning, context(new Date('2026-03-09T01:00:00Z')))).toMatchObject({
        action: 'investigate',
        ruleName: 'Shop',
      });
    });
  });

  describe('when an investigate rule is cooling down', () => {
    const rule = makeRule({ name: 'Investigate', cooldownMinutes: 30 });
    const pod = (name: string, fingerprint: string) =>
      makeAlert({ fingerprint, scope: { cluster: 'prod', namespace: 'shop', kind: 'pods', name } });
    const api = pod('api-0', 'aaaa0001');
    const history = { [`${rule.id} ${cooldownKey(api)}`]: '2026-03-09T09:45:10Z' };

    it('only notifies for the same object, saying when the last one was opened and the next is allowed', () => {
      const sameObjectOtherAlert = pod('api-0', 'bbbb0002');
      expect(decideWith([rule], sameObjectOtherAlert, context(NOW, history))).toEqual({
        action: 'notify',
        ruleId: rule.id,
        ruleName: 'Investigate',
        reason:
          'Matched rule "Investigate": it matches every alert. An investigation for pods/api-0 in namespace shop was opened at ' +
          "2026-03-09 09:45 UTC; the rule's 30-minute cooldown allows the next one from 2026-03-09 10:16 UTC, " +
          'so this alert is sent as a notification without a new investigation',
      });
    });

    it.each([
      ['another object', pod('web-0', 'cccc0003'), NOW],
      ['the same object after the cooldown', api, new Date('2026-03-09T10:15:10Z')],
    ])('investigates %s', (_, alert, now) => {
      expect(decideWith([rule], alert, context(now, history)).action).toBe('investigate');
    });

    it('counts the cooldown per rule', () => {
      const otherRule = makeRule({ name: 'Other', cooldownMinutes: 30 });
      expect(decideWith([otherRule], api, context(NOW, history)).action).toBe('investigate');
    });

    it('falls back to the fingerprint when the scope names no object', () => {
      const vague = makeAlert({ fingerprint: 'dddd0004', scope: { namespace: 'shop' } });
      const sameNamespace = makeAlert({ fingerprint: 'eeee0005', scope: { namespace: 'shop' } });
      const vagueHistory = { [`${rule.id} dddd0004`]: '2026-03-09T09:50:00Z' };
      expect(decideWith([rule], vague, context(NOW, vagueHistory))).toMatchObject({
        action: 'notify',
        reason: expect.stringContaining('An investigation for this alert was opened at 2026-03-09 09:50 UTC'),
      });
      expect(decideWith([rule], sameNamespace, context(NOW, vagueHistory)).action).toBe('investigate');
    });
  });
});

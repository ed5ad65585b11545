import { describe, expect, it } from 'vitest';
import { makeAlert, makeRule } from './__fixtures__/alerts.ts';
import { compileRules } from './compile-rules.ts';

describe('compileRules', () => {
  describe('when rules have different priorities and ages', () => {
    it('orders by priority, then by creation time', () => {
      const compiled = compileRules([
        makeRule({ name: 'late low', priority: 50, createdAt: '2026-02-01T00:00:00Z' }),
        makeRule({ name: 'high', priority: 200, createdAt: '2025-01-01T00:00:00Z' }),
        makeRule({ name: 'early low', priority: 50, createdAt: '2026-01-01T00:00:00.500Z' }),
        makeRule({ name: 'earliest low', priority: 50, createdAt: '2026-01-01T00:00:00Z' }),
      ]);
      expect(compiled.rules.map((rule) => rule.name)).toEqual([
        'earliest low',
        'early low',
        'late low',
        'high',
      ]);
    });
  });

  describe('when a rule is disabled', () => {
    it('leaves it out', () => {
      const compiled = compileRules([makeRule({ name: 'off', enabled: false }), makeRule({ name: 'on' })]);
      expect(compiled.rules.map((rule) => rule.name)).toEqual(['on']);
    });
  });

  describe('when a stored rule cannot be compiled', () => {
    // Regression guard: one rule stored before validation existed must not stop every other rule.
    it('refuses that rule with a reason and keeps the others', () => {
      const broken = { ...makeRule({ name: 'broken' }), match: { combine: 'and' as const, namespace: '(' } };
      const hoursMissing = makeRule({ name: 'no hours', activeDuring: 'business_hours' });
      const compiled = compileRules([broken, hoursMissing, makeRule({ name: 'fine', priority: 500 })]);
      expect(compiled.rules.map((rule) => rule.name)).toEqual(['fine']);
      expect(compiled.refused).toEqual([
        {
          ruleId: broken.id,
          ruleName: 'broken',
          problem: expect.stringMatching(/rule "broken" does not compile/),
        },
        {
          ruleId: hoursMissing.id,
          ruleName: 'no hours',
          problem: 'rule "no hours": businessHours: is required when activeDuring is business_hours',
        },
      ]);
      expect(compiled.rules[0]?.match.test(makeAlert())).toBe(true);
    });
  });
});

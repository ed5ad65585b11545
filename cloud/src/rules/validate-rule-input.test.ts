import { ValidationError } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { validateRuleInput } from './validate-rule-input.ts';

describe('validateRuleInput', () => {
  describe('when the rule is well formed', () => {
    it('fills in the defaults', () => {
      expect(validateRuleInput({ name: 'Page me', action: 'notify' })).toMatchObject({
        enabled: true,
        priority: 100,
        status: 'firing',
        cooldownMinutes: 0,
        activeDuring: 'always',
        match: { combine: 'and' },
        maintenanceWindows: [],
      });
    });
  });

  describe('when activeDuring needs business hours', () => {
    it.each(['business_hours', 'outside_business_hours'])(
      'refuses %s without them, naming the field',
      (when) => {
        const call = () => validateRuleInput({ name: 'Nights', action: 'investigate', activeDuring: when });
        expect(call).toThrow(ValidationError);
        expect(call).toThrow(`rule: businessHours: is required when activeDuring is ${when}`);
      },
    );

    it('accepts them when given', () => {
      const rule = validateRuleInput({
        name: 'Nights',
        action: 'investigate',
        activeDuring: 'outside_business_hours',
        businessHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', timeZone: 'Europe/Paris' },
      });
      expect(rule.businessHours?.timeZone).toBe('Europe/Paris');
    });
  });

  describe('when the schema refuses the rule', () => {
    it('names the field', () => {
      expect(() =>
        validateRuleInput({
          name: 'x',
          action: 'notify',
          match: { labels: [{ name: 'a', op: '=~', value: '[' }] },
        }),
      ).toThrow(/rule: match\.labels\.0\.value: is not a valid regular expression/);
    });
  });
});

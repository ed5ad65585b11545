import { describe, expect, it } from 'vitest';
import { NormalizedAlert, parseWith, RuleInput, ValidationError } from './index.ts';

describe('parseWith', () => {
  it('names the field that is wrong', () => {
    const call = () => parseWith(NormalizedAlert, { source: 'alertmanager' }, 'alert');
    expect(call).toThrow(ValidationError);
    expect(call).toThrow(/alert: fingerprint/);
  });

  it('refuses a rule whose regular expression does not compile', () => {
    expect(() => parseWith(RuleInput, { name: 'x', action: 'notify', match: { namespace: '(' } })).toThrow(
      /match\.namespace: is not a valid regular expression/,
    );
  });

  it('refuses an unknown time zone in a maintenance window', () => {
    const rule = {
      name: 'x',
      action: 'ignore',
      maintenanceWindows: [
        { type: 'weekly', days: [6], start: '01:00', end: '03:00', timeZone: 'Mars/Olympus' },
      ],
    };
    expect(() => parseWith(RuleInput, rule)).toThrow(/maintenanceWindows\.0\.timeZone/);
  });
});

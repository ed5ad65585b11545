import { ApiError, type Rule } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { apiFieldErrors } from '../common/field-errors.ts';
import { RULE_FIELDS, ruleToForm, validateRuleForm } from './rule-form-model.ts';

const valid = () => ({
  ...ruleToForm(),
  name: 'Payments pages',
  alertName: 'KubePod.*',
  namespace: 'payments',
});

describe('validateRuleForm', () => {
  it('turns a valid form into the rule the API takes', () => {
    const result = validateRuleForm({
      ...valid(),
      labels: 'team=payments\nenv!=dev',
      clusters: 'prod-eu-1, prod-us-1',
    });
    expect(result).toMatchObject({
      input: {
        name: 'Payments pages',
        action: 'investigate',
        priority: 100,
        match: {
          alertName: 'KubePod.*',
          namespace: 'payments',
          clusters: ['prod-eu-1', 'prod-us-1'],
          labels: [
            { name: 'team', op: '=', value: 'payments' },
            { name: 'env', op: '!=', value: 'dev' },
          ],
        },
      },
    });
  });

  it.each([
    ['an empty name', { name: '' }, 'name'],
    ['a priority that is not a number', { priority: 'high' }, 'priority'],
    ['a negative cooldown', { cooldownMinutes: '-5' }, 'cooldownMinutes'],
    ['an alert name that is not a regex', { alertName: 'KubePod(' }, 'match.alertName'],
    ['a namespace that is not a regex', { namespace: '[shop' }, 'match.namespace'],
    ['a label line without an operator', { labels: 'team payments' }, 'match.labels'],
    ['a label regex that does not compile', { labels: 'pod=~web-(' }, 'match.labels'],
  ])('puts the error for %s at its field', (_, patch, field) => {
    const result = validateRuleForm({ ...valid(), ...patch });
    expect('errors' in result && Object.keys(result.errors)).toContain(field);
  });

  it('keeps what the form does not edit (maintenance windows) when a rule is saved again', () => {
    const rule: Rule = {
      id: 'r1',
      orgId: 'default',
      createdAt: '2026-11-24T05:00:00.000Z',
      updatedAt: '2026-11-24T05:00:00.000Z',
      name: 'Quiet nights',
      enabled: true,
      priority: 10,
      match: { combine: 'or', severities: ['info'] },
      status: 'firing',
      action: 'ignore',
      cooldownMinutes: 0,
      maintenanceWindows: [{ type: 'weekly', days: [0, 6], start: '22:00', end: '06:00', timeZone: 'UTC' }],
      activeDuring: 'always',
    };
    const result = validateRuleForm(ruleToForm(rule));
    expect(result).toMatchObject({
      input: { match: { combine: 'or', severities: ['info'] }, maintenanceWindows: rule.maintenanceWindows },
    });
  });
});

describe('apiFieldErrors', () => {
  it('shows a refusal from the API at the field it names', () => {
    const error = new ApiError(
      400,
      'invalid_request',
      'rule: match.labels.0.value: is not a valid regular expression',
      'match.labels.0.value',
    );
    expect(apiFieldErrors(error, RULE_FIELDS)).toEqual({
      'match.labels': 'rule: match.labels.0.value: is not a valid regular expression',
    });
  });

  it('shows an error without a field at the top of the form', () => {
    expect(
      apiFieldErrors(new ApiError(0, 'unreachable', 'OpsWorker cannot be reached'), RULE_FIELDS),
    ).toEqual({
      form: 'OpsWorker cannot be reached',
    });
  });
});

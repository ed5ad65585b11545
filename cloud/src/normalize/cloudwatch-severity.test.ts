import { describe, expect, it } from 'vitest';
import { severityInAlarmText } from './cloudwatch-severity.ts';

describe('severityInAlarmText', () => {
  describe('when the alarm’s author wrote a severity', () => {
    it.each([
      ['shop-api-pod-cpu-critical', undefined, 'critical'],
      ['[P2] checkout latency', undefined, 'error'],
      ['orders_queue_depth_warn', undefined, 'warning'],
      ['sev1-payments-down', undefined, 'critical'],
      ['checkout-5xx', 'Severity: high. Pages the payments team.', 'error'],
      ['checkout-5xx severity=info', undefined, 'info'],
    ])('reads %s (%s) as %s', (name, description, expected) => {
      expect(severityInAlarmText(name, description)).toBe(expected);
    });
  });

  describe('when the words only say what is measured', () => {
    it.each([
      ['HighCPUUtilization', undefined],
      ['LowDiskSpace', undefined],
      ['api-error-rate', undefined],
      ['LandingPageLatency', undefined],
      ['UserInfoApiErrors', 'Fires when errors are high. A warning sign for the checkout.'],
    ])('finds none in %s', (name, description) => {
      expect(severityInAlarmText(name, description)).toBeUndefined();
    });
  });
});

import { RuleInput, ValidationError } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { kubePrometheusAlerts } from './__fixtures__/alerts.ts';
import { previewRule } from './preview-rule.ts';

const recent = Object.values(kubePrometheusAlerts);
const NOW = new Date('2026-03-06T10:00:00Z'); // a Friday

describe('previewRule', () => {
  describe('when a rule is being edited', () => {
    it('lists the recent alerts it would match and what it would do', () => {
      const rule = RuleInput.parse({
        name: 'Shop pods',
        action: 'investigate',
        cooldownMinutes: 30,
        match: { namespace: '^shop$', minSeverity: 'warning' },
      });
      const preview = previewRule(rule, recent, NOW);
      expect(preview.matched.map((alert) => alert.title)).toEqual(['KubePodCrashLooping']);
      expect(preview.decisions).toEqual([
        {
          action: 'investigate',
          ruleName: 'Shop pods',
          reason:
            'Matched rule "Shop pods": severity warning ≥ warning and namespace "shop" matches /^shop$/',
        },
      ]);
      expect(preview).toMatchObject({ total: recent.length, activeNow: true });
    });

    it('previews a rule that is still disabled', () => {
      const rule = RuleInput.parse({
        name: 'Heartbeat',
        action: 'ignore',
        enabled: false,
        match: { alertName: 'Watchdog' },
      });
      expect(previewRule(rule, recent, NOW).matched).toHaveLength(1);
    });

    it('includes resolved alerts only for a rule on any status', () => {
      const firing = RuleInput.parse({
        name: 'Crash',
        action: 'notify',
        match: { alertName: 'CrashLooping' },
      });
      const any = { ...firing, status: 'any' as const };
      expect(previewRule(firing, recent, NOW).matched.map((alert) => alert.status)).toEqual(['firing']);
      expect(previewRule(any, recent, NOW).matched.map((alert) => alert.status)).toEqual([
        'firing',
        'resolved',
      ]);
    });
  });

  describe('when the rule is not active now', () => {
    it('still shows what it matches, and says it is inactive', () => {
      const rule = RuleInput.parse({
        name: 'Weekends',
        action: 'notify',
        activeDuring: 'business_hours',
        businessHours: { days: [0, 6], start: '00:00', end: '00:00' },
        match: { severities: ['info'] },
      });
      const preview = previewRule(rule, recent, NOW);
      expect(preview.activeNow).toBe(false);
      expect(preview.matched.map((alert) => alert.title)).toEqual([
        'Watchdog',
        'InfoInhibitor',
        'CPUThrottlingHigh',
      ]);
    });
  });

  describe('when the rule is in a maintenance window now', () => {
    it('shows the matched alerts as ignored, with the window', () => {
      const rule = RuleInput.parse({
        name: 'Nodes',
        action: 'investigate',
        match: { alertName: '^KubeNode' },
        maintenanceWindows: [
          { type: 'once', name: 'Node upgrade', start: '2026-03-06T09:00:00Z', end: '2026-03-06T12:00:00Z' },
        ],
      });
      const [decision] = previewRule(rule, recent, NOW).decisions;
      expect(decision?.action).toBe('ignore');
      expect(decision?.reason).toContain('maintenance window "Node upgrade"');
    });
  });

  describe('when the rule does not compile', () => {
    it('refuses it with a message a user may see', () => {
      const rule = RuleInput.parse({
        name: 'Nights',
        action: 'notify',
        activeDuring: 'outside_business_hours',
      });
      expect(() => previewRule(rule, recent, NOW)).toThrow(ValidationError);
    });
  });
});

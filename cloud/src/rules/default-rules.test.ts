import { Rule } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { kubePrometheusAlert } from './__fixtures__/alerts.ts';
import { compileRules } from './compile-rules.ts';
import { cooldownKey } from './cooldown-key.ts';
import { decide } from './decide.ts';
import { defaultRules } from './default-rules.ts';
import { validateRuleInput } from './validate-rule-input.ts';

const NOW = new Date('2026-03-06T10:00:00Z');

function storedDefaults(): Rule[] {
  return defaultRules().map((input, index) =>
    Rule.parse({
      ...input,
      id: `default-${index}`,
      orgId: 'org-1',
      createdAt: '2026-03-01T00:00:00Z',
      updatedAt: '2026-03-01T00:00:00Z',
    }),
  );
}

const compiled = compileRules(storedDefaults());
const noHistory = { now: NOW, lastInvestigationAt: () => undefined };

describe('defaultRules', () => {
  describe('when a new organization is created', () => {
    it('passes validation unchanged', () => {
      for (const rule of defaultRules()) expect(validateRuleInput(rule)).toEqual(rule);
      expect(compiled.refused).toEqual([]);
    });

    it('returns fresh objects each time', () => {
      const first = defaultRules();
      first[0]?.maintenanceWindows.push({
        type: 'weekly',
        days: [0],
        start: '00:00',
        end: '01:00',
        timeZone: 'UTC',
      });
      expect(defaultRules()[0]?.maintenanceWindows).toEqual([]);
    });
  });

  describe('when real kube-prometheus alerts arrive', () => {
    it.each([
      [
        'KubePodCrashLooping',
        'investigate',
        'Matched rule "Investigate warning and above": severity warning ≥ warning',
      ],
      [
        'KubeNodeNotReady',
        'investigate',
        'Matched rule "Investigate warning and above": severity warning ≥ warning',
      ],
      [
        'Watchdog',
        'ignore',
        'Matched rule "Ignore monitoring heartbeats": alert name "Watchdog" matches /^(Watchdog|InfoInhibitor|DeadMansSwitch)$/',
      ],
      ['InfoInhibitor', 'ignore', expect.stringContaining('"Ignore monitoring heartbeats"')],
      ['CPUThrottlingHigh', 'notify', 'Matched rule "Notify info alerts": severity is info'],
      ['KubePodCrashLoopingResolved', 'ignore', 'no rule matched'],
    ])('%s → %s', (name, action, reason) => {
      expect(decide(compiled, kubePrometheusAlert(name), noHistory)).toMatchObject({ action, reason });
    });
  });

  describe('when the same pod keeps crash looping', () => {
    it('investigates it once per 30 minutes and only notifies in between', () => {
      const alert = kubePrometheusAlert('KubePodCrashLooping');
      const openedAt = new Date('2026-03-06T09:45:00Z');
      const lastInvestigationAt = (ruleId: string, key: string) =>
        ruleId === 'default-1' && key === cooldownKey(alert) ? openedAt : undefined;
      expect(decide(compiled, alert, { now: NOW, lastInvestigationAt }).action).toBe('notify');
      const later = new Date('2026-03-06T10:15:00Z');
      expect(decide(compiled, alert, { now: later, lastInvestigationAt }).action).toBe('investigate');
    });
  });
});

import type { RuleInput } from '@opsworker/shared';

/**
 * The rules a new organization starts with, in evaluation order:
 * 1. ignore the heartbeat alerts kube-prometheus keeps firing on purpose (Watchdog,
 *    InfoInhibitor, DeadMansSwitch), whatever their status;
 * 2. investigate firing alerts of severity warning and above (kube-prometheus rates most
 *    workload failures, KubePodCrashLooping included, as warning), at most once per object
 *    every 30 minutes;
 * 3. notify, without investigating, firing info alerts.
 * Resolved alerts match none of them. Returns fresh objects: callers may edit them.
 */
export function defaultRules(): RuleInput[] {
  const common = {
    enabled: true,
    activeDuring: 'always',
    cooldownMinutes: 0,
    status: 'firing',
  } as const;
  // Each rule gets its own maintenanceWindows array so edits to one never leak into another.
  return [
    {
      ...common,
      name: 'Ignore monitoring heartbeats',
      description:
        'Watchdog, InfoInhibitor and DeadMansSwitch fire all the time to prove the alerting pipeline works.',
      priority: 10,
      status: 'any',
      match: { combine: 'and', alertName: '^(Watchdog|InfoInhibitor|DeadMansSwitch)$' },
      action: 'ignore',
      maintenanceWindows: [],
    },
    {
      ...common,
      name: 'Investigate warning and above',
      description: 'Opens an investigation for firing alerts of severity warning, error or critical.',
      priority: 100,
      match: { combine: 'and', minSeverity: 'warning' },
      action: 'investigate',
      cooldownMinutes: 30,
      maintenanceWindows: [],
    },
    {
      ...common,
      name: 'Notify info alerts',
      description: 'Posts firing info alerts without investigating them.',
      priority: 200,
      match: { combine: 'and', severities: ['info'] },
      action: 'notify',
      maintenanceWindows: [],
    },
  ];
}

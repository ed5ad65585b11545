import { describe, expect, it } from 'vitest';
import { mainBlocker, schedulingReasons } from './scheduling-message.ts';

describe('mainBlocker', () => {
  it.each([
    [
      'volume',
      'running PreBind plugin "VolumeBinding": binding volumes: provisioning failed for PVC "data-0"',
    ],
    ['volume', '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: x'],
    [
      'taint',
      "0/4 nodes are available: 1 node(s) had untolerated taint {gpu: present}, 3 node(s) didn't match Pod's node affinity/selector. preemption: x",
    ],
    [
      'resources',
      '0/5 nodes are available: 3 Insufficient cpu, 2 node(s) had untolerated taint {control-plane: }. preemption: x',
    ],
    [
      'affinity',
      "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: x",
    ],
  ])('finds %s as what blocks "%s"', (blocker, message) => {
    expect(mainBlocker(schedulingReasons(message))?.blocker).toBe(blocker);
  });
});

import type { AgentOperation } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { kubectlCommandFor } from './kubectl-command.ts';

describe('kubectlCommandFor', () => {
  it.each<[AgentOperation, string]>([
    [{ op: 'get', kind: 'pods', namespace: 'shop', name: 'web-1' }, 'kubectl -n shop get pods web-1 -o yaml'],
    [{ op: 'get', kind: 'nodes', name: 'node-1' }, 'kubectl get nodes node-1 -o yaml'],
    [{ op: 'list', kind: 'pods', labelSelector: 'app=web' }, 'kubectl -A get pods -l app=web'],
    [
      { op: 'list', kind: 'pods', namespace: 'shop', labelSelector: 'tier in (web,api)' },
      "kubectl -n shop get pods -l 'tier in (web,api)'",
    ],
    [
      { op: 'events', namespace: 'shop', involvedObject: { kind: 'pods', name: 'web-1' } },
      'kubectl -n shop events --for=pods/web-1',
    ],
    [
      { op: 'logs', namespace: 'shop', pod: 'web-1', container: 'app', previous: true, tailLines: 50 },
      'kubectl -n shop logs web-1 -c app --previous --tail=50',
    ],
    [
      { op: 'rolloutHistory', kind: 'deployments', namespace: 'shop', name: 'web' },
      'kubectl -n shop rollout history deployments/web',
    ],
    [
      { op: 'describe', kind: 'persistentvolumeclaims', namespace: 'shop', name: 'data' },
      'kubectl -n shop describe persistentvolumeclaims data',
    ],
    [{ op: 'nodeSummary' }, 'kubectl get nodes -o wide'],
    [{ op: 'top', kind: 'nodes' }, 'kubectl top nodes'],
    [{ op: 'top', kind: 'pods', namespace: 'shop' }, 'kubectl -n shop top pods'],
  ])('%j reads as `%s`', (operation, command) => {
    expect(kubectlCommandFor(operation)).toBe(command);
  });
});

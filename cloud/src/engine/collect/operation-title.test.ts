import type { AgentOperation } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { operationTitle } from './operation-title.ts';

describe('operationTitle', () => {
  it.each<[AgentOperation, string]>([
    [{ op: 'get', kind: 'pods', namespace: 'shop', name: 'web-1' }, 'Pod shop/web-1'],
    [{ op: 'get', kind: 'nodes', name: 'node-1' }, 'Node node-1'],
    [{ op: 'list', kind: 'pods', namespace: 'shop', labelSelector: 'app=web' }, 'Pods in shop (app=web)'],
    [{ op: 'list', kind: 'networkpolicies', namespace: 'shop' }, 'NetworkPolicies in shop'],
    [{ op: 'list', kind: 'storageclasses' }, 'StorageClasses in all namespaces'],
    [{ op: 'list', kind: 'endpoints', namespace: 'shop' }, 'Endpoints in shop'],
    [{ op: 'list', kind: 'pods', fieldSelector: 'spec.nodeName=node-1' }, 'Pods on node node-1'],
    [
      {
        op: 'list',
        kind: 'events',
        namespace: 'shop',
        fieldSelector: 'involvedObject.kind=Pod,involvedObject.name=web-1',
      },
      'Events of Pod web-1 in shop',
    ],
    [
      { op: 'logs', namespace: 'shop', pod: 'web-1', container: 'app', previous: true },
      'Previous logs of shop/web-1/app',
    ],
    [{ op: 'ownerChain', kind: 'pods', namespace: 'shop', name: 'web-1' }, 'Owner chain of Pod shop/web-1'],
    [{ op: 'clusterInfo' }, 'Cluster information'],
  ])('%o reads "%s"', (operation, title) => {
    expect(operationTitle(operation)).toBe(title);
  });
});

import { AGENT_PROTOCOL_VERSION, type AgentOperation } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { holmesTransport } from './holmes-transport.ts';

const recordings = [
  {
    tool: 'kubectl_describe',
    params: { kind: 'pod', name: 'web-1', namespace: 'app-02' },
    output: 'Name: web-1\nState: Waiting\n',
  },
  {
    tool: 'fetch_pod_logs',
    params: { pod_name: 'web-1', namespace: 'app-02', limit: 100 },
    output: 'panic: boom\n',
  },
  {
    tool: 'kubectl_previous_logs',
    params: { pod_name: 'web-1', namespace: 'app-02' },
    output: 'previous run\n',
  },
];

const call = (operation: AgentOperation) =>
  holmesTransport(recordings).call({ version: AGENT_PROTOCOL_VERSION, id: 'r1', operation, requestedBy: {} });

describe('holmesTransport', () => {
  it.each<[AgentOperation, string]>([
    [{ op: 'describe', kind: 'pods', namespace: 'app-02', name: 'web-1' }, 'Name: web-1\nState: Waiting\n'],
    [{ op: 'logs', namespace: 'app-02', pod: 'web-1' }, 'panic: boom\n'],
    [{ op: 'logs', namespace: 'app-02', pod: 'web-1', previous: true }, 'previous run\n'],
  ])('answers %o with the recording', async (operation, text) => {
    expect(await call(operation)).toMatchObject({ ok: true, result: text });
  });

  it.each<AgentOperation>([
    { op: 'describe', kind: 'pods', namespace: 'default', name: 'web-1' },
    { op: 'get', kind: 'pods', namespace: 'app-02', name: 'web-1' },
  ])('says %o was not recorded', async (operation) => {
    expect(await call(operation)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

import {
  AGENT_PROTOCOL_VERSION,
  type AgentOperation,
  type AgentResponse,
  type AgentTransport,
} from '@opsworker/shared';
import type { HolmesMock } from './holmes-case.ts';

const LOG_TOOLS = ['fetch_pod_logs', 'kubectl_logs', 'kubectl_logs_all_containers'];
const PREVIOUS_LOG_TOOLS = ['kubectl_previous_logs', 'kubectl_previous_logs_all_containers'];

function singular(kind: string): string {
  return kind.replace(/ies$/, 'y').replace(/s$/, '');
}

/** The recording that answers an operation: describe and logs are recorded as text, like the agent returns them. */
function recordingFor(operation: AgentOperation, mocks: readonly HolmesMock[]): string | undefined {
  const found = (tools: string[], matches: (params: Record<string, unknown>) => boolean) =>
    mocks.find((m) => tools.includes(m.tool) && m.output && matches(m.params))?.output;
  if (operation.op === 'describe') {
    return found(
      ['kubectl_describe'],
      (p) =>
        p.name === operation.name &&
        singular(String(p.kind)) === singular(operation.kind) &&
        (!operation.namespace || p.namespace === operation.namespace),
    );
  }
  if (operation.op === 'logs') {
    const tools = operation.previous ? PREVIOUS_LOG_TOOLS : LOG_TOOLS;
    return found(
      tools,
      (p) => p.pod_name === operation.pod && p.namespace === operation.namespace && !p.filter,
    );
  }
  return undefined;
}

/**
 * An agent that answers from a HolmesGPT case's recordings: `describe` and `logs` with the
 * recorded kubectl output, everything else "not recorded" (the recordings are kubectl text,
 * not the API objects get and list return).
 */
export function holmesTransport(mocks: readonly HolmesMock[]): AgentTransport {
  return {
    async call(request): Promise<AgentResponse> {
      const output = recordingFor(request.operation, mocks);
      if (output === undefined) {
        return {
          version: AGENT_PROTOCOL_VERSION,
          requestId: request.id,
          ok: false,
          error: {
            code: 'not_found',
            message: 'not recorded in this case: describe objects and read logs instead',
          },
          durationMs: 0,
        };
      }
      return {
        version: AGENT_PROTOCOL_VERSION,
        requestId: request.id,
        ok: true,
        result: output,
        truncated: false,
        bytes: Buffer.byteLength(output),
        durationMs: 0,
      };
    },
  };
}

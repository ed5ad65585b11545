import { AGENT_PROTOCOL_VERSION, type AgentResponse, type AgentTransport } from '@opsworker/shared';
import type { AgentExecutor } from '../executor/agent-executor.ts';

function failure(requestId: string, code: 'timeout' | 'internal', message: string): AgentResponse {
  return { version: AGENT_PROTOCOL_VERSION, requestId, ok: false, error: { code, message }, durationMs: 0 };
}

/**
 * The local server's AgentTransport: calls the executor in the same process. An aborted call
 * answers `timeout` at once (the operation itself stops at its own deadline); it never throws.
 */
export function createInProcessTransport(executor: AgentExecutor): AgentTransport {
  return {
    call(request, options = {}) {
      const { signal } = options;
      if (signal?.aborted)
        return Promise.resolve(failure(request.id, 'timeout', 'the caller cancelled the request'));
      return new Promise<AgentResponse>((resolve) => {
        const onAbort = () => resolve(failure(request.id, 'timeout', 'the caller cancelled the request'));
        signal?.addEventListener('abort', onAbort, { once: true });
        executor
          .execute(request)
          .catch(() => failure(request.id, 'internal', 'the agent failed unexpectedly'))
          .then((response) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(response);
          });
      });
    },
  };
}

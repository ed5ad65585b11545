import { AGENT_PROTOCOL_VERSION, type AgentErrorCode, type AgentResponse } from '@opsworker/shared';

/** A call waiting for its answer from the agent. */
export interface PendingCall {
  correlationId: string;
  requestId: string;
  startedAt: number;
  /** Resolves the caller (once; later calls are ignored) and forgets the call. */
  settle(response: AgentResponse): void;
}

export interface OpenCallOptions {
  correlationId: string;
  requestId: string;
  /** `performance.now()` when the call began, for `durationMs`. */
  startedAt: number;
  timeoutMs: number;
  /** Aborting rejects the call with the signal's reason, as fetch does. */
  signal?: AbortSignal;
  onSettled?: () => void;
}

/** The calls a transport waits on, keyed by correlation id, each with its own deadline. */
export function createPendingCalls() {
  const calls = new Map<string, PendingCall>();

  return {
    get size() {
      return calls.size;
    },
    get(correlationId: string): PendingCall | undefined {
      return calls.get(correlationId);
    },
    /** Registers a call; the promise settles with its answer, a `timeout` failure, or the abort. */
    open(options: OpenCallOptions): Promise<AgentResponse> {
      const { correlationId, requestId, startedAt, timeoutMs, signal } = options;
      return new Promise((resolve, reject) => {
        const finish = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          calls.delete(correlationId);
          options.onSettled?.();
        };
        const onAbort = () => {
          finish();
          reject(signal?.reason);
        };
        const call: PendingCall = {
          correlationId,
          requestId,
          startedAt,
          settle(response) {
            if (calls.get(correlationId) !== call) return;
            finish();
            resolve(response);
          },
        };
        const timer = setTimeout(() => {
          call.settle(
            agentFailure(call, 'timeout', `No answer from the cluster agent within ${timeoutMs} ms.`),
          );
        }, timeoutMs);
        calls.set(correlationId, call);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    /** Settles every waiting call, e.g. when the transport closes. */
    settleAll(answer: (call: PendingCall) => AgentResponse): void {
      for (const call of [...calls.values()]) call.settle(answer(call));
    },
  };
}

/** An `ok: false` answer produced on the caller's side of the transport. */
export function agentFailure(
  call: { requestId: string; startedAt: number },
  code: AgentErrorCode,
  message: string,
): AgentResponse {
  return {
    version: AGENT_PROTOCOL_VERSION,
    requestId: call.requestId,
    ok: false,
    error: { code, message },
    durationMs: Math.max(0, performance.now() - call.startedAt),
  };
}

import type { AgentExecutor } from '@opsworker/agent/executor/agent-executor.ts';
import { AGENT_PROTOCOL_VERSION, AgentRequest, type AgentResponse } from '@opsworker/shared';

export interface ScriptedExecutorOptions {
  /** How long each execution takes. */
  delayMs?: number | ((request: AgentRequest) => number);
  /** The `result` of a successful answer; defaults to echoing the operation. */
  result?: (request: AgentRequest) => unknown;
}

/**
 * A stand-in for the agent core that records what it was asked and answers as scripted: for
 * tests that need to control an answer's size or timing. Tests of validation and idempotency
 * use the real executor (memory-agent.ts).
 */
export interface ScriptedExecutor extends AgentExecutor {
  readonly executed: AgentRequest[];
  /** How many executions are running right now. */
  readonly running: number;
}

export function scriptedExecutor(options: ScriptedExecutorOptions = {}): ScriptedExecutor {
  const executed: AgentRequest[] = [];
  let running = 0;
  return {
    executed,
    get running() {
      return running;
    },
    async execute(input) {
      const request = AgentRequest.parse(input);
      executed.push(request);
      running += 1;
      const started = performance.now();
      try {
        const delayMs = typeof options.delayMs === 'function' ? options.delayMs(request) : options.delayMs;
        if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
        const result = options.result ? options.result(request) : { echo: request.operation };
        const response: AgentResponse = {
          version: AGENT_PROTOCOL_VERSION,
          requestId: request.id,
          ok: true,
          result,
          truncated: false,
          bytes: Buffer.byteLength(JSON.stringify(result)),
          durationMs: performance.now() - started,
        };
        return response;
      } finally {
        running -= 1;
      }
    },
  };
}

/** A valid request for the tests; the operation is the cheapest one. */
export function clusterInfoRequest(id: string): AgentRequest {
  return { version: AGENT_PROTOCOL_VERSION, id, operation: { op: 'clusterInfo' }, requestedBy: {} };
}

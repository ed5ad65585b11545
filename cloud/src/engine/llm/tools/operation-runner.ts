import { randomUUID } from 'node:crypto';
import { formatResult } from '@opsworker/agent/format/format-result.ts';
import {
  AGENT_PROTOCOL_VERSION,
  type AgentOperation,
  type AgentResponse,
  type AgentTransport,
  type Requester,
} from '@opsworker/shared';
import { kubectlCommandFor } from './kubectl-command.ts';

/** One read the runner made: what was asked, the kubectl equivalent, and the agent's answer. */
export interface OperationResult {
  /** `op-1`, `op-2`, ...: how a model's report points at what it read. */
  id: string;
  command: string;
  operation: AgentOperation;
  response: AgentResponse;
}

export interface OperationRunnerDeps {
  transport: AgentTransport;
  /** Written to the agent's audit log: the investigation and who asked. */
  requester: Requester;
  /** Stops waiting for the agent (the run's deadline). */
  signal?: AbortSignal;
}

/**
 * Runs read-only operations through the agent for one investigation or one question, and
 * keeps what it read. Results arrive already redacted by the agent.
 */
export class OperationRunner {
  readonly #deps: OperationRunnerDeps;
  readonly #results: OperationResult[] = [];

  constructor(deps: OperationRunnerDeps) {
    this.#deps = deps;
  }

  get results(): readonly OperationResult[] {
    return this.#results;
  }

  async run(operation: AgentOperation): Promise<OperationResult> {
    const response = await this.#deps.transport.call(
      {
        version: AGENT_PROTOCOL_VERSION,
        id: `ow-${randomUUID()}`,
        operation,
        requestedBy: this.#deps.requester,
      },
      this.#deps.signal ? { signal: this.#deps.signal } : {},
    );
    const result = {
      id: `op-${this.#results.length + 1}`,
      command: kubectlCommandFor(operation),
      operation,
      response,
    };
    this.#results.push(result);
    return result;
  }
}

/** How a result reads: kubectl's own output (a single object as YAML, lists as wide tables). */
export function renderResult(result: OperationResult, now = Date.now()): string {
  const { response, operation } = result;
  if (!response.ok) return `error (${response.error.code}): ${response.error.message}`;
  const output = operation.op === 'get' ? 'yaml' : operation.op === 'list' ? 'wide' : 'table';
  return formatResult({ operation, output }, response.result, { now });
}

/**
 * Cuts text to `maxChars`, keeping the end for logs and events (the newest lines) and the
 * beginning for everything else, and says how much was cut.
 */
export function truncateText(
  text: string,
  maxChars: number,
  keep: 'head' | 'tail',
): { text: string; cut: number } {
  if (text.length <= maxChars) return { text, cut: 0 };
  const cut = text.length - maxChars;
  return keep === 'tail' ? { text: text.slice(cut), cut } : { text: text.slice(0, maxChars), cut };
}

import { formatResult } from '@opsworker/agent/format/format-result.ts';
import { parseKubectl } from '@opsworker/agent/kubectl/parse-kubectl.ts';
import { type AgentTransport, parseWith, UnavailableError } from '@opsworker/shared';
import { z } from 'zod';
import { OperationRunner } from '../engine/llm/tools/operation-runner.ts';

export const KubectlInput = z.object({
  command: z.string().trim().min(1).max(2000),
  cluster: z.string().max(253).optional(),
  /** Who asked, for the agent's audit log. */
  requestedBy: z.string().max(200).optional(),
});

export interface KubectlOutput {
  command: string;
  output: string;
  truncated: boolean;
}

/** Output beyond this is cut (from the start for logs and events, whose newest lines matter). */
const MAX_OUTPUT_CHARS = 200_000;

/**
 * A read-only kubectl command from a person (Slack's `/opsworker kubectl`, the API), run
 * through the agent's own parser (refusals are written for users and thrown before any
 * request) and its closed list of operations. Results arrive redacted by the agent.
 */
export class KubectlService {
  readonly #agentFor: (orgId: string, cluster?: string) => Promise<AgentTransport>;
  readonly #now: () => number;

  constructor(deps: {
    agentFor: (orgId: string, cluster?: string) => Promise<AgentTransport>;
    now?: () => number;
  }) {
    this.#agentFor = deps.agentFor;
    this.#now = deps.now ?? Date.now;
  }

  async run(orgId: string, input: unknown): Promise<KubectlOutput> {
    const request = parseWith(KubectlInput, input, 'kubectl request');
    const command = request.command.replace(/^\$\s*/, '');
    const parsed = parseKubectl(command);
    const transport = await this.#agentFor(orgId, request.cluster).catch((error: unknown) => {
      throw new UnavailableError(`no agent for cluster ${request.cluster ?? '(default)'}`, {
        cause: error,
        userMessage: `The cluster's agent cannot be reached: ${(error as Error).message}`,
      });
    });
    const runner = new OperationRunner({
      transport,
      requester: { orgId, ...(request.requestedBy ? { user: request.requestedBy } : {}) },
    });
    const { response } = await runner.run(parsed.operation);
    if (!response.ok) throw new UnavailableError(`The agent answered: ${response.error.message}`);
    const output = formatResult(parsed, response.result, { now: this.#now() });
    if (output.length <= MAX_OUTPUT_CHARS) return { command, output, truncated: false };
    const tail = parsed.operation.op === 'logs' || parsed.operation.op === 'events';
    return {
      command,
      output: tail ? output.slice(-MAX_OUTPUT_CHARS) : output.slice(0, MAX_OUTPUT_CHARS),
      truncated: true,
    };
  }
}

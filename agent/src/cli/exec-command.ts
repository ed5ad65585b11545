import { randomUUID } from 'node:crypto';
import { AGENT_PROTOCOL_VERSION, ForbiddenOperationError, OpsWorkerError } from '@opsworker/shared';
import { auditSinkFor } from '../audit/json-lines-audit-sink.ts';
import { discardAuditSink } from '../audit/memory-audit-sink.ts';
import { createAgentExecutor } from '../executor/agent-executor.ts';
import { formatResult } from '../format/format-result.ts';
import { createApiKubeReader } from '../kube/api-kube-reader.ts';
import { connectWithKubeConfig } from '../kube/kubeconfig-connection.ts';
import { parseKubectlArgs } from '../kubectl/parse-kubectl.ts';

export type CliIo = { stdout: (text: string) => void; stderr: (text: string) => void };

type ExecOptions = { auditLog?: string; timeoutMs?: number; configMapValues: string[]; command: string[] };

function parseOptions(argv: string[]): ExecOptions {
  const options: ExecOptions = { configMapValues: [], command: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new OpsWorkerError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--') {
      options.command = argv.slice(i + 1);
      return options;
    }
    if (arg === '--audit-log') options.auditLog = value();
    else if (arg === '--timeout') options.timeoutMs = Number(value());
    else if (arg === '--configmap-values') options.configMapValues.push(value());
    else {
      // No `--`: the command starts here.
      options.command = argv.slice(i);
      return options;
    }
  }
  return options;
}

/**
 * `opsworker-agent exec -- <command>`: one read through the same executor the agent serves with,
 * so the CLI is refused, redacted and capped exactly like investigations are.
 */
export async function execCommand(argv: string[], io: CliIo): Promise<number> {
  try {
    const options = parseOptions(argv);
    // Refuse before touching any kubeconfig: a refusal needs no cluster.
    parseKubectlArgs(options.command);
    const connection = await connectWithKubeConfig();
    try {
      const parsed = parseKubectlArgs(options.command, { defaultNamespace: connection.namespace });
      const executor = createAgentExecutor({
        reader: createApiKubeReader(connection),
        audit: options.auditLog ? auditSinkFor(options.auditLog) : discardAuditSink,
        configMapValues: { allow: options.configMapValues },
      });
      const response = await executor.execute({
        version: AGENT_PROTOCOL_VERSION,
        id: randomUUID(),
        operation: parsed.operation,
        requestedBy: { user: 'opsworker-agent exec' },
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      });
      if (!response.ok) {
        io.stderr(`error: ${response.error.message}\n`);
        return 1;
      }
      io.stdout(formatResult(parsed, response.result));
      if (response.truncated) io.stderr(`(output truncated to ${response.bytes} bytes)\n`);
      return 0;
    } finally {
      connection.close();
    }
  } catch (error) {
    if (error instanceof ForbiddenOperationError) {
      io.stderr(`${error.userMessage}\n`);
      return 2;
    }
    io.stderr(`error: ${error instanceof OpsWorkerError ? error.userMessage : (error as Error).message}\n`);
    return 1;
  }
}

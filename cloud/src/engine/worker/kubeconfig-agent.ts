import type { AuditSink } from '@opsworker/agent/audit/audit-sink.ts';
import { createAgentExecutor } from '@opsworker/agent/executor/agent-executor.ts';
import { createApiKubeReader } from '@opsworker/agent/kube/api-kube-reader.ts';
import type { KubeConnection } from '@opsworker/agent/kube/kube-connection.ts';
import { connectWithKubeConfig } from '@opsworker/agent/kube/kubeconfig-connection.ts';
import { createInProcessTransport } from '@opsworker/agent/transport/in-process-transport.ts';
import { type AgentTransport, OpsWorkerError } from '@opsworker/shared';

/** How to point OpsWorker at a cluster, said wherever one is missing or unreachable. */
export const KUBECONFIG_HINT =
  'Point OpsWorker at a cluster: set KUBECONFIG (or OPSWORKER_KUBECONFIG) to a kubeconfig file, or create ~/.kube/config, then re-run the investigation.';

/** The local server has no kubeconfig to reach a cluster with. */
export class NoClusterError extends OpsWorkerError {
  override name = 'NoClusterError';
}

export interface KubeconfigAgentOptions {
  /** A kubeconfig file; otherwise KUBECONFIG, ~/.kube/config, then the in-cluster service account. */
  kubeconfigPath?: string;
  context?: string;
  /** Where the in-process agent writes its audit log (created on first use). */
  audit: () => AuditSink;
}

/** The in-process agent of the local server, connected on first use. */
export interface KubeconfigAgent {
  transport(): Promise<AgentTransport>;
  close(): void;
}

/**
 * The local server's agent: the same executor the in-cluster agent runs (operations, redaction,
 * limits, audit), reading the cluster of the current kubeconfig, called in-process. Connecting
 * loads @kubernetes/client-node, so it waits for the first investigation: `npm start` stays
 * fast and works with no cluster at all. A failed connection is retried at the next
 * investigation (the user may have fixed the kubeconfig in between).
 */
export function createKubeconfigAgent(options: KubeconfigAgentOptions): KubeconfigAgent {
  let connecting: Promise<{ connection: KubeConnection; transport: AgentTransport }> | undefined;

  async function connect() {
    let connection: KubeConnection;
    try {
      connection = await connectWithKubeConfig({
        ...(options.kubeconfigPath ? { kubeconfigPath: options.kubeconfigPath } : {}),
        ...(options.context ? { context: options.context } : {}),
      });
    } catch (error) {
      const detail = error instanceof OpsWorkerError ? error.userMessage : String(error);
      // The agent's own "set KUBECONFIG…" advice would repeat the hint: keep only what happened.
      const why = detail.startsWith('no Kubernetes configuration found')
        ? 'OpsWorker found no kubeconfig'
        : detail;
      throw new NoClusterError(`no cluster to investigate: ${detail}`, {
        cause: error,
        userMessage: `No Kubernetes cluster to investigate: ${why}. ${KUBECONFIG_HINT}`,
      });
    }
    const executor = createAgentExecutor({ reader: createApiKubeReader(connection), audit: options.audit() });
    return { connection, transport: createInProcessTransport(executor) };
  }

  return {
    async transport() {
      connecting ??= connect().catch((error: unknown) => {
        connecting = undefined;
        throw error;
      });
      return (await connecting).transport;
    },
    close() {
      void connecting?.then(({ connection }) => connection.close()).catch(() => {});
    },
  };
}

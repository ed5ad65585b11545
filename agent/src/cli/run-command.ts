import { SQSClient } from '@aws-sdk/client-sqs';
import { ConfigError, OpsWorkerError } from '@opsworker/shared';
import packageJson from '../../package.json' with { type: 'json' };
import { auditSinkFor } from '../audit/json-lines-audit-sink.ts';
import { type AgentConfig, loadAgentConfig } from '../config.ts';
import { createAgentExecutor } from '../executor/agent-executor.ts';
import { startHealthServer } from '../health-server.ts';
import { kubeClusterIdentity } from '../heartbeat-cluster-identity.ts';
import { createApiKubeReader } from '../kube/api-kube-reader.ts';
import { connectInCluster } from '../kube/in-cluster-connection.ts';
import type { KubeConnection } from '../kube/kube-connection.ts';
import { connectWithKubeConfig } from '../kube/kubeconfig-connection.ts';
import { runSqsAgent } from '../transport/sqs-agent-loop.ts';
import { describeError, jsonLinesLog } from '../transport/sqs-log.ts';

const RUN_USAGE = `opsworker-agent run

Runs the agent: long-polls its SQS request queue, answers on the response queue, sends
heartbeats, serves /healthz and /readyz. Configured by the environment only:
  OPSWORKER_AGENT_REQUEST_QUEUE_URL, OPSWORKER_AGENT_RESPONSE_QUEUE_URL (required)
  OPSWORKER_CLUSTER_NAME (required), AWS_REGION (unless the queue URLs name it)
  OPSWORKER_AGENT_HEARTBEAT_QUEUE_URL, OPSWORKER_AGENT_HEARTBEAT_SECONDS (60)
  OPSWORKER_AGENT_CONCURRENCY (2), OPSWORKER_AGENT_HEALTH_PORT (8080), OPSWORKER_AGENT_HEALTH_HOST
  OPSWORKER_AGENT_AUDIT_LOG (a file, or - for stderr: the default)
  AWS credentials and AWS_ENDPOINT_URL_SQS as the AWS SDK reads them; in a pod the service
  account reaches the API server (OPSWORKER_AGENT_SERVICE_ACCOUNT_DIR when its token is not
  mounted at the usual path), elsewhere the current kubeconfig does.
SIGTERM or SIGINT: stop polling, finish and answer what is running, hand back the rest, exit 0.
`;

/**
 * `opsworker-agent run`: the long-running agent. Resolves to the exit status once a SIGTERM or
 * SIGINT has been drained (0), or at once when it cannot start (1).
 */
export async function runCommand(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(RUN_USAGE);
    return 0;
  }
  if (argv.length > 0) {
    process.stderr.write(`opsworker-agent run takes no arguments (got "${argv[0]}")\n\n${RUN_USAGE}`);
    return 1;
  }
  const log = jsonLinesLog();
  let connection: KubeConnection | undefined;
  try {
    const config = loadAgentConfig();
    connection = await connect(config);
    return await serve(config, connection, log);
  } catch (error) {
    const message = error instanceof OpsWorkerError ? error.userMessage : describeError(error);
    log.warn(error instanceof ConfigError ? 'cannot start: bad configuration' : 'cannot start', {
      error: message,
    });
    return 1;
  } finally {
    connection?.close();
  }
}

function connect(config: AgentConfig): Promise<KubeConnection> {
  // In a pod: the service account, without loading @kubernetes/client-node (~60 MB).
  return config.inCluster ? connectInCluster(config.inCluster) : connectWithKubeConfig();
}

async function serve(config: AgentConfig, connection: KubeConnection, log: ReturnType<typeof jsonLinesLog>) {
  const health = await startHealthServer({ port: config.healthPort, host: config.healthHost });
  // The endpoint comes from the region (or AWS_ENDPOINT_URL_SQS: a VPC endpoint, an emulator),
  // not from each queue URL's host, which such endpoints do not serve.
  const sqs = new SQSClient({ region: config.region, useQueueUrlAsEndpoint: false });
  const stopping = new AbortController();
  // A drain may wait out a long poll (up to 20 s): a second signal stops at once.
  const force = () => {
    log.warn('stopped without draining: requests in flight will be redelivered');
    process.exit(1);
  };
  const stop = (signal: NodeJS.Signals) => {
    log.info('stopping: draining in-flight requests (a second signal stops at once)', { signal });
    health.markNotReady();
    stopping.abort();
    process.off('SIGTERM', stop).off('SIGINT', stop).on('SIGTERM', force).on('SIGINT', force);
  };
  process.on('SIGTERM', stop).on('SIGINT', stop);
  try {
    const reader = createApiKubeReader(connection);
    const executor = createAgentExecutor({
      reader,
      audit: auditSinkFor(config.auditLog, (error) =>
        log.warn('audit log failed', { error: describeError(error) }),
      ),
      limits: { maxConcurrent: config.concurrency },
      onInternalError: (error, requestId) =>
        log.warn('operation failed unexpectedly', { requestId, error: describeError(error) }),
    });
    log.info('agent starting', {
      version: packageJson.version,
      cluster: config.clusterName,
      requestQueueUrl: config.requestQueueUrl,
      apiServer: connection.server,
      healthPort: health.port,
    });
    await runSqsAgent({
      sqs,
      requestQueueUrl: config.requestQueueUrl,
      responseQueueUrl: config.responseQueueUrl,
      ...(config.heartbeatQueueUrl ? { heartbeatQueueUrl: config.heartbeatQueueUrl } : {}),
      executor,
      cluster: kubeClusterIdentity(reader, config.clusterName),
      agentVersion: packageJson.version,
      heartbeatIntervalMs: config.heartbeatSeconds * 1000,
      concurrency: config.concurrency,
      signal: stopping.signal,
      onReady: () => {
        health.markReady();
        log.info('agent ready: the request queue answered');
      },
      log,
    });
    log.info('agent stopped');
    return 0;
  } finally {
    process.off('SIGTERM', stop).off('SIGINT', stop).off('SIGTERM', force).off('SIGINT', force);
    sqs.destroy();
    await health.close();
  }
}

import { ConfigError } from '@opsworker/shared';
import { z } from 'zod';
import { DEFAULT_AGENT_LIMITS } from './executor/limits.ts';

/** The agent's runtime configuration: read once, here, and nowhere else. */
export interface AgentConfig {
  requestQueueUrl: string;
  responseQueueUrl: string;
  /** Heartbeats go to the response queue when this is absent. */
  heartbeatQueueUrl?: string;
  region: string;
  clusterName: string;
  heartbeatSeconds: number;
  concurrency: number;
  healthPort: number;
  /** Absent: every interface, as the kubelet probes the pod IP. */
  healthHost?: string;
  /** Where the audit log goes, as the audit module understands it; absent means its default. */
  auditLog?: string;
  /**
   * The API server's in-cluster address, which Kubernetes puts in every pod's environment, and
   * where the service account's token and CA are mounted when not at the usual path.
   */
  inCluster?: { host: string; port: string; serviceAccountDir?: string };
}

const queueUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) queue URL' });
const integer = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` })
    .default(fallback);

const AgentEnvironment = z.object({
  OPSWORKER_AGENT_REQUEST_QUEUE_URL: queueUrl,
  OPSWORKER_AGENT_RESPONSE_QUEUE_URL: queueUrl,
  OPSWORKER_AGENT_HEARTBEAT_QUEUE_URL: queueUrl.optional(),
  AWS_REGION: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, { error: 'must be an AWS region such as eu-west-1' })
    .optional(),
  OPSWORKER_CLUSTER_NAME: z.string().min(1).max(253),
  OPSWORKER_AGENT_HEARTBEAT_SECONDS: integer(5, 3600, 60),
  OPSWORKER_AGENT_CONCURRENCY: integer(1, 32, DEFAULT_AGENT_LIMITS.maxConcurrent),
  OPSWORKER_AGENT_HEALTH_PORT: integer(0, 65_535, 8080),
  OPSWORKER_AGENT_HEALTH_HOST: z.string().min(1).optional(),
  OPSWORKER_AGENT_AUDIT_LOG: z.string().min(1).optional(),
  KUBERNETES_SERVICE_HOST: z.string().min(1).optional(),
  KUBERNETES_SERVICE_PORT: z.string().regex(/^\d+$/, { error: 'must be a port number' }).optional(),
  OPSWORKER_AGENT_SERVICE_ACCOUNT_DIR: z
    .string()
    .startsWith('/', { error: 'must be an absolute path' })
    .optional(),
});

/**
 * Every variable the agent reads (besides those the AWS SDK and the Kubernetes client read
 * themselves: AWS_*, KUBECONFIG).
 */
export const AGENT_ENVIRONMENT_VARIABLES = Object.keys(AgentEnvironment.shape) as ReadonlyArray<
  keyof typeof AgentEnvironment.shape
>;

/**
 * Parses the agent's environment, failing fast with every problem at once so an operator fixes
 * the Helm values in one go. Empty variables count as unset (templates often render them empty).
 */
export function loadAgentConfig(env: Record<string, string | undefined> = process.env): AgentConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = AgentEnvironment.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const variable = issue.path.join('.');
      return issue.code === 'invalid_type' && present[variable] === undefined
        ? `${variable} is required`
        : `${variable} ${issue.message}`;
    });
    throw new ConfigError(`invalid agent configuration: ${problems.join('; ')}`);
  }
  const values = parsed.data;
  const region = values.AWS_REGION ?? regionOfQueue(values.OPSWORKER_AGENT_REQUEST_QUEUE_URL);
  if (region === undefined) {
    throw new ConfigError(
      'invalid agent configuration: AWS_REGION is required when the request queue URL does not name a region',
    );
  }
  return {
    requestQueueUrl: values.OPSWORKER_AGENT_REQUEST_QUEUE_URL,
    responseQueueUrl: values.OPSWORKER_AGENT_RESPONSE_QUEUE_URL,
    ...(values.OPSWORKER_AGENT_HEARTBEAT_QUEUE_URL
      ? { heartbeatQueueUrl: values.OPSWORKER_AGENT_HEARTBEAT_QUEUE_URL }
      : {}),
    region,
    clusterName: values.OPSWORKER_CLUSTER_NAME,
    heartbeatSeconds: values.OPSWORKER_AGENT_HEARTBEAT_SECONDS,
    concurrency: values.OPSWORKER_AGENT_CONCURRENCY,
    healthPort: values.OPSWORKER_AGENT_HEALTH_PORT,
    ...(values.OPSWORKER_AGENT_HEALTH_HOST ? { healthHost: values.OPSWORKER_AGENT_HEALTH_HOST } : {}),
    ...(values.OPSWORKER_AGENT_AUDIT_LOG ? { auditLog: values.OPSWORKER_AGENT_AUDIT_LOG } : {}),
    ...(values.KUBERNETES_SERVICE_HOST
      ? {
          inCluster: {
            host: values.KUBERNETES_SERVICE_HOST,
            port: values.KUBERNETES_SERVICE_PORT ?? '443',
            ...(values.OPSWORKER_AGENT_SERVICE_ACCOUNT_DIR
              ? { serviceAccountDir: values.OPSWORKER_AGENT_SERVICE_ACCOUNT_DIR }
              : {}),
          },
        }
      : {}),
  };
}

/** `https://sqs.eu-west-1.amazonaws.com/123/q` names its region; so does the legacy host form. */
function regionOfQueue(url: string): string | undefined {
  const host = new URL(url).hostname;
  return (
    /^sqs\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/.exec(host)?.[1] ??
    /^([a-z0-9-]+)\.queue\.amazonaws\.com$/.exec(host)?.[1]
  );
}

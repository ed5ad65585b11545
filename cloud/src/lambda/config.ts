import { ConfigError } from '@opsworker/shared';
import { z } from 'zod';

const QueueUrl = z.url({ protocol: /^https?$/, message: 'must be an SQS queue URL' });
const Arn = z.string().regex(/^arn:[a-z-]+:[a-z0-9-]+:[a-z0-9-]*:\d*:.+$/, 'must be an ARN');

const Env = z.object({
  OPSWORKER_TABLE_NAME: z.string().min(3).max(255),
  OPSWORKER_BUCKET_NAME: z.string().min(3).max(63),
  OPSWORKER_INVESTIGATION_QUEUE_URL: QueueUrl,
  OPSWORKER_EVENTS_TOPIC_ARN: Arn,
  OPSWORKER_HEARTBEAT_QUEUE_URL: QueueUrl.optional(),
  OPSWORKER_AGENT_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be letters, digits, - or _ (at most 40)')
    .default('opsworker-agent'),
  OPSWORKER_SLACK_SECRET_ARN: Arn.optional(),
  OPSWORKER_MODEL_SECRET_ARN: Arn.optional(),
  OPSWORKER_SLACK_ASYNC_FUNCTION: z.string().min(1).max(170).optional(),
  OPSWORKER_PUBLIC_URL: z.url().optional(),
  OPSWORKER_GROUP_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(30),
  OPSWORKER_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

/** The cloud functions' configuration: resource names only, never a credential (those come from Secrets Manager or IAM). */
export interface CloudConfig {
  tableName: string;
  bucketName: string;
  investigationQueueUrl: string;
  eventsTopicArn: string;
  heartbeatQueueUrl: string | undefined;
  agentQueuePrefix: string;
  slackSecretArn: string | undefined;
  /** A JSON secret of OPSWORKER_LLM_* variables (API keys); absent: no model, or Bedrock configured in the environment. */
  modelSecretArn: string | undefined;
  slackAsyncFunction: string | undefined;
  publicUrl: string | undefined;
  groupWindowMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** The OPSWORKER_LLM_* variables of the environment, merged under the model secret's. */
  llmEnv: Record<string, string>;
}

/**
 * Reads the environment once per container. Every problem is reported at once by variable name,
 * so a misconfigured deployment fails at its first invocation with a message that says what to fix.
 */
export function loadCloudConfig(env: NodeJS.ProcessEnv = process.env): CloudConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
  const result = Env.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid cloud configuration:\n${problems.join('\n')}`);
  }
  const e = result.data;
  return {
    tableName: e.OPSWORKER_TABLE_NAME,
    bucketName: e.OPSWORKER_BUCKET_NAME,
    investigationQueueUrl: e.OPSWORKER_INVESTIGATION_QUEUE_URL,
    eventsTopicArn: e.OPSWORKER_EVENTS_TOPIC_ARN,
    heartbeatQueueUrl: e.OPSWORKER_HEARTBEAT_QUEUE_URL,
    agentQueuePrefix: e.OPSWORKER_AGENT_QUEUE_PREFIX,
    slackSecretArn: e.OPSWORKER_SLACK_SECRET_ARN,
    modelSecretArn: e.OPSWORKER_MODEL_SECRET_ARN,
    slackAsyncFunction: e.OPSWORKER_SLACK_ASYNC_FUNCTION,
    publicUrl: e.OPSWORKER_PUBLIC_URL?.replace(/\/$/, ''),
    groupWindowMs: e.OPSWORKER_GROUP_WINDOW_MINUTES * 60_000,
    logLevel: e.OPSWORKER_LOG_LEVEL,
    llmEnv: Object.fromEntries(
      Object.entries(present).filter(
        ([name]) =>
          name.startsWith('OPSWORKER_LLM_') || name === 'AWS_REGION' || name === 'AWS_DEFAULT_REGION',
      ),
    ),
  };
}

let cached: CloudConfig | undefined;

/** The configuration of this container, parsed at first use. */
export function cloudConfig(): CloudConfig {
  cached ??= loadCloudConfig();
  return cached;
}

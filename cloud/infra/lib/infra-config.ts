import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { heartbeatQueueName, orgOfHeartbeatQueue } from '@opsworker/cloud/lambda/agents/heartbeat-source.ts';
import { z } from 'zod';

/** The repository root: Lambda entries and the portal build are found from here. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

// SQS queue names are at most 80 of [A-Za-z0-9_-]; each part of `<prefix>-<org>-<cluster>-responses`
// keeps to those characters and the whole name's length is checked once the parts are known.
const NamePart = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1-40 letters, digits, - or _');
const MAX_QUEUE_NAME = 80;

/**
 * The registration function finds an agent's organization from its heartbeat queue's name, so an
 * org id must survive that round trip (the function's own parser decides).
 */
const isHeartbeatOrgId = (orgId: string) =>
  orgOfHeartbeatQueue(`arn:aws:sqs:region:000000000000:${heartbeatQueueName('p', orgId)}`, 'p') === orgId;

/** `org1/prod`: an organization id and a cluster name as the agent reports it. */
const ClusterRef = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const [orgId = '', cluster, ...rest] = value.split('/');
    const parsed = z.object({ orgId: z.string(), cluster: NamePart }).safeParse({ orgId, cluster });
    if (rest.length > 0 || !parsed.success || !isHeartbeatOrgId(orgId)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not <org>/<cluster> (org: lowercase letters, digits, -; cluster: 1-40 letters, digits, - or _)`,
      });
      return z.NEVER;
    }
    return parsed.data;
  });

/** Who may assume a cluster's agent role. */
const AgentTrust = z.union([
  z.strictObject({
    /** IRSA: the EKS cluster's IAM OIDC provider. */
    oidcProviderArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:iam::\d{12}:oidc-provider\/.+$/, 'must be an IAM OIDC provider ARN'),
    namespace: z.string().min(1).default('opsworker'),
    serviceAccount: z.string().min(1).default('opsworker-agent'),
  }),
  z.strictObject({
    /** Any IAM principal: a role or user in another account, an instance role outside EKS. */
    principalArn: z.string().regex(/^arn:aws[a-z-]*:(iam|sts)::\d{12}:.+$/, 'must be an IAM principal ARN'),
  }),
]);

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The retention periods CloudWatch Logs accepts. */
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

const SecretRef = z.string().min(1).max(2048);

const Flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);

/** `-c key=value` gives strings; cdk.json gives JSON: accept both for structured values. */
function jsonOrValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      return JSON.parse(text);
    } catch {
      return value;
    }
  }
  return value;
}

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => {
    const parsed = jsonOrValue(value);
    if (typeof parsed === 'string') return parsed.split(',').filter((part) => part.trim() !== '');
    return parsed;
  }, z.array(item));

const Context = z.object({
  stackName: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/)
    .default('OpsWorker'),
  clusters: list(ClusterRef).default([]),
  /** Per cluster (`org/cluster`) or for all (`*`). */
  agentTrust: z.preprocess(jsonOrValue, z.record(z.string(), AgentTrust)).default({}),
  agentQueuePrefix: NamePart.default('opsworker-agent'),
  /** Name or ARN of the Secrets Manager secret with the Slack app's tokens (created by hand). */
  slackSecret: SecretRef.default('opsworker/slack'),
  /** Name or ARN of the secret with a model provider's key; not needed for Bedrock. */
  modelSecret: SecretRef.optional(),
  /** Bedrock model and inference profile ARNs the worker and API may invoke. */
  bedrockModelArns: list(z.string().regex(/^arn:aws[a-z-]*:bedrock:/, 'must be a Bedrock ARN')).default([]),
  /** OPSWORKER_LLM_* settings for the worker and API (never keys: those go in modelSecret). */
  llm: z
    .preprocess(jsonOrValue, z.record(z.string(), z.string()))
    .superRefine((variables, ctx) => {
      for (const name of Object.keys(variables)) {
        if (!/^OPSWORKER_LLM_[A-Z_]+$/.test(name)) {
          ctx.addIssue({ code: 'custom', path: [name], message: 'must be an OPSWORKER_LLM_* variable' });
        } else if (name.includes('API_KEY')) {
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: 'API keys belong in the modelSecret, not in the environment',
          });
        }
      }
    })
    .default({}),
  /** When the daily digest goes out, HH:MM in digestTimeZone. */
  digestTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24 h)')
    .default('08:00'),
  digestTimeZone: z
    .string()
    .min(1)
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin')
    .default('UTC'),
  /** The built web portal; not built means no deployment of it, with a warning. */
  portalDir: z.string().min(1).default(join(REPO_ROOT, 'desktop/dist/renderer')),
  /** An existing SNS topic the alarms notify (email, PagerDuty…); none by default. */
  alarmTopicArn: z
    .string()
    .regex(/^arn:aws[a-z-]*:sns:/, 'must be an SNS topic ARN')
    .optional(),
  /** Keep the table and buckets when the stack is deleted (false only for throwaway stacks). */
  retainData: Flag.default(true),
  logRetentionDays: z.coerce
    .number()
    .refine((days) => LOG_RETENTION_DAYS.includes(days), `must be one of ${LOG_RETENTION_DAYS.join(', ')}`)
    .default(30),
});

export type InfraConfig = z.infer<typeof Context> & { portalBuilt: boolean };
export type ClusterConfig = InfraConfig['clusters'][number];
export type AgentTrustConfig = z.infer<typeof AgentTrust>;

export class InfraConfigError extends Error {
  override name = 'InfraConfigError';
}

/** Reads the CDK context once, with every problem named at once. */
export function readInfraConfig(getContext: (key: string) => unknown): InfraConfig {
  const raw = Object.fromEntries(
    Object.keys(Context.shape)
      .map((key) => [key, getContext(key)] as const)
      .filter(([, v]) => v !== undefined),
  );
  const result = Context.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `  -c ${issue.path.join('.') || '(context)'}: ${issue.message}`,
    );
    throw new InfraConfigError(`Invalid CDK context:\n${problems.join('\n')}`);
  }
  const config = result.data;
  const portalDir = isAbsolute(config.portalDir) ? config.portalDir : resolve(REPO_ROOT, config.portalDir);
  const known = new Set(['*', ...config.clusters.map(clusterKey)]);
  const unknown = Object.keys(config.agentTrust).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw new InfraConfigError(
      `Invalid CDK context:\n  -c agentTrust: ${unknown.join(', ')} not in -c clusters (use "*" for every cluster)`,
    );
  }
  const keys = config.clusters.map(clusterKey);
  const duplicate = keys.find((key, index) => keys.indexOf(key) !== index);
  if (duplicate)
    throw new InfraConfigError(`Invalid CDK context:\n  -c clusters: ${duplicate} is listed twice`);
  const tooLong = config.clusters
    .map((cluster) => `${config.agentQueuePrefix}-${clusterKey(cluster).replace('/', '-')}-responses-dlq`)
    .filter((name) => name.length > MAX_QUEUE_NAME);
  if (tooLong.length > 0) {
    throw new InfraConfigError(
      `Invalid CDK context:\n  -c clusters: queue names longer than ${MAX_QUEUE_NAME} characters: ${tooLong.join(', ')}`,
    );
  }
  return { ...config, portalDir, portalBuilt: existsSync(join(portalDir, 'index.html')) };
}

export const clusterKey = (cluster: ClusterConfig) => `${cluster.orgId}/${cluster.cluster}`;

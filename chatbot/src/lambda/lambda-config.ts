import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ConfigError } from '@opsworker/shared';
import { z } from 'zod';
import { loadSlackConfig, type SlackConfig } from '../config.ts';

const Env = z.object({
  OPSWORKER_SLACK_SECRET_ARN: z
    .string()
    .regex(/^arn:[a-z-]+:secretsmanager:/, 'must be a Secrets Manager ARN'),
  OPSWORKER_API_URL: z.url({ protocol: /^https?$/, message: 'must be the HTTP API base URL' }),
  OPSWORKER_PUBLIC_URL: z.url().optional(),
  OPSWORKER_TABLE_NAME: z.string().min(3).max(255),
  OPSWORKER_SLACK_ASYNC_FUNCTION: z.string().min(1).max(170).optional(),
});

/** What the Slack secret holds: the Slack app's credentials and the OpsWorker organization it serves. */
const SlackSecret = z.object({
  SLACK_BOT_TOKEN: z.string().min(1),
  SLACK_SIGNING_SECRET: z.string().min(1),
  /** An API token of the organization the Slack workspace belongs to. */
  OPSWORKER_API_TOKEN: z.string().min(16),
  OPSWORKER_ORG_ID: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
});

export interface SlackLambdaConfig {
  slack: SlackConfig;
  apiUrl: string;
  apiToken: string;
  orgId: string;
  publicUrl: string;
  tableName: string;
  asyncFunction: string | undefined;
}

function fail(problems: string[]): never {
  throw new ConfigError(`Invalid Slack function configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
}

/**
 * The Slack functions' configuration: resource names and Slack settings from the environment,
 * credentials only from the Slack secret (never the environment). Read once per container.
 */
export async function loadSlackLambdaConfig(
  secrets: SecretsManagerClient,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SlackLambdaConfig> {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = Env.safeParse(present);
  if (!parsed.success) fail(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  const e = parsed.data;
  const { SecretString } = await secrets.send(
    new GetSecretValueCommand({ SecretId: e.OPSWORKER_SLACK_SECRET_ARN }),
  );
  let json: unknown;
  try {
    json = JSON.parse(SecretString ?? '');
  } catch {
    fail(['OPSWORKER_SLACK_SECRET_ARN: the secret is not JSON']);
  }
  const secret = SlackSecret.safeParse(json);
  // Only the names of missing keys are reported, never a value.
  if (!secret.success)
    fail(
      secret.error.issues.map(
        (issue) => `the Slack secret's ${issue.path.join('.')}: is missing or malformed`,
      ),
    );
  const slack = loadSlackConfig({
    ...present,
    SLACK_APP_TOKEN: undefined,
    SLACK_BOT_TOKEN: secret.data.SLACK_BOT_TOKEN,
    SLACK_SIGNING_SECRET: secret.data.SLACK_SIGNING_SECRET,
  });
  if (!slack.configured) fail(['the Slack secret: SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are required']);
  const apiUrl = e.OPSWORKER_API_URL.replace(/\/$/, '');
  return {
    slack: slack.config,
    apiUrl,
    apiToken: secret.data.OPSWORKER_API_TOKEN,
    orgId: secret.data.OPSWORKER_ORG_ID,
    publicUrl: (e.OPSWORKER_PUBLIC_URL ?? apiUrl).replace(/\/$/, ''),
    tableName: e.OPSWORKER_TABLE_NAME,
    asyncFunction: e.OPSWORKER_SLACK_ASYNC_FUNCTION,
  };
}

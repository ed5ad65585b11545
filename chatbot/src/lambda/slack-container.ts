import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createSlackNotifier, type RunningSlackNotifier } from '../notifier/start-notifier.ts';
import { DynamoSlackState } from './dynamo-slack-state.ts';
import { loadSlackLambdaConfig, type SlackLambdaConfig } from './lambda-config.ts';

/** Everything a Slack function needs, built once per container. */
export interface SlackLambdaParts {
  config: SlackLambdaConfig;
  state: DynamoSlackState;
  notifier: RunningSlackNotifier;
  lambda: LambdaClient;
  log: (message: string) => void;
}

/** The AWS clients; tests point them at loopback stand-ins. */
export interface SlackLambdaClients {
  dynamodb: DynamoDBClient;
  secrets: SecretsManagerClient;
  lambda: LambdaClient;
}

export async function createSlackLambdaParts(
  clients: Partial<SlackLambdaClients> = {},
  env: NodeJS.ProcessEnv = process.env,
  fetchImpl?: typeof fetch,
): Promise<SlackLambdaParts> {
  const dynamodb = clients.dynamodb ?? new DynamoDBClient({});
  const secrets = clients.secrets ?? new SecretsManagerClient({});
  const config = await loadSlackLambdaConfig(secrets, env);
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const state = new DynamoSlackState({ client: dynamodb, tableName: config.tableName, orgId: config.orgId });
  const notifier = createSlackNotifier({
    apiUrl: config.apiUrl,
    apiToken: config.apiToken,
    botToken: config.slack.botToken,
    slackApiUrl: config.slack.apiUrl,
    state,
    defaultChannel: config.slack.defaultChannel,
    routes: config.slack.routes,
    publicUrl: config.publicUrl,
    log,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  return { config, state, notifier, lambda: clients.lambda ?? new LambdaClient({}), log };
}

let parts: Promise<SlackLambdaParts> | undefined;

/** This container's parts; a failed build is retried by the next invocation. */
export function containerSlackParts(): Promise<SlackLambdaParts> {
  if (!parts) {
    parts = createSlackLambdaParts();
    parts.catch(() => {
      parts = undefined;
    });
  }
  return parts;
}

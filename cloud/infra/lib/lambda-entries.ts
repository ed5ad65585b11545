/**
 * Every Lambda function of the cloud deployment, in one plain list: the CDK stack creates one
 * function per entry and `npm run bench -- lambda-bundles` bundles the same entries with the same
 * options, so the measured bundles are the deployed ones. Memory and timeout also feed the cost
 * model in docs/cloud.md.
 */
export interface LambdaEntry {
  /** Repository-relative path of the file exporting `handler`. */
  entry: string;
  description: string;
  memoryMb: number;
  timeoutSeconds: number;
}

export const LAMBDA_ENTRIES = {
  // API Gateway answers with 503 after 30 s, so a longer timeout would only burn money.
  http: {
    entry: 'cloud/src/lambda/http.ts',
    description: 'OpsWorker webhooks, REST API and live events behind the HTTP API',
    memoryMb: 1024,
    timeoutSeconds: 29,
  },
  // Evidence collection is bounded at 20 s and the LLM stage at 120 s (OPSWORKER_LLM_TIMEOUT_MS).
  worker: {
    entry: 'cloud/src/lambda/worker.ts',
    description: 'OpsWorker investigation worker (SQS investigation jobs)',
    memoryMb: 1024,
    timeoutSeconds: 180,
  },
  agentRegistration: {
    entry: 'cloud/src/lambda/agent-registration.ts',
    description: 'OpsWorker agent registration (SQS agent heartbeats)',
    memoryMb: 256,
    timeoutSeconds: 30,
  },
  digest: {
    entry: 'cloud/src/lambda/digest.ts',
    description: 'OpsWorker daily digest (EventBridge schedule)',
    memoryMb: 512,
    timeoutSeconds: 120,
  },
  // Slack wants an answer within 3 s: the slow work goes to slackAsync.
  slackEvents: {
    entry: 'chatbot/src/lambda/slack-events.ts',
    description: 'OpsWorker Slack app (events, commands, interactions)',
    memoryMb: 512,
    timeoutSeconds: 10,
  },
  slackAsync: {
    entry: 'chatbot/src/lambda/slack-async.ts',
    description: 'OpsWorker Slack app, slow work invoked asynchronously',
    memoryMb: 512,
    timeoutSeconds: 120,
  },
  notifier: {
    entry: 'chatbot/src/lambda/notifier.ts',
    description: 'OpsWorker notifier (SNS investigation events to Slack)',
    memoryMb: 512,
    timeoutSeconds: 60,
  },
} as const satisfies Record<string, LambdaEntry>;

export type LambdaName = keyof typeof LAMBDA_ENTRIES;

import { InvokeCommand } from '@aws-sdk/client-lambda';
import { AwsLambdaReceiver } from '@slack/bolt';
import { boltLogger, type SlackLog } from '../app/slack-log.ts';
import type { SlackWork } from './direct-receiver.ts';
import { lambdaBoltApp } from './lambda-bolt-app.ts';
import { lambdaSlackLog } from './slack-async.ts';
import { containerSlackParts, type SlackLambdaParts } from './slack-container.ts';

type AwsHandler = ReturnType<AwsLambdaReceiver['toHandler']>;
/** API Gateway's event in, the response for Slack out (Bolt's receiver types). */
export type SlackEventsHandler = (
  event: Parameters<AwsHandler>[0],
  context?: unknown,
) => ReturnType<AwsHandler>;

/**
 * Slack's Request URL behind API Gateway. Bolt's Lambda receiver checks the signature and the
 * timestamp (and answers Slack's URL verification); every verified request is then acked at
 * once and handed, as its body, to the asynchronous Slack function (`InvocationType: Event`):
 * Slack wants its answer within 3 seconds, and the listeners call the OpsWorker API and Slack.
 * An invocation that fails is an error response, so Slack retries the request.
 */
export function createSlackEventsHandler(
  parts: () => Promise<SlackLambdaParts>,
  options: { log?: SlackLog } = {},
): SlackEventsHandler {
  let handler: AwsHandler | undefined;
  return async (event, context) => {
    const p = await parts();
    handler ??= build(p, options.log ?? lambdaSlackLog());
    return handler(event, context);
  };
}

function build(parts: SlackLambdaParts, log: SlackLog): AwsHandler {
  const { config } = parts;
  const asyncFunction = config.asyncFunction;
  if (!asyncFunction)
    throw new Error('OPSWORKER_SLACK_ASYNC_FUNCTION is required by the Slack events function');
  const receiver = new AwsLambdaReceiver({ signingSecret: signingSecretOf(parts), logger: boltLogger(log) });
  const app = lambdaBoltApp(config, receiver, log);
  app.use(async (args) => {
    const work: SlackWork = { version: 1, body: args.body as Record<string, unknown> };
    await parts.lambda.send(
      new InvokeCommand({
        FunctionName: asyncFunction,
        InvocationType: 'Event',
        Payload: Buffer.from(JSON.stringify(work)),
      }),
    );
    if ('ack' in args && typeof args.ack === 'function') await args.ack();
    // No next(): the listeners run in the async function.
  });
  return receiver.toHandler();
}

function signingSecretOf(parts: SlackLambdaParts): string {
  const { connection } = parts.config.slack;
  if (connection.mode !== 'http')
    throw new Error('the Slack functions need SLACK_SIGNING_SECRET in the Slack secret');
  return connection.signingSecret;
}

export const handler: SlackEventsHandler = createSlackEventsHandler(containerSlackParts);

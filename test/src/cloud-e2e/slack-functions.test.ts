import { LambdaClient } from '@aws-sdk/client-lambda';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createSlackAsyncHandler } from '@opsworker/chatbot/lambda/slack-async.ts';
import { createSlackLambdaParts } from '@opsworker/chatbot/lambda/slack-container.ts';
import { createSlackEventsHandler, type SlackEventsHandler } from '@opsworker/chatbot/lambda/slack-events.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandBody, signed } from '../slack/signed-slack-request.ts';
import { type LambdaInvokeShim, startLambdaInvokeShim } from '../support/lambda-invoke-shim.ts';
import { LOCAL_AWS_CLIENT_CONFIG } from '../support/local-aws.ts';
import { type CloudStack, SLACK_SIGNING_SECRET, startCloudStack } from './cloud-stack.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * The Slack app as two functions: the events function (behind API Gateway) checks Slack's
 * signature, acks, and invokes the async function through the Lambda Invoke API (the shim); the
 * async function runs the listeners against the cloud's HTTP API and answers in Slack.
 */
describe('the Slack functions', () => {
  let stack: CloudStack;
  let shim: LambdaInvokeShim;
  let lambda: LambdaClient;
  let secrets: SecretsManagerClient;
  let events: SlackEventsHandler;

  beforeAll(async () => {
    stack = await startCloudStack({ scenarios: ['oom-killed'] });
    while ((await stack.pollHeartbeats(1)).delivered === 0);
    secrets = new SecretsManagerClient({ ...LOCAL_AWS_CLIENT_CONFIG, endpoint: stack.secrets.endpoint });
    let asyncHandler: ReturnType<typeof createSlackAsyncHandler> | undefined;
    shim = await startLambdaInvokeShim({ 'opsworker-slack-async': (event) => asyncHandler!(event) });
    lambda = new LambdaClient({ ...LOCAL_AWS_CLIENT_CONFIG, endpoint: shim.endpoint });
    const parts = createSlackLambdaParts({ dynamodb: stack.aws.dynamodb, secrets, lambda }, stack.slackEnv);
    asyncHandler = createSlackAsyncHandler(() => parts, { log: silent });
    events = createSlackEventsHandler(() => parts, { log: silent });
  }, 30_000);
  afterAll(async () => {
    lambda?.destroy();
    secrets?.destroy();
    await shim?.close();
    await stack?.close();
  });

  /** A slash command as API Gateway hands it to the events function. */
  function slashCommand(text: string, options: { signature?: string } = {}) {
    const responseUrl = stack.slack.responseUrl();
    const request = signed(commandBody(text, responseUrl), 'application/x-www-form-urlencoded', {
      secret: SLACK_SIGNING_SECRET,
      ...options,
    });
    const event = {
      version: '2.0',
      rawPath: '/slack/events',
      headers: request.headers,
      body: Buffer.from(request.body).toString('base64'),
      isBase64Encoded: true,
      requestContext: { http: { method: 'POST', path: '/slack/events' } },
    };
    return { event: event as unknown as Parameters<SlackEventsHandler>[0], responseUrl };
  }

  describe('when someone runs /opsworker kubectl', () => {
    it('acks at once, then answers with the cluster read through the cloud API and the agent', async () => {
      const before = shim.invocations.length;
      const { event } = slashCommand('kubectl get pods -n analytics');
      const response = await events(event);
      expect(response.statusCode).toBe(200);
      expect(shim.invocations.slice(before).map((i) => i.type)).toEqual(['Event']);

      await shim.idle();
      const answer = await stack.slack.waitForCall('response_url', (call) =>
        JSON.stringify(call.args).includes('report-exporter'),
      );
      expect(JSON.stringify(answer.args)).toContain('report-exporter');
    }, 30_000);
  });

  describe('when someone asks for help', () => {
    it('gets the help the local bot puts in its ack, through the response URL', async () => {
      const { event } = slashCommand('help');
      expect((await events(event)).statusCode).toBe(200);
      await shim.idle();
      const answer = await stack.slack.waitForCall('response_url', (call) =>
        JSON.stringify(call.args).includes('/opsworker'),
      );
      expect(answer.args).toMatchObject({ response_type: 'ephemeral' });
    });
  });

  describe('when a request is not signed by Slack', () => {
    it('refuses it and hands nothing to the async function', async () => {
      const before = {
        invocations: shim.invocations.length,
        answers: stack.slack.calls('response_url').length,
      };
      const { event } = slashCommand('kubectl get pods -n analytics', { signature: 'v0=forged' });
      expect((await events(event)).statusCode).toBe(401);
      await shim.idle();
      expect(shim.invocations.length).toBe(before.invocations);
      expect(stack.slack.calls('response_url').length).toBe(before.answers);
    });
  });
});

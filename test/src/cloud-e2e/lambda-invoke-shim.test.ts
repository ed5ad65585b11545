import { InvokeCommand, LambdaClient, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LambdaInvokeShim, startLambdaInvokeShim } from '../support/lambda-invoke-shim.ts';
import { LOCAL_AWS_CLIENT_CONFIG } from '../support/local-aws.ts';

/** The shim against the real `@aws-sdk/client-lambda`, as the Slack function will call it. */
describe('the Lambda Invoke API shim', () => {
  let shim: LambdaInvokeShim;
  let lambda: LambdaClient;
  const handled: unknown[] = [];

  beforeAll(async () => {
    shim = await startLambdaInvokeShim({
      echo: async (event) => ({ echoed: event }),
      slow: async (event) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        handled.push(event);
      },
      broken: async () => {
        throw new TypeError('no such thing');
      },
    });
    lambda = new LambdaClient({ ...LOCAL_AWS_CLIENT_CONFIG, endpoint: shim.endpoint });
  });
  afterAll(async () => {
    lambda?.destroy();
    await shim?.close();
  });

  const invoke = (name: string, event: unknown, type?: 'Event' | 'RequestResponse') =>
    lambda.send(
      new InvokeCommand({
        FunctionName: name,
        Payload: Buffer.from(JSON.stringify(event)),
        ...(type ? { InvocationType: type } : {}),
      }),
    );

  it('answers a RequestResponse invocation with the result', async () => {
    const answer = await invoke('echo', { hello: 'world' });
    expect(answer.StatusCode).toBe(200);
    expect(JSON.parse(Buffer.from(answer.Payload ?? []).toString())).toEqual({ echoed: { hello: 'world' } });
  });

  it('accepts an Event invocation with 202 and runs it afterwards', async () => {
    const answer = await invoke('slow', { n: 1 }, 'Event');
    expect(answer.StatusCode).toBe(202);
    await shim.idle();
    expect(handled).toEqual([{ n: 1 }]);
  });

  it('reports a function that throws as Lambda does', async () => {
    const answer = await invoke('broken', {});
    expect(answer.FunctionError).toBe('Unhandled');
    expect(JSON.parse(Buffer.from(answer.Payload ?? []).toString())).toMatchObject({
      errorType: 'TypeError',
    });
  });

  it('answers an unknown function with ResourceNotFoundException', async () => {
    await expect(invoke('missing', {})).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('records every invocation with its type', () => {
    expect(shim.invocations.map((i) => `${i.functionName}:${i.type}`)).toEqual([
      'echo:RequestResponse',
      'slow:Event',
      'broken:RequestResponse',
    ]);
  });
});

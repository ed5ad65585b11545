import { DeleteMessageCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import type { Investigation } from '@opsworker/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioManifest } from '../kube/scenario-manifest.ts';
import { alertmanagerPayload } from '../support/alertmanager-payload.ts';
import { type CloudStack, startCloudStack } from './cloud-stack.ts';

async function json<T>(response: Response): Promise<T> {
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Regression guard: a function stopped between storing an investigation and sending its job left
 * it queued forever, because the sender's retry only counted the alert again.
 */
describe('when the http function stops before sending an investigation job', () => {
  let stack: CloudStack;

  beforeAll(async () => {
    // No wait before re-sending: the test cannot sit out the default minute.
    stack = await startCloudStack({ scenarios: ['oom-killed'], overrides: { ingestRequeueAfterMs: 0 } });
    while ((await stack.pollHeartbeats(1)).delivered === 0);
  }, 30_000);
  afterAll(async () => {
    await stack?.close();
  });

  it("the sender's retry sends the job again and the investigation runs once", async () => {
    const acme = stack.client(stack.orgs.acme);
    const payload = alertmanagerPayload([(stack.cluster.scenarios[0] as ScenarioManifest).alert]);
    expect((await acme.webhook('alertmanager', payload)).status).toBe(202);

    // The job is lost, as if the function had died right after storing the investigation.
    const { Messages = [] } = await stack.aws.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: stack.queues.jobs, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    expect(Messages).toHaveLength(1);
    await stack.aws.sqs.send(
      new DeleteMessageCommand({ QueueUrl: stack.queues.jobs, ReceiptHandle: Messages[0]!.ReceiptHandle }),
    );

    expect((await acme.webhook('alertmanager', payload)).status).toBe(202);
    expect(await stack.runJobs()).toBe(1);
    const { items } = await json<{ items: Investigation[] }>(await acme.api('/api/investigations'));
    expect(items.map((investigation) => investigation.status)).toEqual(['completed']);
  }, 30_000);
});

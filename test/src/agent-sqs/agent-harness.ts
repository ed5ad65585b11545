import { createResponseReassembler } from '@opsworker/agent/transport/message-codec-reassembly.ts';
import { encodeRequest } from '@opsworker/agent/transport/message-codec-request.ts';
import { decodeInbound } from '@opsworker/agent/transport/message-codec-response.ts';
import { runSqsAgent, type SqsAgentOptions } from '@opsworker/agent/transport/sqs-agent-loop.ts';
import { silentLog } from '@opsworker/agent/transport/sqs-log.ts';
import { sendMessages } from '@opsworker/agent/transport/sqs-send.ts';
import { type AgentHeartbeat, AgentRequest, AgentResponse } from '@opsworker/shared';
import type { SqsFixture } from './sqs-fixture.ts';

/** A running agent loop on fresh queues. */
export interface RunningAgent {
  requestQueueUrl: string;
  responseQueueUrl: string;
  /** Resolves when the loop has drained and returned. */
  done: Promise<void>;
  ready: Promise<void>;
  stop(): Promise<void>;
}

export async function startAgent(
  fixture: SqsFixture,
  options: Partial<SqsAgentOptions> & Pick<SqsAgentOptions, 'executor'>,
): Promise<RunningAgent> {
  const requestQueueUrl = options.requestQueueUrl ?? (await fixture.createQueue());
  const responseQueueUrl = options.responseQueueUrl ?? (await fixture.createQueue());
  const controller = new AbortController();
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const done = runSqsAgent({
    sqs: fixture.sqs,
    cluster: async () => ({ cluster: 'test', kubernetesVersion: 'v1.31.0', nodeCount: 1 }),
    agentVersion: '0.0.0-test',
    // Short polls keep drains quick; the loop behaves the same at 20 s.
    waitTimeSeconds: 1,
    log: silentLog,
    ...options,
    requestQueueUrl,
    responseQueueUrl,
    signal: controller.signal,
    onReady: () => {
      options.onReady?.();
      markReady();
    },
  });
  return {
    requestQueueUrl,
    responseQueueUrl,
    done,
    ready,
    async stop() {
      controller.abort();
      await done;
    },
  };
}

/** Sends a request (or any JSON, to test bad input) the way the cloud side does. */
export async function sendRaw(
  fixture: SqsFixture,
  queueUrl: string,
  body: unknown,
  correlationId?: string,
): Promise<void> {
  const message =
    correlationId === undefined
      ? { body: typeof body === 'string' ? body : JSON.stringify(body), attributes: {} }
      : encodeRequest(correlationId, AgentRequest.parse(body));
  await sendMessages(fixture.sqs, queueUrl, [message]);
}

/** What arrived on a response queue, decoded and reassembled. */
export interface Collected {
  responses: Array<{ correlationId: string; attributeCorrelationId?: string; response: AgentResponse }>;
  heartbeats: AgentHeartbeat[];
  /** SQS messages that carried (parts of) responses. */
  responseMessages: number;
}

/** Drains a response queue until `until` says enough arrived, or the time is up. */
export async function collect(
  fixture: SqsFixture,
  queueUrl: string,
  until: (collected: Collected) => boolean,
  timeoutMs = 10_000,
): Promise<Collected> {
  const collected: Collected = { responses: [], heartbeats: [], responseMessages: 0 };
  const reassembler = createResponseReassembler(64);
  const deadline = Date.now() + timeoutMs;
  while (!until(collected) && Date.now() < deadline) {
    for (const message of await fixture.receive(queueUrl, { waitSeconds: 1 })) {
      const inbound = decodeInbound(message.Body);
      if (inbound.kind === 'heartbeat') collected.heartbeats.push(inbound.heartbeat);
      if (inbound.kind !== 'response') continue;
      collected.responseMessages += 1;
      const payload = await reassembler.add(inbound.frame);
      if (payload === undefined) continue;
      const attributeCorrelationId = message.MessageAttributes?.OpsWorkerCorrelationId?.StringValue;
      collected.responses.push({
        correlationId: inbound.frame.correlationId,
        ...(attributeCorrelationId !== undefined ? { attributeCorrelationId } : {}),
        response: AgentResponse.parse(payload),
      });
    }
  }
  return collected;
}

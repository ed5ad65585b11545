import { randomUUID } from 'node:crypto';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { type AgentHeartbeat, AgentRequest, AgentResponse, type AgentTransport } from '@opsworker/shared';
import { createResponseReassembler } from './message-codec-reassembly.ts';
import { encodeRequest } from './message-codec-request.ts';
import { DEFAULT_RESPONSE_LIMITS, decodeInbound } from './message-codec-response.ts';
import { describeError, jsonLinesLog, type TransportLog } from './sqs-log.ts';
import { agentFailure, createPendingCalls, type PendingCall } from './sqs-pending-calls.ts';
import { sendMessages } from './sqs-send.ts';
import { sleep } from './sqs-wakeup.ts';

export interface SqsAgentTransportOptions {
  sqs: SQSClient;
  requestQueueUrl: string;
  responseQueueUrl: string;
  /**
   * How long a call waits for its answer. A request with its own `timeoutMs` gets that plus a
   * few seconds when it is longer, so the agent's own timeout answer can still arrive.
   */
  timeoutMs?: number;
  /** Called for every heartbeat; without it heartbeats are left for another consumer. */
  onHeartbeat?: (heartbeat: AgentHeartbeat) => void;
  waitTimeSeconds?: number;
  /**
   * Several callers (one per investigation worker) may share a response queue: a message meant for
   * another one is put back, visible again at once the first time and after a growing delay, up to
   * this many seconds, each time it comes round again (its owner may be gone).
   */
  maxPutBackSeconds?: number;
  log?: TransportLog;
}

/** Room for the agent to answer `timeout` itself before the caller stops waiting. */
const AGENT_TIMEOUT_GRACE_MS = 5_000;
const MAX_BACKOFF_MS = 10_000;

/**
 * The cloud's side of the SQS transport. Every call gets a correlation id that starts with this
 * transport's own id, one long-poll loop on the response queue routes answers back to their
 * callers, and runs only while calls wait (always, with `onHeartbeat`).
 */
export function createSqsAgentTransport(
  options: SqsAgentTransportOptions,
): AgentTransport & { close(): Promise<void> } {
  const { sqs, requestQueueUrl, responseQueueUrl, onHeartbeat } = options;
  const log = options.log ?? jsonLinesLog();
  const owner = `${randomUUID()}:`;
  const calls = createPendingCalls();
  const reassembler = createResponseReassembler(DEFAULT_RESPONSE_LIMITS.maxParts);
  const closing = new AbortController();
  let polling: Promise<void> | undefined;

  const wanted = () => !closing.signal.aborted && (calls.size > 0 || onHeartbeat !== undefined);

  function ensurePolling(): void {
    if (polling || !wanted()) return;
    polling = pollLoop().finally(() => {
      polling = undefined;
      ensurePolling();
    });
  }

  async function pollLoop(): Promise<void> {
    let backoffMs = 0;
    while (wanted()) {
      try {
        const received = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: responseQueueUrl,
            MaxNumberOfMessages: 10,
            WaitTimeSeconds: options.waitTimeSeconds ?? 20,
            MessageAttributeNames: ['All'],
            MessageSystemAttributeNames: ['ApproximateReceiveCount'],
          }),
          { abortSignal: closing.signal },
        );
        backoffMs = 0;
        await Promise.all((received.Messages ?? []).map(route));
      } catch (error) {
        if (closing.signal.aborted) return;
        backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(250, backoffMs * 2));
        log.warn('polling the response queue failed', { error: describeError(error), retryInMs: backoffMs });
        await sleep(backoffMs, closing.signal);
      }
    }
  }

  async function route(message: Message): Promise<void> {
    const inbound = decodeInbound(message.Body);
    if (inbound.kind === 'invalid') {
      log.warn('dropping an unreadable message from the response queue', { reason: inbound.reason });
      return remove(message);
    }
    if (inbound.kind === 'heartbeat') {
      if (!onHeartbeat) return putBack(message);
      await remove(message);
      try {
        onHeartbeat(inbound.heartbeat);
      } catch (error) {
        log.warn('heartbeat handler threw', { error: describeError(error) });
      }
      return;
    }
    const { frame } = inbound;
    if (!frame.correlationId.startsWith(owner)) return putBack(message);
    // Ours either way: for a waiting call, or a late answer to one that gave up.
    await remove(message);
    const call = calls.get(frame.correlationId);
    if (call) await deliver(call, frame);
  }

  async function deliver(call: PendingCall, frame: Parameters<typeof reassembler.add>[0]): Promise<void> {
    let payload: unknown;
    try {
      payload = await reassembler.add(frame);
    } catch (error) {
      log.warn('unreadable answer from the agent', {
        requestId: call.requestId,
        error: describeError(error),
      });
      return call.settle(agentFailure(call, 'internal', 'The cluster agent sent an unreadable answer.'));
    }
    if (payload === undefined) return;
    const parsed = AgentResponse.safeParse(payload);
    if (parsed.success && parsed.data.requestId === call.requestId) return call.settle(parsed.data);
    log.warn('invalid answer from the agent', { requestId: call.requestId });
    call.settle(agentFailure(call, 'internal', 'The cluster agent sent an invalid answer.'));
  }

  async function remove(message: Message): Promise<void> {
    await sqs
      .send(new DeleteMessageCommand({ QueueUrl: responseQueueUrl, ReceiptHandle: message.ReceiptHandle }))
      .catch((error) => log.warn('could not delete a response message', { error: describeError(error) }));
  }

  async function putBack(message: Message): Promise<void> {
    const receiveCount = Number(message.Attributes?.ApproximateReceiveCount ?? 1);
    const command = new ChangeMessageVisibilityCommand({
      QueueUrl: responseQueueUrl,
      ReceiptHandle: message.ReceiptHandle,
      VisibilityTimeout: Math.min(options.maxPutBackSeconds ?? 60, 2 ** Math.max(0, receiveCount - 1) - 1),
    });
    await sqs
      .send(command)
      .catch((error) => log.warn('could not put a message back', { error: describeError(error) }));
  }

  function waitFor(request: AgentRequest): number {
    const base = options.timeoutMs ?? 60_000;
    return request.timeoutMs === undefined
      ? base
      : Math.max(base, request.timeoutMs + AGENT_TIMEOUT_GRACE_MS);
  }

  ensurePolling();

  return {
    async call(request, callOptions = {}) {
      callOptions.signal?.throwIfAborted();
      const startedAt = performance.now();
      const checked = AgentRequest.safeParse(request);
      if (!checked.success) {
        const message = `agent request: ${checked.error.issues[0]?.message ?? 'invalid'}`;
        return agentFailure({ requestId: String(request.id ?? ''), startedAt }, 'invalid_request', message);
      }
      if (closing.signal.aborted) {
        return agentFailure(
          { requestId: request.id, startedAt },
          'unavailable',
          'The agent transport is closed.',
        );
      }
      const correlationId = `${owner}${randomUUID()}`;
      const answer = calls.open({
        correlationId,
        requestId: request.id,
        startedAt,
        timeoutMs: waitFor(checked.data),
        signal: callOptions.signal,
        onSettled: () => reassembler.forget(correlationId),
      });
      ensurePolling();
      sendMessages(sqs, requestQueueUrl, [encodeRequest(correlationId, checked.data)]).catch((error) => {
        log.warn('could not send a request to the agent', {
          requestId: request.id,
          error: describeError(error),
        });
        calls
          .get(correlationId)
          ?.settle(
            agentFailure(
              { requestId: request.id, startedAt },
              'unavailable',
              'The cluster agent is unreachable.',
            ),
          );
      });
      return answer;
    },
    async close() {
      closing.abort();
      calls.settleAll((call) => agentFailure(call, 'unavailable', 'The agent transport was closed.'));
      await polling;
    },
  };
}

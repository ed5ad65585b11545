import { DeleteMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import { AGENT_PROTOCOL_VERSION, type AgentErrorCode, type AgentResponse } from '@opsworker/shared';
import type { AgentExecutor } from '../executor/agent-executor.ts';
import { ResponseTooLargeError } from './message-codec-errors.ts';
import { decodeRequest } from './message-codec-request.ts';
import { encodeResponse, type ResponseLimits } from './message-codec-response.ts';
import { describeError, type TransportLog } from './sqs-log.ts';
import { sendMessages } from './sqs-send.ts';
import type { VisibilityLease } from './sqs-visibility-lease.ts';

export interface RequestHandlerOptions {
  sqs: SQSClient;
  requestQueueUrl: string;
  responseQueueUrl: string;
  /**
   * The agent core. It is idempotent on the request id (a repeated id is answered from its
   * bounded cache, or shares the running execution), which is what makes SQS's at-least-once
   * delivery and a caller's retries safe: the transport keeps no second cache.
   */
  executor: AgentExecutor;
  limits: ResponseLimits;
  log: TransportLog;
}

/**
 * Answers one received request message, then deletes it. The message is deleted only once its
 * answer is on the response queue; when sending fails it is left to reappear, and the executor
 * answers the redelivery from its cache instead of running the operation again.
 */
export function createRequestHandler(options: RequestHandlerOptions) {
  const { sqs, requestQueueUrl, responseQueueUrl, executor, limits, log } = options;

  async function execute(payload: unknown, requestId: string): Promise<AgentResponse> {
    const started = performance.now();
    try {
      return await executor.execute(payload);
    } catch (error) {
      log.warn('executor threw', { requestId, error: describeError(error) });
      return failure(requestId, 'internal', 'The agent failed to carry out the request.', started);
    }
  }

  async function respond(correlationId: string, response: AgentResponse): Promise<void> {
    let messages: Awaited<ReturnType<typeof encodeResponse>>;
    try {
      messages = await encodeResponse(correlationId, response, limits);
    } catch (error) {
      if (!(error instanceof ResponseTooLargeError)) throw error;
      const tooLarge = failure(response.requestId, 'too_large', error.userMessage, performance.now());
      messages = await encodeResponse(
        correlationId,
        { ...tooLarge, durationMs: response.durationMs },
        limits,
      );
    }
    await sendMessages(sqs, responseQueueUrl, messages);
  }

  return async function handle(message: Message, lease: VisibilityLease): Promise<void> {
    const decoded = decodeRequest(message.Body, message.MessageAttributes);
    try {
      if (!decoded.ok)
        log.warn('invalid request message', { messageId: message.MessageId, reason: decoded.reason });
      // Invalid requests go to the executor too: it answers invalid_request and audits them.
      const response = decoded.ok
        ? await execute(decoded.request, decoded.request.id)
        : await execute(decoded.payload, decoded.requestId ?? '');
      // Without any id there is nobody to answer; the message is still deleted, never retried.
      if (decoded.correlationId !== undefined) await respond(decoded.correlationId, response);
      await sqs.send(
        new DeleteMessageCommand({ QueueUrl: requestQueueUrl, ReceiptHandle: message.ReceiptHandle }),
      );
    } catch (error) {
      log.warn('could not answer a request; it will be redelivered', {
        messageId: message.MessageId,
        error: describeError(error),
      });
    } finally {
      lease.end();
    }
  };
}

function failure(requestId: string, code: AgentErrorCode, message: string, startedAt: number): AgentResponse {
  return {
    version: AGENT_PROTOCOL_VERSION,
    requestId,
    ok: false,
    error: { code, message },
    durationMs: Math.max(0, performance.now() - startedAt),
  };
}

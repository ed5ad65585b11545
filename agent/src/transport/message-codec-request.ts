import type { MessageAttributeValue } from '@aws-sdk/client-sqs';
import { AgentRequest, parseWith, ValidationError } from '@opsworker/shared';
import { messageAttributes, type OutboundMessage, readCorrelationAttribute } from './message-codec.ts';

/** A request message as the agent understood it. */
export type DecodedRequest =
  | { ok: true; correlationId: string; request: AgentRequest }
  | {
      ok: false;
      reason: string;
      /** The body as parsed JSON, or its raw text when it is not JSON: for the audit log. */
      payload: unknown;
      /** Present when the sender can still be answered (attribute, or the body's `id`). */
      correlationId?: string;
      requestId?: string;
    };

/** Puts an `AgentRequest` on the wire; the correlation id is how its answer finds the caller. */
export function encodeRequest(correlationId: string, request: AgentRequest): OutboundMessage {
  return { body: JSON.stringify(request), attributes: messageAttributes('request', correlationId) };
}

/**
 * Validates a received request. Never throws: a message that is not a valid request comes back
 * with whatever ids could be recovered so the sender gets an `invalid_request` answer.
 */
export function decodeRequest(
  body: string | undefined,
  attributes: Record<string, MessageAttributeValue> | undefined,
): DecodedRequest {
  const attributeCorrelation = readCorrelationAttribute(attributes);
  let json: unknown;
  try {
    json = JSON.parse(body ?? '');
  } catch {
    const invalid = { ok: false, reason: 'agent request: body is not JSON', payload: body } as const;
    return withIds(invalid, attributeCorrelation, undefined);
  }
  const requestId = recoverRequestId(json);
  try {
    const request = parseWith(AgentRequest, json, 'agent request');
    return { ok: true, correlationId: attributeCorrelation ?? request.id, request };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return withIds({ ok: false, reason: error.message, payload: json }, attributeCorrelation, requestId);
  }
}

function recoverRequestId(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null || !('id' in json)) return undefined;
  const { id } = json;
  return typeof id === 'string' && id.length > 0 && id.length <= 128 ? id : undefined;
}

function withIds(
  decoded: { ok: false; reason: string; payload: unknown },
  correlationId: string | undefined,
  requestId: string | undefined,
): DecodedRequest {
  const answerTo = correlationId ?? requestId;
  return {
    ...decoded,
    ...(answerTo !== undefined ? { correlationId: answerTo } : {}),
    ...(requestId !== undefined ? { requestId } : {}),
  };
}

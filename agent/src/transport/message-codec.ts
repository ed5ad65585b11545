import type { MessageAttributeValue } from '@aws-sdk/client-sqs';
import { z } from 'zod';

/**
 * What the SQS transport puts on the wire, shared by the agent and the cloud side. Requests are
 * plain `AgentRequest` JSON; responses and heartbeats are frames (see message-codec-response.ts).
 * The correlation id travels as a message attribute so either side can route a message without
 * parsing its body.
 */
export const CORRELATION_ATTRIBUTE = 'OpsWorkerCorrelationId';
export const MESSAGE_TYPE_ATTRIBUTE = 'OpsWorkerMessageType';

/** SQS's classic limit for one message, body plus attributes. */
export const SQS_MAX_MESSAGE_BYTES = 262_144;

export const CorrelationId = z.string().min(1).max(256);

export type MessageType = 'request' | 'response' | 'heartbeat';

/** One SQS message ready for SendMessage. */
export interface OutboundMessage {
  body: string;
  attributes: Record<string, MessageAttributeValue>;
}

/** The attributes every OpsWorker message carries. */
export function messageAttributes(
  type: MessageType,
  correlationId?: string,
): Record<string, MessageAttributeValue> {
  const attributes: Record<string, MessageAttributeValue> = {
    [MESSAGE_TYPE_ATTRIBUTE]: { DataType: 'String', StringValue: type },
  };
  if (correlationId !== undefined) {
    attributes[CORRELATION_ATTRIBUTE] = { DataType: 'String', StringValue: correlationId };
  }
  return attributes;
}

/** The correlation id attribute of a received message, when present and well-formed. */
export function readCorrelationAttribute(
  attributes: Record<string, MessageAttributeValue> | undefined,
): string | undefined {
  const parsed = CorrelationId.safeParse(attributes?.[CORRELATION_ATTRIBUTE]?.StringValue);
  return parsed.success ? parsed.data : undefined;
}

/** The size SQS charges against its limit: UTF-8 body plus each attribute's name, type and value. */
export function messageBytes(body: string, attributes: Record<string, MessageAttributeValue>): number {
  let bytes = Buffer.byteLength(body);
  for (const [name, value] of Object.entries(attributes)) {
    bytes += Buffer.byteLength(name) + Buffer.byteLength(value.DataType ?? '');
    bytes += Buffer.byteLength(value.StringValue ?? '');
  }
  return bytes;
}

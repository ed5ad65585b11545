import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { AGENT_PROTOCOL_VERSION, AgentHeartbeat, type AgentResponse } from '@opsworker/shared';
import { z } from 'zod';
import {
  CorrelationId,
  messageAttributes,
  messageBytes,
  type OutboundMessage,
  SQS_MAX_MESSAGE_BYTES,
} from './message-codec.ts';
import { ResponseTooLargeError } from './message-codec-errors.ts';

const gzipAsync = promisify(gzip);

/** How big responses travel: compressed above a threshold, split when one message cannot hold it. */
export interface ResponseLimits {
  /** Per SQS message, body plus attributes. */
  maxMessageBytes: number;
  /** Responses whose JSON is larger than this are gzipped (and base64-encoded). */
  compressAboveBytes: number;
  /** More parts than this and the agent answers `too_large` instead. */
  maxParts: number;
}

export const DEFAULT_RESPONSE_LIMITS: ResponseLimits = {
  maxMessageBytes: SQS_MAX_MESSAGE_BYTES,
  compressAboveBytes: 16 * 1024,
  maxParts: 64,
};

const frameHeader = {
  version: z.literal(AGENT_PROTOCOL_VERSION),
  type: z.literal('response'),
  correlationId: CorrelationId,
};

/** A whole response inline. */
export const PlainResponseFrame = z.object({
  ...frameHeader,
  encoding: z.literal('json'),
  response: z.unknown(),
});

/** One of `parts` slices of the base64 of the gzipped response JSON. */
export const PartResponseFrame = z.object({
  ...frameHeader,
  encoding: z.literal('gzip-base64'),
  part: z.number().int().nonnegative(),
  parts: z.number().int().positive(),
  data: z.string(),
});

export const ResponseFrame = z.discriminatedUnion('encoding', [PlainResponseFrame, PartResponseFrame]);
export type ResponseFrame = z.infer<typeof ResponseFrame>;
export type PartResponseFrame = z.infer<typeof PartResponseFrame>;

/** What can arrive on a response queue. */
export type InboundFrame =
  | { kind: 'response'; frame: ResponseFrame }
  | { kind: 'heartbeat'; heartbeat: AgentHeartbeat }
  | { kind: 'invalid'; reason: string };

/**
 * Encodes an answer as one or more messages. Parts may arrive in any order (standard queues do
 * not keep order); each carries its index so the other side can put them back together.
 */
export async function encodeResponse(
  correlationId: string,
  response: AgentResponse,
  limits: ResponseLimits = DEFAULT_RESPONSE_LIMITS,
): Promise<OutboundMessage[]> {
  const attributes = messageAttributes('response', correlationId);
  const json = JSON.stringify(response);
  if (Buffer.byteLength(json) <= limits.compressAboveBytes) {
    const plain = JSON.stringify({ ...header(correlationId), encoding: 'json', response });
    if (messageBytes(plain, attributes) <= limits.maxMessageBytes) return [{ body: plain, attributes }];
  }
  const data = (await gzipAsync(json)).toString('base64');
  const widest = partBody(correlationId, limits.maxParts, limits.maxParts, '');
  const room = limits.maxMessageBytes - messageBytes(widest, attributes);
  const parts = Math.max(1, Math.ceil(data.length / room));
  if (room <= 0 || parts > limits.maxParts) throw new ResponseTooLargeError(parts, limits.maxParts);
  return Array.from({ length: parts }, (_, part) => ({
    body: partBody(correlationId, part, parts, data.slice(part * room, (part + 1) * room)),
    attributes,
  }));
}

/** A heartbeat is sent as itself: it already carries a `type`. */
export function encodeHeartbeat(heartbeat: AgentHeartbeat): OutboundMessage {
  return { body: JSON.stringify(heartbeat), attributes: messageAttributes('heartbeat') };
}

/** Classifies and validates a message from a response queue. Never throws. */
export function decodeInbound(body: string | undefined): InboundFrame {
  let json: unknown;
  try {
    json = JSON.parse(body ?? '');
  } catch {
    return { kind: 'invalid', reason: 'body is not JSON' };
  }
  const type = typeof json === 'object' && json !== null && 'type' in json ? json.type : undefined;
  if (type === 'heartbeat') {
    const parsed = AgentHeartbeat.safeParse(json);
    return parsed.success
      ? { kind: 'heartbeat', heartbeat: parsed.data }
      : { kind: 'invalid', reason: `heartbeat: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  }
  const parsed = ResponseFrame.safeParse(json);
  return parsed.success
    ? { kind: 'response', frame: parsed.data }
    : { kind: 'invalid', reason: `response frame: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
}

function header(correlationId: string) {
  return { version: AGENT_PROTOCOL_VERSION, type: 'response', correlationId } as const;
}

function partBody(correlationId: string, part: number, parts: number, data: string): string {
  return JSON.stringify({ ...header(correlationId), encoding: 'gzip-base64', part, parts, data });
}

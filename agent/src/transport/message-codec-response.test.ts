import { randomBytes } from 'node:crypto';
import type { AgentResponse } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { messageBytes, SQS_MAX_MESSAGE_BYTES } from './message-codec.ts';
import { ResponseTooLargeError } from './message-codec-errors.ts';
import { createResponseReassembler } from './message-codec-reassembly.ts';
import {
  DEFAULT_RESPONSE_LIMITS,
  decodeInbound,
  encodeHeartbeat,
  encodeResponse,
} from './message-codec-response.ts';

function answer(result: unknown): AgentResponse {
  return { version: 1, requestId: 'r-1', ok: true, result, truncated: false, bytes: 0, durationMs: 3 };
}

async function roundTrip(messages: Array<{ body: string }>): Promise<unknown> {
  const reassembler = createResponseReassembler(DEFAULT_RESPONSE_LIMITS.maxParts);
  let out: unknown;
  // Standard queues reorder: feed the parts back to front.
  for (const { body } of [...messages].reverse()) {
    const inbound = decodeInbound(body);
    if (inbound.kind !== 'response') throw new Error(`not a response frame: ${body.slice(0, 80)}`);
    out = (await reassembler.add(inbound.frame)) ?? out;
  }
  return out;
}

describe('encodeResponse', () => {
  describe.each([
    { what: 'a small answer', result: { pods: 3 }, messages: 1, encoding: 'json' },
    {
      what: 'a long, repetitive log',
      result: 'level=info msg="ok"\n'.repeat(50_000),
      messages: 1,
      encoding: 'gzip-base64',
    },
    {
      what: 'incompressible data',
      result: randomBytes(600_000).toString('base64'),
      messages: 4,
      encoding: 'gzip-base64',
    },
  ])('when it encodes $what', ({ result, messages, encoding }) => {
    it(`uses ${messages} message(s), each within the SQS limit, and decodes back intact`, async () => {
      const encoded = await encodeResponse('corr-1', answer(result));
      expect(encoded).toHaveLength(messages);
      for (const message of encoded) {
        expect(messageBytes(message.body, message.attributes)).toBeLessThanOrEqual(SQS_MAX_MESSAGE_BYTES);
        expect(JSON.parse(message.body)).toMatchObject({ correlationId: 'corr-1', encoding });
        expect(message.attributes.OpsWorkerCorrelationId?.StringValue).toBe('corr-1');
      }
      expect(await roundTrip(encoded)).toEqual(answer(result));
    });
  });

  describe('when the answer needs more parts than allowed', () => {
    it('throws ResponseTooLargeError so the agent can answer too_large instead', async () => {
      const limits = { ...DEFAULT_RESPONSE_LIMITS, maxParts: 2 };
      const huge = answer(randomBytes(600_000).toString('base64'));
      await expect(encodeResponse('corr-1', huge, limits)).rejects.toBeInstanceOf(ResponseTooLargeError);
    });
  });
});

describe('decodeInbound', () => {
  describe('when the message is a heartbeat', () => {
    it('validates it as an AgentHeartbeat', () => {
      const heartbeat = {
        version: 1,
        type: 'heartbeat',
        cluster: 'prod',
        kubernetesVersion: 'v1.31.0',
        agentVersion: '0.1.0',
        nodeCount: 3,
        at: '2026-11-24T10:00:00.000Z',
      } as const;
      expect(decodeInbound(encodeHeartbeat(heartbeat).body)).toEqual({ kind: 'heartbeat', heartbeat });
    });
  });

  describe('when the message is not something the agent sends', () => {
    it.each([
      { what: 'not JSON', body: '<xml/>' },
      {
        what: 'a heartbeat without a node count',
        body: JSON.stringify({ version: 1, type: 'heartbeat', cluster: 'c' }),
      },
      {
        what: 'a frame of another version',
        body: JSON.stringify({
          version: 2,
          type: 'response',
          correlationId: 'c',
          encoding: 'json',
          response: {},
        }),
      },
      {
        what: 'an unknown encoding',
        body: JSON.stringify({ version: 1, type: 'response', correlationId: 'c', encoding: 'br', data: '' }),
      },
    ])('calls $what invalid', ({ body }) => {
      expect(decodeInbound(body)).toEqual({ kind: 'invalid', reason: expect.any(String) });
    });
  });
});

import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MalformedResponseError } from './message-codec-errors.ts';
import { createResponseReassembler } from './message-codec-reassembly.ts';
import type { PartResponseFrame } from './message-codec-response.ts';

function parts(correlationId: string, payload: unknown, count: number): PartResponseFrame[] {
  const data = gzipSync(JSON.stringify(payload)).toString('base64');
  const size = Math.ceil(data.length / count);
  return Array.from({ length: count }, (_, part) => ({
    version: 1,
    type: 'response',
    correlationId,
    encoding: 'gzip-base64',
    part,
    parts: count,
    data: data.slice(part * size, (part + 1) * size),
  }));
}

describe('createResponseReassembler', () => {
  describe('when parts arrive out of order, some twice', () => {
    it('returns the payload once the last missing part is in, and keeps nothing after', async () => {
      const reassembler = createResponseReassembler(8);
      const [p0, p1, p2] = parts('c-1', { lines: ['a', 'b'] }, 3);
      expect(await reassembler.add(p2!)).toBeUndefined();
      // A redelivered part (SQS is at-least-once) must not complete the answer early.
      expect(await reassembler.add(p2!)).toBeUndefined();
      expect(await reassembler.add(p0!)).toBeUndefined();
      expect(reassembler.incomplete).toBe(1);
      expect(await reassembler.add(p1!)).toEqual({ lines: ['a', 'b'] });
      expect(reassembler.incomplete).toBe(0);
    });
  });

  describe('when two answers interleave', () => {
    it('keeps their parts apart by correlation id', async () => {
      const reassembler = createResponseReassembler(8);
      const [a0, a1] = parts('a', 'first', 2);
      const [b0, b1] = parts('b', 'second', 2);
      await reassembler.add(a0!);
      await reassembler.add(b1!);
      expect(await reassembler.add(b0!)).toBe('second');
      expect(await reassembler.add(a1!)).toBe('first');
    });
  });

  describe('when the parts cannot make an answer', () => {
    it.each([
      { what: 'more parts than allowed', frames: parts('c', 'x', 9).slice(0, 1) },
      { what: 'a part index past the count', frames: [{ ...parts('c', 'x', 2)[0]!, part: 2 }] },
      {
        what: 'parts that disagree on the count',
        frames: [parts('c', 'x', 2)[0]!, { ...parts('c', 'x', 3)[1]! }],
      },
      {
        what: 'data that is not gzip',
        frames: [{ ...parts('c', 'x', 1)[0]!, data: Buffer.from('plain text').toString('base64') }],
      },
    ])('rejects $what with MalformedResponseError', async ({ frames }) => {
      const reassembler = createResponseReassembler(8);
      const added = (async () => {
        for (const frame of frames) await reassembler.add(frame);
      })();
      await expect(added).rejects.toBeInstanceOf(MalformedResponseError);
      expect(reassembler.incomplete).toBe(0);
    });
  });
});

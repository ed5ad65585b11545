import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { MalformedResponseError } from './message-codec-errors.ts';
import type { PartResponseFrame, ResponseFrame } from './message-codec-response.ts';

const gunzipAsync = promisify(gunzip);

/** Guards against a gzip bomb: no real answer comes near this once decompressed. */
const MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

/** Puts response frames back together, one correlation id at a time. */
export interface ResponseReassembler {
  /**
   * Adds a frame. Resolves to the decoded response JSON once every part of its correlation id
   * is in, `undefined` while parts are missing. Rejects with MalformedResponseError.
   */
  add(frame: ResponseFrame): Promise<unknown>;
  /** Drops the parts kept for a correlation id (the caller gave up). */
  forget(correlationId: string): void;
  /** How many answers are partly received. */
  readonly incomplete: number;
}

/** @param maxParts the most parts one answer may have; larger counts are rejected outright. */
export function createResponseReassembler(maxParts: number): ResponseReassembler {
  const partial = new Map<string, { parts: number; data: Map<number, string> }>();

  return {
    async add(frame) {
      if (frame.encoding === 'json') return frame.response;
      const entry = collect(frame);
      if (entry.data.size < entry.parts) return undefined;
      partial.delete(frame.correlationId);
      const base64 = Array.from({ length: entry.parts }, (_, i) => entry.data.get(i)).join('');
      return decode(base64);
    },
    forget(correlationId) {
      partial.delete(correlationId);
    },
    get incomplete() {
      return partial.size;
    },
  };

  function collect(frame: PartResponseFrame) {
    if (frame.parts > maxParts || frame.part >= frame.parts) {
      partial.delete(frame.correlationId);
      throw new MalformedResponseError(`part ${frame.part} of ${frame.parts} is out of range`);
    }
    const entry = partial.get(frame.correlationId) ?? { parts: frame.parts, data: new Map<number, string>() };
    if (entry.parts !== frame.parts) {
      partial.delete(frame.correlationId);
      throw new MalformedResponseError(`parts disagree on their count (${entry.parts} vs ${frame.parts})`);
    }
    // A redelivered part carries the same slice: keeping the first copy is enough.
    if (!entry.data.has(frame.part)) entry.data.set(frame.part, frame.data);
    partial.set(frame.correlationId, entry);
    return entry;
  }
}

async function decode(base64: string): Promise<unknown> {
  let text: string;
  try {
    const bytes = await gunzipAsync(Buffer.from(base64, 'base64'), {
      maxOutputLength: MAX_DECOMPRESSED_BYTES,
    });
    text = bytes.toString('utf8');
  } catch (cause) {
    throw new MalformedResponseError('response parts do not gunzip', { cause });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new MalformedResponseError('reassembled response is not JSON', { cause });
  }
}

import type { Context } from 'hono';
import { type BodySource, payloadTooLarge } from './read-json-body.ts';

/** A Hono request as a BodySource. */
export function honoBody(c: Context): BodySource {
  const contentLength = c.req.header('content-length');
  return {
    contentType: c.req.header('content-type'),
    contentLength,
    // With a declared length the server's buffered read is safe (the length was checked) and
    // much faster than a web stream; a chunked body is streamed and cut off at the limit.
    bytes: async (limit) =>
      contentLength === undefined ? readLimited(c.req.raw, limit) : Buffer.from(await c.req.arrayBuffer()),
  };
}

async function readLimited(request: Request, limit: number): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw payloadTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

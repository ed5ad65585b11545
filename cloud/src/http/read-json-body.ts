import type { Context } from 'hono';
import { HttpError } from './http-error.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Content types a JSON body may come with. SNS posts JSON as text/plain, and some senders set
 * no content type at all; anything else (forms, multipart, XML) is refused with 415.
 */
function isJsonish(contentType: string | undefined): boolean {
  if (!contentType) return true;
  const mime = contentType.split(';')[0]!.trim().toLowerCase();
  return mime === 'application/json' || mime === 'text/plain' || mime.endsWith('+json') || mime === '';
}

/** Reads and parses a JSON body of at most 1 MiB. Returns the text too, for journaling. */
export async function readJsonBody(c: Context): Promise<{ value: unknown; text: string }> {
  const contentType = c.req.header('content-type');
  if (!isJsonish(contentType)) {
    throw new HttpError(
      415,
      'unsupported_media_type',
      `Content-Type "${contentType}" is not supported: send JSON.`,
    );
  }
  const declared = Number(c.req.header('content-length'));
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await readLimited(c.req.raw);
  if (text.trim() === '')
    throw new HttpError(400, 'invalid_json', 'The request body is empty: send a JSON document.');
  try {
    return { value: JSON.parse(text), text };
  } catch (error) {
    throw new HttpError(
      400,
      'invalid_json',
      `The request body is not valid JSON: ${(error as Error).message}`,
    );
  }
}

function tooLarge(): HttpError {
  return new HttpError(413, 'payload_too_large', `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
}

/** Reads the body, stopping as soon as it passes the limit (a chunked body has no length to check first). */
async function readLimited(request: Request): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

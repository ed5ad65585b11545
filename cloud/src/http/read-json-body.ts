import { HttpError } from './http-error.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Content types a JSON body may come with. SNS posts JSON as text/plain, and some senders set
 * no content type at all; anything else (forms, multipart, XML) is refused with 415.
 */
function isJsonish(contentType: string | undefined): boolean {
  if (!contentType || contentType === 'application/json') return true;
  const mime = contentType.split(';')[0]!.trim().toLowerCase();
  return mime === 'application/json' || mime === 'text/plain' || mime.endsWith('+json') || mime === '';
}

/** `\s` is exactly what `String#trim` removes: white space and line terminators. */
const NON_BLANK = /\S/;

/** Without UTF-8's byte-order mark (EF BB BF), when the body starts with one. */
function stripBom(bytes: Buffer): Buffer {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

export function payloadTooLarge(): HttpError {
  return new HttpError(413, 'payload_too_large', `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
}

/** What a JSON body is read from, whatever the server framework. */
export interface BodySource {
  contentType: string | undefined;
  contentLength: string | undefined;
  /** Reads the body; throws payloadTooLarge() once it passes `limit` bytes. */
  bytes(limit: number): Promise<Buffer>;
}

/**
 * Reads and parses a JSON body of at most 1 MiB. Returns its bytes too (without a byte-order
 * mark), for journaling. `allowEmpty`: for actions whose fields are all optional, an empty body
 * means `{}`.
 */
export async function readJsonBody(
  source: BodySource,
  options: { allowEmpty?: boolean } = {},
): Promise<{ value: unknown; bytes: Buffer }> {
  if (!isJsonish(source.contentType)) {
    throw new HttpError(
      415,
      'unsupported_media_type',
      `Content-Type "${source.contentType}" is not supported: send JSON.`,
    );
  }
  if (Number(source.contentLength) > MAX_BODY_BYTES) throw payloadTooLarge();
  // A leading byte-order mark is legal in JSON text sent by some tools; JSON.parse refuses it.
  const bytes = stripBom(await source.bytes(MAX_BODY_BYTES));
  const text = bytes.toString('utf8');
  // Looks for the first non-blank character, instead of copying the whole body to trim it.
  const blank = !NON_BLANK.test(text);
  if (blank && options.allowEmpty) return { value: {}, bytes };
  if (blank) throw new HttpError(400, 'invalid_json', 'The request body is empty: send a JSON document.');
  try {
    return { value: JSON.parse(text), bytes };
  } catch (error) {
    throw new HttpError(
      400,
      'invalid_json',
      `The request body is not valid JSON: ${(error as Error).message}`,
    );
  }
}

import type { IncomingMessage } from 'node:http';

/** Form fields Slack's Web API accepts as JSON-encoded strings; the fake hands tests their parsed value. */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'files', 'metadata', 'unfurls']);

export async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A Web API call's arguments as Slack reads them: `application/x-www-form-urlencoded` (what
 * `@slack/web-api` sends), JSON (what `fetch`-based callers send), or the query string.
 * JSON-encoded form fields (`blocks`, `view`…) are parsed, so tests read structures.
 */
export function parseSlackArgs(req: IncomingMessage, body: Buffer): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  const url = new URL(req.url ?? '/', 'http://fake');
  for (const [key, value] of url.searchParams) args[key] = value;
  const type = req.headers['content-type'] ?? '';
  const text = body.toString('utf8');
  if (type.includes('application/json') && text.trim() !== '') {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') Object.assign(args, parsed);
  } else if (text !== '') {
    for (const [key, value] of new URLSearchParams(text)) args[key] = decodeJsonField(key, value);
  }
  return args;
}

function decodeJsonField(key: string, value: string): unknown {
  if (!JSON_FIELDS.has(key)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The token of a call: the Authorization header (as web-api sends it) or a `token` argument. */
export function tokenOf(req: IncomingMessage, args: Record<string, unknown>): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length);
  return typeof args.token === 'string' ? args.token : undefined;
}

/** The file bytes of an upload: the `file` part of a multipart form, or the raw body. */
export async function uploadedBytes(req: IncomingMessage, body: Buffer): Promise<Buffer> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data')) return body;
  const form = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
  for (const value of form.values()) {
    if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  }
  const first = [...form.values()][0];
  return Buffer.from(typeof first === 'string' ? first : '');
}

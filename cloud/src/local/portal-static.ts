import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, normalize, sep } from 'node:path';
import { contentTypeOf } from '@opsworker/shared/node/content-type.ts';

/** The API, webhooks, health and metrics: never answered with the portal's index page. */
const BACKEND_PATH = /^\/(api|webhooks|slack|healthz|metrics)(\/|$)/;

// The portal talks only to this server; nothing inline, nothing from elsewhere.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Serves the web portal (the desktop app's renderer, built to `dir`) for GET and HEAD requests
 * outside the backend's paths: files as they are, and `index.html` for any other path so that
 * the app's own routes survive a reload. Returns false when the request is not the portal's.
 */
export function createPortalHandler(
  dir: string,
): (request: IncomingMessage, response: ServerResponse) => boolean {
  const root = normalize(dir);
  return (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const path = safePath(request.url ?? '/');
    if (path === undefined || BACKEND_PATH.test(path)) return false;
    const index = join(root, 'index.html');
    if (!existsSync(index)) return false;
    const candidate = normalize(join(root, path));
    const file = candidate.startsWith(root + sep) && isFile(candidate) ? candidate : index;
    const immutable = file !== index && path.startsWith('/assets/');
    response.writeHead(200, {
      'content-type': contentTypeOf(file),
      'content-length': statSync(file).size,
      // Built assets carry a content hash in their name; the index must always be fresh.
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
    return true;
  };
}

function safePath(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url, 'http://portal').pathname);
  } catch {
    return undefined;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

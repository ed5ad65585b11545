import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { contentTypeOf } from '@opsworker/shared/node/content-type.ts';
import { protocol } from 'electron';

/**
 * The renderer is served from `app://opsworker/…` rather than file://: a standard, secure
 * origin of its own, so `'self'` in the Content-Security-Policy means the bundle and nothing
 * else on disk, and client-side routes (`/investigations/<id>`) work with a history API router.
 */
export const appScheme = 'app';
const appHost = 'opsworker';
export const appOrigin = `${appScheme}://${appHost}`;

/** Must run before the app is ready (Electron's rule for privileged schemes). */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export interface RendererFilesOptions {
  rendererDir: string;
  /** Computed per response: the policy follows the server the user is connected to now. */
  contentSecurityPolicy: () => string;
}

export function serveRendererFiles(options: RendererFilesOptions): void {
  protocol.handle(appScheme, createRendererRequestHandler(options));
}

export function createRendererRequestHandler(options: RendererFilesOptions) {
  const root = resolve(options.rendererDir);
  return async (request: Request): Promise<Response> => {
    const headers = {
      'Content-Security-Policy': options.contentSecurityPolicy(),
      'X-Content-Type-Options': 'nosniff',
    };
    const url = new URL(request.url);
    // Custom schemes have an opaque `origin` in WHATWG URLs: compare scheme and host instead.
    if (request.method !== 'GET' || url.protocol !== `${appScheme}:` || url.host !== appHost) {
      return new Response('Not found', { status: 404, headers });
    }
    const file = await rendererFileFor(root, url.pathname);
    if (file === null) return new Response('Not found', { status: 404, headers });
    try {
      const body = await readFile(file);
      const contentType = contentTypeOf(file);
      return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': contentType } });
    } catch {
      return new Response(
        `The OpsWorker interface is not built (${file} is missing). Run: npm run -w desktop build:renderer`,
        { status: 503, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } },
      );
    }
  };
}

/**
 * The file for a request path, never outside the renderer folder. Paths without an extension
 * are client-side routes and get index.html (the same SPA fallback the local server does).
 */
async function rendererFileFor(root: string, pathname: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const candidate = resolve(root, `.${decoded}`);
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  if (await isFile(candidate)) return candidate;
  return extname(decoded) === '' ? resolve(root, 'index.html') : null;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { calls, protocol } from './test-support/fake-electron.ts';

vi.mock('electron', () => import('./test-support/fake-electron.ts'));

const { createRendererRequestHandler, registerAppSchemeAsPrivileged, serveRendererFiles } = await import(
  './renderer-protocol.ts'
);

let root: string;
let rendererDir: string;
let policy = 'the policy of the moment';
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'opsworker-renderer-'));
  rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>OpsWorker</title>');
  await writeFile(join(rendererDir, 'assets', 'index-abc.js'), 'console.log("app")');
  await writeFile(join(root, 'secret.txt'), 'outside the renderer folder');
  handler = createRendererRequestHandler({ rendererDir, contentSecurityPolicy: () => policy });
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe('the app:// protocol', () => {
  it('is registered as a standard, secure scheme and served by the handler', () => {
    registerAppSchemeAsPrivileged();
    expect(calls.privilegedSchemes).toContainEqual({
      scheme: 'app',
      privileges: expect.objectContaining({ standard: true, secure: true }),
    });
    serveRendererFiles({ rendererDir, contentSecurityPolicy: () => policy });
    expect(protocol.handlers.has('app')).toBe(true);
  });

  it('serves the page with the Content-Security-Policy of the moment', async () => {
    const first = await handler(new Request('app://opsworker/'));
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(first.headers.get('content-security-policy')).toBe('the policy of the moment');
    expect(await first.text()).toContain('<title>OpsWorker</title>');

    policy = 'a policy for another server';
    const second = await handler(new Request('app://opsworker/index.html'));
    expect(second.headers.get('content-security-policy')).toBe('a policy for another server');
  });

  it('serves bundled assets with their type', async () => {
    const response = await handler(new Request('app://opsworker/assets/index-abc.js'));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log("app")');
  });

  it('answers client-side routes with index.html and missing assets with 404', async () => {
    expect(await (await handler(new Request('app://opsworker/investigations/inv_1'))).text()).toContain(
      'OpsWorker',
    );
    expect((await handler(new Request('app://opsworker/assets/missing.js'))).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const url of [
      'app://opsworker/%2e%2e/secret.txt',
      'app://opsworker/..%2Fsecret.txt',
      'app://opsworker/../secret.txt',
    ]) {
      const response = await handler(new Request(url));
      expect(await response.text()).not.toContain('outside the renderer folder');
    }
  });

  it('refuses other hosts and methods', async () => {
    expect((await handler(new Request('app://elsewhere/index.html'))).status).toBe(404);
    expect(
      (await handler(new Request('app://opsworker/index.html', { method: 'POST', body: 'x' }))).status,
    ).toBe(404);
  });

  it('says how to build the interface when it is missing', async () => {
    const empty = createRendererRequestHandler({
      rendererDir: join(root, 'nothing'),
      contentSecurityPolicy: () => policy,
    });
    const response = await empty(new Request('app://opsworker/'));
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run -w desktop build:renderer');
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';

/** A raw GET, so paths like `/../x` reach the server as typed (fetch would normalize them). */
function rawGet(
  url: string,
  path: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: 'GET', path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the local server: the web portal at /, mounted front ends, the in-process token', () => {
  let portal: string;
  let server: TestServer;
  const slackHits: string[] = [];

  beforeAll(async () => {
    portal = mkdtempSync(join(tmpdir(), 'portal-'));
    mkdirSync(join(portal, 'assets'));
    writeFileSync(join(portal, 'index.html'), '<!doctype html><title>OpsWorker</title>');
    writeFileSync(join(portal, 'assets', 'app-1a2b.js'), 'console.log("portal")');
    server = await startTestServer({
      env: { OPSWORKER_PORTAL_DIR: portal },
      overrides: {
        mounts: [
          {
            prefix: '/slack',
            handler: (req, res) => {
              slackHits.push(`${req.method} ${req.url}`);
              res.writeHead(200, { 'content-type': 'text/plain' }).end('slack');
            },
          },
        ],
      },
    });
  });
  afterAll(async () => {
    await server.stop();
    rmSync(portal, { recursive: true, force: true });
  });

  it('serves the portal and its assets with a strict content security policy', async () => {
    const index = await fetch(`${server.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('<title>OpsWorker</title>');

    const asset = await fetch(`${server.url}/assets/app-1a2b.js`);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).toBe('console.log("portal")');
  });

  it("answers the app's own routes with index.html, so a reload keeps the page", async () => {
    const deep = await fetch(`${server.url}/investigations/inv_123`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<title>OpsWorker</title>');
  });

  it('never serves a file outside the portal folder', async () => {
    const escaped = await rawGet(server.url, '/../../../../etc/passwd');
    expect(escaped.body).not.toContain('root:');
    const encoded = await rawGet(server.url, '/%2e%2e/%2e%2e/%2e%2e/etc/passwd');
    expect(encoded.body).not.toContain('root:');
  });

  it('leaves the API, webhooks and health to the backend', async () => {
    const missing = await fetch(`${server.url}/api/nothing-here`, {
      headers: { authorization: `Bearer ${server.apiToken}` },
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
    expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ status: 'ok' });
  });

  it('hands mounted paths to their handler, and only those', async () => {
    expect(await (await fetch(`${server.url}/slack/events`, { method: 'POST', body: '{}' })).text()).toBe(
      'slack',
    );
    expect(slackHits).toEqual(['POST /slack/events']);
    expect(await (await fetch(`${server.url}/slackers`)).text()).toContain('<title>OpsWorker</title>');
  });

  it('accepts its in-process API token for the default organization, and not as a webhook token', async () => {
    const headers = { authorization: `Bearer ${server.internalApiToken}` };
    expect((await fetch(`${server.url}/api/investigations`, { headers })).status).toBe(200);
    const webhook = await fetch(`${server.url}/webhooks/generic`, { method: 'POST', headers, body: '{}' });
    expect(webhook.status).toBe(401);
  });
});

describe('the API from the desktop app (another origin)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('answers the preflight for the desktop origin only', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/investigations`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
    const desktop = await preflight('app://opsworker');
    expect(desktop.status).toBeLessThan(300);
    expect(desktop.headers.get('access-control-allow-origin')).toBe('app://opsworker');
    expect(desktop.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const stranger = await preflight('https://evil.example');
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('still needs the token on the actual request', async () => {
    const response = await fetch(`${server.url}/api/investigations`, {
      headers: { origin: 'app://opsworker' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe('app://opsworker');
  });
});

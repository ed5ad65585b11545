import { afterEach, describe, expect, it } from 'vitest';
import { type HealthServer, startHealthServer } from './health-server.ts';

describe('startHealthServer', () => {
  let server: HealthServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function statusOf(path: string): Promise<number> {
    const response = await fetch(`http://127.0.0.1:${server?.port}${path}`);
    await response.text();
    return response.status;
  }

  describe('when the agent has not polled its queue yet', () => {
    it('is live but not ready', async () => {
      server = await startHealthServer({ port: 0, host: '127.0.0.1' });
      expect(await statusOf('/healthz')).toBe(200);
      expect(await statusOf('/readyz')).toBe(503);
    });
  });

  describe('when readiness changes', () => {
    it.each([
      { marks: ['ready'], readyz: 200 },
      { marks: ['ready', 'not ready'], readyz: 503 },
    ])('answers /readyz $readyz after $marks', async ({ marks, readyz }) => {
      server = await startHealthServer({ port: 0, host: '127.0.0.1' });
      for (const mark of marks) (mark === 'ready' ? server.markReady : server.markNotReady)();
      expect(await statusOf('/readyz?verbose')).toBe(readyz);
      expect(await statusOf('/healthz')).toBe(200);
    });
  });

  describe('when asked for anything else', () => {
    it('answers 404', async () => {
      server = await startHealthServer({ port: 0, host: '127.0.0.1' });
      expect(await statusOf('/metrics')).toBe(404);
    });
  });

  describe('when the port is taken', () => {
    it('rejects instead of running without probes', async () => {
      server = await startHealthServer({ port: 0, host: '127.0.0.1' });
      await expect(startHealthServer({ port: server.port, host: '127.0.0.1' })).rejects.toMatchObject({
        code: 'EADDRINUSE',
      });
    });
  });
});

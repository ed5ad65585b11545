import { describe, expect, it } from 'vitest';
import { portalServerUrl } from './portal-server-url.ts';

const answer = (status: number, body: string) => async () => new Response(body, { status });

describe('portalServerUrl', () => {
  it('uses the apiUrl the cloud deployment wrote next to the portal', async () => {
    const url = await portalServerUrl(
      'https://portal.example',
      answer(200, '{"apiUrl":"https://api.example/"}') as typeof fetch,
    );
    expect(url).toBe('https://api.example');
  });

  it("falls back to the page's origin without the file, or with a bad one", async () => {
    for (const fetchImpl of [
      answer(404, 'not found'),
      answer(200, 'not json'),
      answer(200, '{"apiUrl":"javascript:alert(1)"}'),
      async () => {
        throw new TypeError('offline');
      },
    ]) {
      expect(await portalServerUrl('http://127.0.0.1:8080', fetchImpl as typeof fetch)).toBe(
        'http://127.0.0.1:8080',
      );
    }
  });
});

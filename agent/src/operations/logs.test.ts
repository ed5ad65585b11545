import { describe, expect, it } from 'vitest';
import { shopContext } from '../fixtures/operation-context.ts';
import { runLogs } from './logs.ts';

describe('runLogs', () => {
  describe('when no container is named', () => {
    it("reads the pod's first container, as kubectl does", async () => {
      const context = shopContext();
      const { result } = await runLogs(
        { op: 'logs', namespace: 'shop', pod: 'web-7d9f8c6b5-x2x4k' },
        context,
      );
      expect(result).toContain('connection refused');
      expect(context.reader.calls).toEqual([
        'get pods shop/web-7d9f8c6b5-x2x4k',
        'logs shop/web-7d9f8c6b5-x2x4k',
      ]);
    });

    it('prefers the default-container annotation', async () => {
      const context = shopContext({
        objects: [
          {
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: {
              name: 'multi',
              namespace: 'shop',
              annotations: { 'kubectl.kubernetes.io/default-container': 'app' },
            },
            spec: { containers: [{ name: 'istio-proxy' }, { name: 'app' }] },
          },
        ],
        logs: { 'shop/multi/app': 'from app\n', 'shop/multi/istio-proxy': 'from proxy\n' },
      });
      expect((await runLogs({ op: 'logs', namespace: 'shop', pod: 'multi' }, context)).result).toBe(
        'from app\n',
      );
    });
  });

  describe('when the previous container is asked for', () => {
    it('returns its log', async () => {
      const { result } = await runLogs(
        { op: 'logs', namespace: 'shop', pod: 'web-7d9f8c6b5-x2x4k', container: 'web', previous: true },
        shopContext(),
      );
      expect(result).toContain('09:50:01.900Z FATAL');
    });
  });

  describe('when the log is longer than the byte limit', () => {
    it('keeps the newest whole lines and reports the cut', async () => {
      const log = Array.from(
        { length: 300 },
        (_, i) => `${String(i).padStart(4, '0')} something happened`,
      ).join('\n');
      const context = shopContext({ logs: { 'shop/web-7d9f8c6b5-q8w7e/web': `${log}\n` } });
      const output = await runLogs(
        {
          op: 'logs',
          namespace: 'shop',
          pod: 'web-7d9f8c6b5-q8w7e',
          container: 'web',
          limitBytes: 1_000,
          tailLines: 300,
        },
        context,
      );
      const lines = (output.result as string).trimEnd().split('\n');
      expect(output.truncated).toBe(true);
      expect(lines.at(-1)).toBe('0299 something happened');
      expect(lines[0]).toMatch(/^\d{4} something happened$/);
    });

    it('asks for the default tail when no window is given', async () => {
      const log = Array.from({ length: 50 }, (_, i) => `l${i}`).join('\n');
      const context = shopContext(
        { logs: { 'shop/web-7d9f8c6b5-q8w7e/web': `${log}\n` } },
        { defaultTailLines: 10 },
      );
      const { result } = await runLogs(
        { op: 'logs', namespace: 'shop', pod: 'web-7d9f8c6b5-q8w7e', container: 'web' },
        context,
      );
      expect((result as string).trimEnd().split('\n')).toHaveLength(10);
    });
  });
});

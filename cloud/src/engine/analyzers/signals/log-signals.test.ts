import { describe, expect, it } from 'vitest';
import { errorLines, readLogSignal } from './log-signals.ts';

describe('readLogSignal', () => {
  describe('when the tail of a log says why it stopped', () => {
    it.each([
      [
        'config',
        'Error: Missing required environment variable: STRIPE_API_BASE\n    at requireEnv (/app/config.js:18)',
        'STRIPE_API_BASE',
      ],
      [
        'permission',
        "Traceback (most recent call last):\nPermissionError: [Errno 13] Permission denied: '/var/cache/app'",
        '/var/cache/app',
      ],
      [
        'dns',
        'dial tcp: lookup payments.svc.cluster.local on 172.20.0.10:53: no such host',
        'payments.svc.cluster.local',
      ],
      [
        'refused',
        'fatal: cache unavailable: connect ECONNREFUSED 172.20.217.69:6379\n    at TCPConnectWrap.afterConnect',
        undefined,
      ],
      ['timeout', 'ERROR sync failed: dial tcp 52.214.87.19:443: i/o timeout', undefined],
      [
        'disk_full',
        'PANIC:  could not write to file "pg_wal/xlogtemp.31": No space left on device',
        undefined,
      ],
      [
        'panic',
        'level=info msg=start\npanic: runtime error: invalid memory address or nil pointer dereference\ngoroutine 1 [running]:',
        undefined,
      ],
    ])('reads %s', (kind, text, subject) => {
      const signal = readLogSignal(text);
      expect(signal?.kind).toBe(kind);
      expect(signal?.subject).toBe(subject);
    });

    it('quotes the headline of a trace, not its last frame', () => {
      expect(readLogSignal('panic: boom\ngoroutine 1 [running]:\nmain.main()\n\t/src/main.go:63')?.line).toBe(
        'panic: boom',
      );
    });

    it('collects the cluster names and addresses the tail mentions', () => {
      const signal = readLogSignal(
        'connecting to cache.shop.svc.cluster.local:6379\nconnect ECONNREFUSED 172.20.0.9:6379',
      );
      expect(signal).toMatchObject({
        hosts: ['cache.shop.svc.cluster.local'],
        addresses: ['172.20.0.9:6379'],
      });
    });
  });

  describe('when the log is ordinary', () => {
    it('reads nothing', () => {
      expect(
        readLogSignal('listening on :8080\nGET /healthz 200\nloaded config: region=eu-west-1'),
      ).toBeUndefined();
    });
  });
});

describe('errorLines', () => {
  it('keeps the last error-looking lines, oldest first', () => {
    expect(
      errorLines('ok\nERROR: relation "pages" already exists\nmigration failed; left at 2024\nbye'),
    ).toEqual(['ERROR: relation "pages" already exists', 'migration failed; left at 2024']);
  });
});

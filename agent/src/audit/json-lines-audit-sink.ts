import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { AuditSink } from './audit-sink.ts';

/**
 * Writes one JSON object per line to a stream. A failing stream (disk full, closed pipe) is
 * reported once to `onError` and then ignored: losing audit lines must not stop investigations.
 */
export function createJsonLinesAuditSink(
  stream: Writable,
  onError: (error: Error) => void = () => {},
): AuditSink {
  let failed = false;
  stream.on('error', (error) => {
    if (!failed) onError(error);
    failed = true;
  });
  return {
    write(entry) {
      if (!failed) stream.write(`${JSON.stringify(entry)}\n`);
    },
  };
}

/** Appends JSON lines to a file (created if missing). */
export function createFileAuditSink(path: string, onError?: (error: Error) => void): AuditSink {
  return createJsonLinesAuditSink(createWriteStream(path, { flags: 'a' }), onError);
}

/** JSON lines on stderr: the container runtime keeps them with the pod's logs. */
export function createStderrAuditSink(): AuditSink {
  return createJsonLinesAuditSink(process.stderr);
}

/**
 * The sink an `OPSWORKER_AGENT_AUDIT_LOG`-style setting names: a file path, or `-`/`stderr`
 * (also the default) for JSON lines on stderr.
 */
export function auditSinkFor(target: string | undefined, onError?: (error: Error) => void): AuditSink {
  if (target === undefined || target === '-' || target === 'stderr') return createStderrAuditSink();
  return createFileAuditSink(target, onError);
}

import type { AuditEntry, AuditSink } from './audit-sink.ts';

/** Keeps entries in an array, for tests and for showing recent activity. */
export type MemoryAuditSink = AuditSink & { readonly entries: AuditEntry[] };

export function createMemoryAuditSink(): MemoryAuditSink {
  const entries: AuditEntry[] = [];
  return { entries, write: (entry) => void entries.push(entry) };
}

/** A sink that drops everything, for one-shot CLI use where no audit log was asked for. */
export const discardAuditSink: AuditSink = { write: () => undefined };

import type { Report } from '@opsworker/shared';
import type { Finding } from '../analyzers/finding.ts';
import type { CollectionStats } from '../collect/evidence-session.ts';
import type { EvidenceRecord } from '../evidence/evidence-bundle.ts';
import { describeOutcome, type InvestigationOutcome } from './outcome.ts';

const LISTED_TITLES = 4;

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `Read 3 pieces of evidence: Deployment shop/checkout, Pods in shop (app=checkout), …` */
export function evidenceMessage(records: readonly EvidenceRecord[]): string {
  const titles = records.slice(0, LISTED_TITLES).map((r) => (r.ok ? r.title : `${r.title} (${r.error})`));
  const more = records.length > LISTED_TITLES ? `, and ${records.length - LISTED_TITLES} more` : '';
  return `Read ${plural(records.length, 'piece', 'pieces')} of evidence: ${titles.join(', ')}${more}`;
}

/** What an `evidence` timeline event carries: enough to list the records and fetch their blobs. */
export function evidenceData(records: readonly EvidenceRecord[]): Record<string, unknown> {
  return {
    evidence: records.map((r) => ({
      id: r.id,
      title: r.title,
      ok: r.ok,
      ...(r.error ? { error: r.error } : {}),
      truncated: r.truncated,
      bytes: r.bytes,
    })),
  };
}

/** `Collected 12 pieces of evidence in 180 ms (2 not available, 1 not read: budget)` */
export function collectedMessage(stats: CollectionStats, records: readonly EvidenceRecord[]): string {
  const failed = stats.failed ? `${stats.failed} not available` : '';
  const skipped = stats.skipped ? `${stats.skipped} not read within the budget` : '';
  const notes = [failed, skipped].filter(Boolean).join(', ');
  return `Collected ${plural(records.length, 'piece', 'pieces')} of evidence in ${stats.durationMs} ms${notes ? ` (${notes})` : ''}`;
}

export function findingData(finding: Finding): Record<string, unknown> {
  return {
    analyzer: finding.analyzer,
    category: finding.category,
    confidence: finding.confidence,
    resource: finding.resource,
    evidenceIds: [...new Set(finding.evidence.map((e) => e.evidenceId))],
  };
}

/** `Root cause (high confidence): …` or `No problem found (medium confidence): …` */
export function reportMessage(report: Report): string {
  const what = report.rootCause.category === 'no_problem_found' ? 'No problem found' : 'Root cause';
  return `${what} (${report.confidence} confidence): ${report.rootCause.statement}`;
}

export function reportData(report: Report, source: 'deterministic' | 'llm'): Record<string, unknown> {
  return {
    source,
    category: report.rootCause.category,
    confidence: report.confidence,
    ...(report.rootCause.resource ? { resource: report.rootCause.resource } : {}),
    summary: report.summary,
  };
}

/** `Completed in 0.4 s: root cause found` */
export function completedMessage(outcome: InvestigationOutcome, durationMs: number): string {
  return `Completed in ${(durationMs / 1000).toFixed(1)} s: ${describeOutcome(outcome)}`;
}

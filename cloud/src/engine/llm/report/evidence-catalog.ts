import type { EnrichContext } from '../../worker/enrich.ts';
import { type OperationResult, renderResult } from '../tools/operation-runner.ts';

/** Something a model may cite: its title, the text an excerpt must come from, and a default excerpt. */
export interface CatalogEntry {
  id: string;
  title: string;
  source: string;
  excerpt: string;
}

/** Cap on what one entry keeps for checking quotes; about what a model saw of it. */
const MAX_SOURCE_CHARS = 20_000;
const EXCERPT_LINES = 6;

function defaultExcerpt(text: string, fromEnd: boolean): string {
  const lines = text.trimEnd().split('\n');
  return (fromEnd ? lines.slice(-EXCERPT_LINES) : lines.slice(0, EXCERPT_LINES)).join('\n');
}

/**
 * Every piece of evidence the reporter may cite, by id: the deterministic report's and
 * findings' excerpts, the collected logs, and what the investigator read (`op-N`). A report
 * can only point at things that were really collected.
 */
export function evidenceCatalog(
  context: EnrichContext,
  reads: readonly OperationResult[],
  now = Date.now(),
): Map<string, CatalogEntry> {
  const catalog = new Map<string, CatalogEntry>();
  const titles = new Map(context.bundle.evidence.map((e) => [e.id, e.title]));
  const add = (id: string, title: string, text: string, fromEnd = false) => {
    const existing = catalog.get(id);
    const source = `${existing?.source ?? ''}\n${text}`.slice(-MAX_SOURCE_CHARS);
    catalog.set(id, { id, title, source, excerpt: existing?.excerpt ?? defaultExcerpt(text, fromEnd) });
  };
  for (const e of context.report.evidence) add(e.id, e.title, e.excerpt);
  for (const finding of context.findings) {
    for (const e of finding.evidence) add(e.evidenceId, titles.get(e.evidenceId) ?? e.evidenceId, e.excerpt);
  }
  for (const log of context.bundle.logs) {
    add(log.evidenceId, titles.get(log.evidenceId) ?? `Logs of ${log.pod}/${log.container}`, log.text, true);
  }
  for (const read of reads) {
    if (!read.response.ok) continue;
    const fromEnd = read.operation.op === 'logs' || read.operation.op === 'events';
    add(read.id, read.command, renderResult(read, now), fromEnd);
  }
  return catalog;
}

import { redactValue } from '@opsworker/agent/redaction/redact-value.ts';
import type { Confidence, EvidenceRef, Report } from '@opsworker/shared';
import type { CatalogEntry } from './evidence-catalog.ts';
import type { ReporterOutput } from './reporter-output.ts';

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** True when every quoted line (ellipses aside) appears in the source. */
function quotes(excerpt: string, source: string): boolean {
  const haystack = normalize(source);
  const parts = excerpt
    .split(/\n|\.\.\.|…/)
    .map(normalize)
    .filter((part) => part.length > 0);
  return parts.length > 0 && parts.every((part) => haystack.includes(part));
}

const LOWER: Record<Confidence, Confidence> = { high: 'medium', medium: 'medium', low: 'low' };

/**
 * The reporter's output as the shared Report. Evidence must exist: unknown ids are dropped,
 * titles come from the catalog, and an excerpt the model did not quote exactly is replaced by
 * the evidence's own lines. A report left with no real evidence keeps the deterministic
 * evidence and cannot claim high confidence.
 */
export function toReport(
  output: ReporterOutput,
  catalog: ReadonlyMap<string, CatalogEntry>,
  deterministic: Report,
): Report {
  const evidence: EvidenceRef[] = [];
  for (const cited of output.evidence) {
    const entry = catalog.get(cited.id);
    if (!entry || evidence.some((e) => e.id === entry.id)) continue;
    const excerpt = cited.excerpt && quotes(cited.excerpt, entry.source) ? cited.excerpt : entry.excerpt;
    evidence.push({ id: entry.id, title: entry.title, excerpt });
  }
  const grounded = evidence.length > 0;
  // The model saw only redacted text; this guards against it echoing anything that slipped by.
  return redactValue({
    summary: output.summary,
    rootCause: {
      category: output.rootCause.category,
      statement: output.rootCause.statement,
      ...(output.rootCause.resource ? { resource: output.rootCause.resource } : {}),
    },
    confidence: grounded ? output.confidence : LOWER[output.confidence],
    evidence: grounded ? evidence : deterministic.evidence,
    nextSteps: output.nextSteps,
    contributingFactors: output.contributingFactors,
    ...(output.impact ? { impact: output.impact } : {}),
    links: deterministic.links,
  });
}

import type { EvidenceRef, NextStep, Report } from '@opsworker/shared';
import type { Finding } from '../analyzers/finding.ts';
import type { Correlation } from '../correlate/correlate.ts';
import type { EvidenceBundle } from '../evidence/evidence-bundle.ts';
import { bounded } from './sentence.ts';
import { summarize } from './summary.ts';

export interface ReportOptions {
  /** From the alert (runbook, dashboard, source): shown as they are. */
  links: Array<{ title: string; url: string }>;
}

const MAX_EVIDENCE = 8;
const MAX_EXCERPT = 300;
const MAX_STEPS = 8;
const MAX_FACTORS = 5;

function evidenceRefs(findings: Finding[], bundle: EvidenceBundle): EvidenceRef[] {
  const titles = new Map(bundle.evidence.map((record) => [record.id, record.title]));
  const seen = new Set<string>();
  const refs: EvidenceRef[] = [];
  for (const item of findings.flatMap((f) => f.evidence)) {
    // The same event quoted with and without its count is one piece of evidence.
    const key = `${item.evidenceId}\n${item.excerpt.replace(/ \(x\d+\)$/, '')}`;
    if (seen.has(key) || refs.length >= MAX_EVIDENCE) continue;
    seen.add(key);
    refs.push({
      id: item.evidenceId,
      title: titles.get(item.evidenceId) ?? item.evidenceId,
      excerpt: bounded(item.excerpt, MAX_EXCERPT),
    });
  }
  return refs;
}

/** Steps of the root cause first; the same command twice is one step. */
function nextSteps(findings: Finding[]): NextStep[] {
  const seen = new Set<string>();
  const steps: NextStep[] = [];
  for (const step of findings.flatMap((f) => f.nextSteps)) {
    const key = step.command ?? step.description;
    if (seen.has(key) || steps.length >= MAX_STEPS) continue;
    seen.add(key);
    steps.push(step);
  }
  return steps;
}

/**
 * The deterministic report: the answer first (summary, root cause, confidence), then the
 * evidence with its ids, the commands to run, what else contributed, the impact and the
 * alert's own links.
 */
export function buildReport(
  correlation: Correlation,
  bundle: EvidenceBundle,
  options: ReportOptions,
): Report {
  const { rootCause, contributing } = correlation;
  const all = [rootCause, ...contributing];
  const impact = rootCause.impact ?? contributing.find((f) => f.impact)?.impact;
  return {
    summary: summarize(rootCause, rootCause.confidence, bundle),
    rootCause: { category: rootCause.category, statement: rootCause.statement, resource: rootCause.resource },
    confidence: rootCause.confidence,
    evidence: evidenceRefs(all, bundle),
    nextSteps: nextSteps(all),
    contributingFactors: contributing.slice(0, MAX_FACTORS).map((f) => bounded(f.statement, 400)),
    ...(impact ? { impact } : {}),
    links: options.links,
  };
}

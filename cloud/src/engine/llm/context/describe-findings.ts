import type { Finding } from '../../analyzers/finding.ts';

/** Excerpts are evidence, not essays: a model needs the telling line, not the whole log. */
const MAX_EXCERPT_CHARS = 400;

const clip = (text: string) =>
  text.length > MAX_EXCERPT_CHARS ? `${text.slice(0, MAX_EXCERPT_CHARS)}…` : text;

/** Findings as compact numbered text for a model: conclusion, facts and the evidence behind them. */
export function describeFindings(findings: readonly Finding[]): string {
  return findings
    .map((f, i) => {
      const lines = [
        `${i + 1}. [${f.confidence}] ${f.category}: ${f.resource}${f.namespace ? ` (namespace ${f.namespace})` : ''}, by ${f.analyzer}`,
        `   ${f.statement}`,
      ];
      if (f.facts.length) lines.push(`   Facts: ${f.facts.join('; ')}`);
      if (f.causedBy) lines.push(`   Caused by: ${f.causedBy}`);
      if (f.affects?.length) lines.push(`   Affects: ${f.affects.join(', ')}`);
      if (f.impact) lines.push(`   Impact: ${f.impact}`);
      for (const e of f.evidence) lines.push(`   Evidence ${e.evidenceId}: ${clip(e.excerpt)}`);
      return lines.join('\n');
    })
    .join('\n');
}

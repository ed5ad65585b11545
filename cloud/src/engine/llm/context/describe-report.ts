import type { Report } from '@opsworker/shared';

/** A report as text for a model: what the deterministic engine (or an earlier stage) concluded. */
export function describeReport(report: Report): string {
  const lines = [
    `Summary: ${report.summary}`,
    `Root cause (${report.rootCause.category}, confidence ${report.confidence}): ${report.rootCause.statement}`,
  ];
  if (report.rootCause.resource) lines.push(`Resource: ${report.rootCause.resource}`);
  if (report.impact) lines.push(`Impact: ${report.impact}`);
  if (report.contributingFactors.length)
    lines.push(`Contributing factors: ${report.contributingFactors.join('; ')}`);
  for (const e of report.evidence) lines.push(`Evidence ${e.id} (${e.title}): ${e.excerpt}`);
  report.nextSteps.forEach((step, i) => {
    lines.push(`Next step ${i + 1}: ${step.description}${step.command ? ` — \`${step.command}\`` : ''}`);
  });
  return lines.join('\n');
}

import type { Investigation } from '@opsworker/shared';
import type { Answer, IntentAnswer } from './answer.ts';

/** What to say when a question needs the report and there is none yet. */
export function pendingReport(investigation: Investigation): Omit<Answer, 'answeredBy'> {
  const why =
    investigation.status === 'failed'
      ? `The investigation failed${investigation.error ? `: ${investigation.error}` : ''}.`
      : `The investigation is ${investigation.status}; the report is not written yet. Ask again in a moment.`;
  return { text: why, evidenceIds: [] };
}

/** "what happened?", "status", "root cause?": the report in a few lines. */
export const statusAnswer: IntentAnswer = async ({ investigation }) => {
  const report = investigation.report;
  if (!report) return pendingReport(investigation);
  const lines = [
    `**${investigation.title}**: ${investigation.status}${investigation.outcome ? ` (${investigation.outcome.replaceAll('_', ' ')})` : ''}${investigation.resolvedAt ? ', alerts resolved' : ''}.`,
    '',
    report.summary,
    '',
    `**Root cause** (\`${report.rootCause.category}\`, ${report.confidence} confidence): ${report.rootCause.statement}${report.rootCause.resource ? ` — \`${report.rootCause.resource}\`` : ''}`,
  ];
  if (report.impact) lines.push(`**Impact:** ${report.impact}`);
  if (report.contributingFactors.length)
    lines.push(`**Contributing:** ${report.contributingFactors.join('; ')}`);
  lines.push('', 'Ask "how do I fix it?" for the next steps or "show me the evidence".');
  return { text: lines.join('\n'), evidenceIds: report.evidence.map((e) => e.id) };
};

import { codeBlock } from '../markdown.ts';
import type { IntentAnswer } from './answer.ts';
import { pendingReport } from './status-answer.ts';

/** "show me the evidence": each piece of the report's evidence with its excerpt. */
export const evidenceAnswer: IntentAnswer = async ({ investigation }) => {
  const report = investigation.report;
  if (!report) return pendingReport(investigation);
  if (report.evidence.length === 0) return { text: 'The report cites no evidence.', evidenceIds: [] };
  const pieces = report.evidence.map(
    (e) => `**${e.title}** (\`${e.id}\`)\n\n${codeBlock(e.excerpt, { maxLines: 12, keep: 'head' })}`,
  );
  return {
    text: `**Evidence for:** ${report.rootCause.statement}\n\n${pieces.join('\n\n')}`,
    evidenceIds: report.evidence.map((e) => e.id),
  };
};

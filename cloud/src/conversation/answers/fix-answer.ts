import { commandBlock } from '../markdown.ts';
import type { IntentAnswer } from './answer.ts';
import { pendingReport } from './status-answer.ts';

/** "how do I fix it?": the report's next steps, in order, commands to copy. */
export const fixAnswer: IntentAnswer = async ({ investigation }) => {
  const report = investigation.report;
  if (!report) return pendingReport(investigation);
  if (report.nextSteps.length === 0) {
    return {
      text: `The report has no next steps. Its conclusion: ${report.rootCause.statement}`,
      evidenceIds: [],
    };
  }
  const steps = report.nextSteps.map(
    (step, i) => `${i + 1}. ${step.description}${step.command ? `\n\n${commandBlock(step.command)}` : ''}`,
  );
  return {
    text: `**Next steps** for ${report.rootCause.statement.replace(/\.$/, '')}:\n\n${steps.join('\n\n')}\n\n_OpsWorker never runs these: review them, then run them yourself._`,
    evidenceIds: report.evidence.map((e) => e.id),
  };
};

import type { Investigation, Report } from '@opsworker/shared';
import type { KnownBlock } from './block-types.ts';
import { escapeMrkdwn } from './investigation-links.ts';
import { type SeeAll, SLACK_LIMITS, section, truncateText } from './limits.ts';

/** Evidence lines shown in Slack; the rest is one click away. */
export const EVIDENCE_SHOWN = 4;
const EXCERPT_CHARS = 300;

/** A command in a code block: copyable as is (backticks inside would break the fence). */
export function codeBlock(command: string): string {
  return `\`\`\`${command.replace(/```/g, "'''")}\`\`\``;
}

/** Root cause with its confidence: the answer first, in plain words. */
export function rootCauseBlock(
  report: Report,
  outcome: Investigation['outcome'],
  seeAll: SeeAll,
): KnownBlock {
  const label =
    outcome === 'no_problem_found'
      ? '*No problem found in the cluster*'
      : outcome === 'inconclusive'
        ? `*Inconclusive* (${report.confidence} confidence)`
        : `*Root cause* (${report.confidence} confidence)`;
  const impact = report.impact ? `\n*Impact:* ${escapeMrkdwn(report.impact)}` : '';
  return section(`${label}: ${escapeMrkdwn(report.rootCause.statement)}${impact}`, seeAll);
}

/** Evidence excerpts, each cut short, with a count of what is not shown. */
export function evidenceBlock(report: Report, seeAll: SeeAll): KnownBlock | undefined {
  if (report.evidence.length === 0) return undefined;
  const shown = report.evidence.slice(0, EVIDENCE_SHOWN).map((evidence) => {
    const excerpt = truncateText(evidence.excerpt.trim().replace(/`/g, "'"), EXCERPT_CHARS);
    const oneLine = excerpt.includes('\n') ? `\n${codeBlock(excerpt)}` : ` \`${excerpt}\``;
    return `• ${escapeMrkdwn(evidence.title)}:${oneLine}`;
  });
  const more =
    report.evidence.length > EVIDENCE_SHOWN
      ? `\n_${report.evidence.length - EVIDENCE_SHOWN} more in ${seeAll.link}._`
      : '';
  return section(`*Evidence*\n${shown.join('\n')}${more}`, seeAll);
}

/** Next steps: commands in code blocks, marked as for a human to run. */
export function nextStepsBlocks(report: Report, seeAll: SeeAll): KnownBlock[] {
  if (report.nextSteps.length === 0) return [];
  const lines = report.nextSteps.map((step) =>
    step.command
      ? `• ${escapeMrkdwn(step.description)}\n${codeBlock(step.command)}`
      : `• ${escapeMrkdwn(step.description)}`,
  );
  // One section per few steps keeps each under the section limit without cutting a command.
  const blocks: KnownBlock[] = [];
  let current = '*Next steps* (for you to run; OpsWorker never changes the cluster)';
  for (const line of lines) {
    if (current.length + line.length + 1 > SLACK_LIMITS.sectionText) {
      blocks.push(section(current, seeAll));
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  blocks.push(section(current, seeAll));
  return blocks.slice(0, 5);
}

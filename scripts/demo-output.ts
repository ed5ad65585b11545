import type { Investigation } from '@opsworker/shared';

const CONFIDENCE_DOT = { high: '🔴', medium: '🟠', low: '🟡' } as const;

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : `${indent}${l}`)).join('\n');
}

/**
 * How the demo prints a finished investigation: what broke, why and how sure, the first thing
 * to do, and how long it took — the three questions every OpsWorker surface answers first.
 */
export function describeInvestigation(investigation: Investigation): string {
  const seconds =
    investigation.completedAt && investigation.createdAt
      ? ((Date.parse(investigation.completedAt) - Date.parse(investigation.createdAt)) / 1000).toFixed(2)
      : '?';
  const where = [investigation.scope.cluster, investigation.scope.namespace].filter(Boolean).join(' · ');
  if (investigation.status === 'failed')
    return `✖ ${investigation.title} [${where}]\n  Failed: ${investigation.error ?? 'unknown error'}\n`;
  const report = investigation.report;
  if (!report) return `… ${investigation.title} [${where}]: no report\n`;
  const healthy = report.rootCause.category === 'no_problem_found';
  const dot = healthy ? '🟢' : CONFIDENCE_DOT[report.confidence];
  const step = report.nextSteps[0];
  const lines = [
    `${dot} ${investigation.title} — ${report.rootCause.resource ?? 'cluster'} [${where}]`,
    `  ${healthy ? 'Finding' : 'Root cause'} (${report.confidence} confidence, ${report.rootCause.category}):`,
    `    ${wrap(report.rootCause.statement, 100, '    ')}`,
    ...(step ? [`  Next step: ${step.description}`, ...(step.command ? [`    $ ${step.command}`] : [])] : []),
    `  Investigated in ${seconds} s; ${report.evidence.length === 1 ? '1 piece' : `${report.evidence.length} pieces`} of evidence cited.`,
  ];
  return `${lines.join('\n')}\n`;
}

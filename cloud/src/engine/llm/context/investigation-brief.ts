import { redactText } from '@opsworker/agent/redaction/redact-text.ts';
import { redactValue } from '@opsworker/agent/redaction/redact-value.ts';
import type { Alert } from '@opsworker/shared';
import type { EnrichContext } from '../../worker/enrich.ts';
import { describeFindings } from './describe-findings.ts';
import { describeReport } from './describe-report.ts';

function describeAlert(alert: Alert): string {
  // Labels and annotations come from monitoring systems and people: redact them like logs.
  const safe = redactValue({
    title: alert.title,
    description: alert.description,
    labels: alert.labels,
    annotations: alert.annotations,
  });
  return [
    `Alert "${safe.title}" (${alert.source}, ${alert.severity}, ${alert.status}, since ${alert.startsAt})`,
    safe.description ? `  ${safe.description}` : '',
    `  Labels: ${Object.entries(safe.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}`,
    Object.keys(safe.annotations).length
      ? `  Annotations: ${Object.entries(safe.annotations)
          .map(([k, v]) => `${k}: ${v}`)
          .join('; ')}`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * The investigation as text for a model: scope, alerts, what was collected, the deterministic
 * findings and report. Everything passes redaction once more on the way out: alert text and
 * user questions never went through the agent.
 */
export function investigationBrief(context: EnrichContext): string {
  const { investigation, bundle, findings, report } = context;
  const scope = investigation.scope;
  const target = bundle.target
    ? `${bundle.target.kind}/${bundle.target.name}${bundle.target.namespace ? ` in namespace ${bundle.target.namespace}` : ''}`
    : 'not settled';
  const sections = [
    `# Investigation ${investigation.id}: ${investigation.title}`,
    `Severity ${investigation.severity}. Cluster ${scope.cluster ?? 'unknown'}, namespace ${scope.namespace ?? 'unknown'}, object ${scope.kind ?? '?'}/${scope.name ?? '?'}. Target: ${target}. Evidence collected at ${bundle.collectedAt}.`,
    investigation.question ? `Question from the user: ${investigation.question}` : '',
    context.alerts?.length ? `## Alerts\n${context.alerts.map(describeAlert).join('\n')}` : '',
    `## Evidence collected\n${bundle.evidence.map((e) => `${e.id}: ${e.title}${e.ok ? '' : ` (failed: ${e.error ?? 'unknown'})`}`).join('\n') || 'none'}`,
    `## Deterministic findings\n${findings.length ? describeFindings(findings) : 'none'}`,
    `## Deterministic report\n${describeReport(report)}`,
  ];
  return redactText(sections.filter(Boolean).join('\n\n'));
}

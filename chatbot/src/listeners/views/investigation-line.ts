import type { Investigation, Severity } from '@opsworker/shared';

const SEVERITY_MARK: Record<Severity, string> = { critical: '🔴', error: '🟠', warning: '🟡', info: '🔵' };
const STATUS_WORD: Record<Investigation['status'], string> = {
  queued: 'queued',
  running: 'investigating…',
  completed: 'done',
  failed: 'failed',
};

/** `deployments/checkout in shop`: what an investigation is about, as people say it. */
export function describeTarget(target: { kind?: string; name?: string; namespace?: string }): string {
  const object =
    target.kind && target.name ? `${target.kind}/${target.name}` : (target.name ?? 'the cluster');
  return target.namespace ? `\`${object}\` in \`${target.namespace}\`` : `\`${object}\``;
}

export function portalLink(portalUrl: string, investigationId: string): string {
  return `${portalUrl.replace(/\/+$/, '')}/investigations/${encodeURIComponent(investigationId)}`;
}

/** Slack escapes: a title with `<`, `>` or `&` must not turn into markup. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One line per investigation (status, App Home): severity, linked title, target, state, age. */
export function investigationLine(investigation: Investigation, portalUrl: string, now = Date.now()): string {
  const title = escapeMrkdwn(investigation.title.slice(0, 150));
  const state = investigation.resolvedAt ? 'resolved' : STATUS_WORD[investigation.status];
  const cause =
    investigation.status === 'completed' && investigation.report
      ? ` — ${escapeMrkdwn(investigation.report.rootCause.statement.slice(0, 120))}`
      : '';
  return `${SEVERITY_MARK[investigation.severity]} <${portalLink(portalUrl, investigation.id)}|${title}> · ${describeTarget(investigation.scope)} · ${state} · ${age(investigation.createdAt, now)}${cause}`;
}

function age(iso: string, now: number): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} d ago`;
}

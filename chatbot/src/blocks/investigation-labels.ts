import type { Investigation, Severity } from '@opsworker/shared';

const SEVERITY_EMOJI: Record<Severity, string> = {
  critical: ':red_circle:',
  error: ':red_circle:',
  warning: ':large_orange_circle:',
  info: ':large_blue_circle:',
};

/** The state an investigation's message shows, in the order a reader cares about. */
export type MessageState =
  | 'investigating'
  | 'root_cause'
  | 'healthy'
  | 'inconclusive'
  | 'failed'
  | 'resolved';

export function messageState(investigation: Investigation): MessageState {
  if (investigation.resolvedAt) return 'resolved';
  if (investigation.status === 'failed') return 'failed';
  if (investigation.status !== 'completed') return 'investigating';
  if (investigation.outcome === 'no_problem_found') return 'healthy';
  if (investigation.outcome === 'inconclusive') return 'inconclusive';
  return 'root_cause';
}

/** The emoji that leads the message: what state the incident is in at a glance. */
export function stateEmoji(investigation: Investigation): string {
  switch (messageState(investigation)) {
    case 'resolved':
      return ':white_check_mark:';
    case 'failed':
      return ':warning:';
    case 'healthy':
      return ':large_green_circle:';
    case 'investigating':
      return ':mag:';
    default:
      return SEVERITY_EMOJI[investigation.severity];
  }
}

/** `deployment/checkout`, or what little the scope names. */
export function resourceLabel(investigation: Investigation): string {
  const { kind, name } = investigation.scope;
  if (kind && name) return `${singular(kind)}/${name}`;
  return name ?? kind ?? 'unknown resource';
}

/** `deployments` → `deployment`, `ingresses` → `ingress`, `storageclasses` → `storageclass`. */
function singular(kind: string): string {
  return kind
    .replace(/sses$/, 'ss')
    .replace(/ies$/, 'y')
    .replace(/([^s])s$/, '$1');
}

/** `prod-eu-1 · payments`: where it is. */
export function whereLabel(investigation: Investigation): string {
  const { cluster, namespace } = investigation.scope;
  return [cluster, namespace].filter(Boolean).join(' · ') || 'cluster-wide';
}

/** `14:05 UTC` for today-ish times, which is what on-call engineers read. */
export function timeLabel(iso: string): string {
  const date = new Date(iso);
  return `${date.toISOString().slice(11, 16)} UTC`;
}

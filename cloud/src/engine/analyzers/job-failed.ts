import type { Condition, KubeObject } from '@opsworker/agent/kube/kube-types.ts';
import type { NextStep } from '@opsworker/shared';
import type { CollectedObject } from '../evidence/evidence-bundle.ts';
import { ago, formatAge } from './bundle/age.ts';
import type { BundleIndex } from './bundle/bundle-index.ts';
import { indexBundle } from './bundle/bundle-index.ts';
import { containersOf, failureLog } from './bundle/pod-containers.ts';
import { podsOf, resourceRef } from './bundle/workload-ref.ts';
import type { Analyzer, Finding, FindingEvidence } from './finding.ts';
import { check, describe, fix, logs } from './kubectl.ts';
import { errorLines, readLogSignal, tailLines } from './signals/log-signals.ts';

type Job = KubeObject & {
  spec?: { backoffLimit?: number; activeDeadlineSeconds?: number };
  status?: {
    conditions?: Condition[];
    failed?: number;
    succeeded?: number;
    completionTime?: string;
    startTime?: string;
  };
};

const CATEGORY: Record<string, string> = {
  BackoffLimitExceeded: 'job_backoff_limit',
  DeadlineExceeded: 'job_deadline_exceeded',
};

function failedCondition(job: Job): Condition | undefined {
  return job.status?.conditions?.find((c) => c.type === 'Failed' && c.status === 'True');
}

function cronJobOf(job: Job): string | undefined {
  return job.metadata?.ownerReferences?.find((o) => o.kind === 'CronJob')?.name;
}

/** A later run of the same CronJob that completed makes an older failure history. */
function supersededBySuccess(index: BundleIndex, job: Job): boolean {
  const cron = cronJobOf(job);
  const failedAt = Date.parse(failedCondition(job)?.lastTransitionTime ?? '');
  if (!cron || Number.isNaN(failedAt)) return false;
  return index.ofKind('Job').some((c) => {
    const other = c.object as Job;
    return cronJobOf(other) === cron && Date.parse(other.status?.completionTime ?? '') > failedAt;
  });
}

/** What the last failed pod said, from its log: the strongest signal, else its last lines. */
function lastWords(
  index: BundleIndex,
  job: Job,
): { pod?: string; container?: string; lines: string[]; evidenceId?: string } {
  const pods = podsOf(index, {
    namespace: job.metadata?.namespace,
    ref: resourceRef('Job', job.metadata?.name ?? ''),
  });
  const last = [...pods]
    .sort((a, b) =>
      (a.object.metadata?.creationTimestamp ?? '').localeCompare(b.object.metadata?.creationTimestamp ?? ''),
    )
    .at(-1);
  const view = last ? containersOf(last).find((v) => !v.init) : undefined;
  const log = view ? failureLog(index, view) : undefined;
  if (!view || !log) return { lines: [] };
  const signal = readLogSignal(log.text);
  const warn = tailLines(log.text).findLast((line) => /\bWARN(?:ING)?\b/.test(line));
  const lines = signal
    ? [signal.line]
    : [...(warn ? [warn.trim()] : []), ...errorLines(log.text, 1), ...tailLines(log.text, 1)];
  return { pod: view.podName, container: view.name, lines: [...new Set(lines)], evidenceId: log.evidenceId };
}

function jobFinding(index: BundleIndex, collected: CollectedObject, condition: Condition): Finding {
  const job = collected.object as Job;
  const name = job.metadata?.name ?? '';
  const namespace = job.metadata?.namespace ?? '';
  const reason = condition.reason ?? 'Failed';
  const cron = cronJobOf(job);
  const words = lastWords(index, job);
  const said = words.lines.length
    ? `; its last pod logged ${words.lines.map((l) => `"${l}"`).join(' and ')}`
    : '';
  const deadline = job.spec?.activeDeadlineSeconds;
  const why =
    reason === 'DeadlineExceeded'
      ? `it ran longer than its activeDeadlineSeconds of ${deadline ?? '?'}${deadline ? ` (${formatAge(deadline)})` : ''} and was stopped`
      : `${job.status?.failed ?? 0} pods failed, more than its backoffLimit of ${job.spec?.backoffLimit ?? 6} allows`;
  const evidence: FindingEvidence[] = [
    {
      evidenceId: collected.evidenceId,
      excerpt: `Failed=True, reason ${reason} (${ago(condition.lastTransitionTime, index.now)}): ${condition.message ?? ''}`,
    },
  ];
  if (words.evidenceId)
    evidence.push(...words.lines.map((line) => ({ evidenceId: words.evidenceId as string, excerpt: line })));
  const steps: NextStep[] = [check('See the job and its pods', describe(namespace, `job/${name}`))];
  if (words.pod) steps.push(check('Read the last pod', logs(namespace, words.pod, words.container, false)));
  if (cron)
    steps.push(
      fix(
        `once the cause is fixed, run it again from cronjob/${cron}`,
        `kubectl -n ${namespace} create job ${cron}-manual-$(date +%s) --from=cronjob/${cron}`,
      ),
    );
  return {
    analyzer: 'job-failed',
    category: CATEGORY[reason] ?? 'job_backoff_limit',
    statement: `job/${name}${cron ? ` (from cronjob/${cron})` : ''} failed with ${reason} ${ago(condition.lastTransitionTime, index.now)}: ${why}${said}.`,
    confidence: 'high',
    resource: `job/${name}`,
    namespace,
    evidence,
    facts: [reason, ...(deadline ? [String(deadline)] : []), ...words.lines],
    nextSteps: steps,
    impact: cron ? `the ${cron} run did not complete` : `job ${name} did not complete`,
  };
}

/** Jobs that failed for good (BackoffLimitExceeded, DeadlineExceeded), unless a later run of the CronJob succeeded. */
export const jobFailed: Analyzer = {
  name: 'job-failed',
  analyze(bundle) {
    const index = indexBundle(bundle);
    return index.ofKind('Job').flatMap((collected) => {
      const job = collected.object as Job;
      const condition = failedCondition(job);
      if (!condition || supersededBySuccess(index, job)) return [];
      return [jobFinding(index, collected, condition)];
    });
  },
};

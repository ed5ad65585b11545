import type { NextStep } from '@opsworker/shared';
import { indexBundle } from './bundle/bundle-index.ts';
import { recentEvents } from './bundle/event-facts.ts';
import { type ContainerView, containersOf } from './bundle/pod-containers.ts';
import { groupByWorkload, workloadImpact } from './bundle/workload-impact.ts';
import { owningWorkload } from './bundle/workload-ref.ts';
import type { Analyzer, Finding, FindingEvidence } from './finding.ts';
import { check, describe, fix, rolloutUndo } from './kubectl.ts';

const PULL_REASONS = ['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull'];

interface PullFailure {
  category: string;
  /** The registry's own words: `401 Unauthorized`, `not found`, `429 Too Many Requests ...`. */
  reason: string;
}

/** Reads the registry's answer; order matters, a 429 page also says "unauthorized" sometimes. */
function classify(text: string): PullFailure {
  const rate = /toomanyrequests|429 Too Many Requests|rate limit/i.exec(text);
  if (rate) {
    const words = [/429 Too Many Requests/.exec(text)?.[0], /toomanyrequests:[^.]*/i.exec(text)?.[0]];
    return { category: 'image_pull_rate_limited', reason: words.filter(Boolean).join(' - ') || rate[0] };
  }
  const denied =
    /\b40[13] (?:Unauthorized|Forbidden)\b|unauthorized[^.:"]*|denied[^.:"]*|no basic auth credentials|authentication required/i.exec(
      text,
    );
  if (denied) return { category: 'image_pull_unauthorized', reason: denied[0].trim() };
  const missing = /manifest unknown[^."]*|not found|invalid reference format/i.exec(text);
  if (missing) return { category: 'image_pull_not_found', reason: missing[0].trim() };
  return { category: 'network_error', reason: text.slice(-160) };
}

function registryOf(image: string): string {
  const first = image.split('/')[0] ?? '';
  return image.includes('/') && /[.:]/.test(first) ? first : 'docker.io';
}

function nextSteps(
  view: ContainerView,
  workloadRef: string,
  failure: PullFailure,
  image: string,
): NextStep[] {
  const ns = view.namespace;
  const steps: NextStep[] = [check('See the pull errors', describe(ns, `pod/${view.podName}`))];
  const secrets =
    (view.pod.spec as { imagePullSecrets?: Array<{ name: string }> } | undefined)?.imagePullSecrets ?? [];
  if (failure.category === 'image_pull_not_found') {
    steps.push(
      fix(
        `point ${view.name} at an image tag that exists`,
        `kubectl -n ${ns} set image ${workloadRef} ${view.name}=${image.replace(/:[^:/]+$/, '')}:<existing-tag>`,
      ),
    );
    if (workloadRef.startsWith('deployment/'))
      steps.push(fix('or roll back to the previous revision', rolloutUndo(ns, workloadRef)));
  } else if (failure.category === 'image_pull_unauthorized') {
    const secret = secrets[0]?.name ?? 'regcred';
    steps.push(
      check(
        `Check when pull secret ${secret} was last changed`,
        `kubectl -n ${ns} get secret ${secret} -o jsonpath='{.metadata.creationTimestamp}'`,
      ),
    );
    steps.push(
      fix(
        `renew the credentials in pull secret ${secret}`,
        `kubectl -n ${ns} create secret docker-registry ${secret} --docker-server=${registryOf(image)} --docker-username=<user> --docker-password=<token> --dry-run=client -o yaml | kubectl apply -f -`,
      ),
    );
  } else if (failure.category === 'image_pull_rate_limited') {
    const account = view.pod.spec?.serviceAccountName ?? 'default';
    steps.push(
      fix(
        `authenticate pulls from ${registryOf(image)} (or mirror the image to your own registry)`,
        `kubectl -n ${ns} patch serviceaccount ${account} -p '{"imagePullSecrets":[{"name":"<registry-credentials>"}]}'`,
      ),
    );
  }
  return steps;
}

/** Containers that cannot start because their image cannot be pulled: missing tag, denied, rate limited. */
export const imagePull: Analyzer = {
  name: 'image-pull',
  analyze(bundle) {
    const index = indexBundle(bundle);
    const waiting = index
      .ofKind('Pod')
      .flatMap(containersOf)
      .filter((view) => PULL_REASONS.includes(view.status.state?.waiting?.reason ?? ''));
    return groupByWorkload(waiting, (view) => owningWorkload(index, view.pod)).map(({ workload, items }) => {
      const first = items[0] as ContainerView;
      const image = first.spec?.image ?? first.status.image ?? 'its image';
      const failed = recentEvents(index, { kind: 'Pod', namespace: first.namespace, name: first.podName }, [
        'Failed',
      ]).find((e) => e.message.startsWith('Failed to pull image'));
      const text = `${failed?.message ?? ''} ${first.status.state?.waiting?.message ?? ''}`;
      const failure = classify(text);
      const secrets =
        (first.pod.spec as { imagePullSecrets?: Array<{ name: string }> } | undefined)?.imagePullSecrets ??
        [];
      const secretText =
        failure.category === 'image_pull_unauthorized' && secrets.length
          ? ` with pull secret ${secrets.map((s) => s.name).join(', ')}`
          : '';
      const evidence: FindingEvidence[] = [
        {
          evidenceId: first.evidenceId,
          excerpt: `${first.podName} ${first.name}: ${first.status.state?.waiting?.reason}, image ${image}`,
        },
      ];
      if (failed)
        evidence.push({ evidenceId: failed.evidenceId, excerpt: `${failed.message.slice(0, 400)}` });
      const pods = new Set(items.map((v) => v.podName)).size;
      const finding: Finding = {
        analyzer: 'image-pull',
        category: failure.category,
        statement: `${workload.ref} cannot pull image ${image}${secretText}: the registry answers "${failure.reason}" (${pods} pod${pods > 1 ? 's' : ''} waiting in ${first.status.state?.waiting?.reason}).`,
        confidence: failure.category === 'network_error' ? 'low' : 'high',
        resource: workload.ref,
        namespace: first.namespace,
        evidence,
        facts: [image, failure.reason, ...secrets.map((s) => s.name)],
        nextSteps: nextSteps(first, workload.ref, failure, image),
        impact: workloadImpact(index, workload),
      };
      return finding;
    });
  },
};

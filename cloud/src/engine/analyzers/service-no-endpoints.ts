import type { KubeObject, Pod } from '@opsworker/agent/kube/kube-types.ts';
import type { CollectedObject } from '../evidence/evidence-bundle.ts';
import type { BundleIndex } from './bundle/bundle-index.ts';
import { indexBundle } from './bundle/bundle-index.ts';
import { owningWorkload } from './bundle/workload-ref.ts';
import type { Analyzer, Finding, FindingEvidence } from './finding.ts';
import { check, fix } from './kubectl.ts';
import { backingWorkload } from './signals/dependency-service.ts';

type Service = KubeObject & { spec?: { selector?: Record<string, string>; type?: string } };
type Endpoints = KubeObject & { subsets?: Array<{ addresses?: unknown[]; notReadyAddresses?: unknown[] }> };
type Ingress = KubeObject & {
  spec?: {
    rules?: Array<{
      host?: string;
      http?: { paths?: Array<{ path?: string; backend?: { service?: { name?: string } } }> };
    }>;
  };
};

function selectorText(selector: Record<string, string>): string {
  return Object.entries(selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

function hasAddresses(endpoints: Endpoints | undefined): boolean {
  return (endpoints?.subsets ?? []).some(
    (s) => (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0) > 0,
  );
}

/** The namespace's pod whose labels share the most keys with the selector: what the selector likely meant. */
function closestPod(
  index: BundleIndex,
  namespace: string,
  selector: Record<string, string>,
): Pod | undefined {
  let best: { pod: Pod; score: number } | undefined;
  for (const collected of index.ofKind('Pod')) {
    const pod = collected.object as Pod;
    if (pod.metadata?.namespace !== namespace) continue;
    const labels = pod.metadata?.labels ?? {};
    const score = Object.keys(selector).filter((k) => k in labels).length;
    if (score > 0 && (!best || score > best.score)) best = { pod, score };
  }
  return best?.pod;
}

function ingressesTo(index: BundleIndex, namespace: string, service: string): string[] {
  return index.ofKind('Ingress').flatMap((c) => {
    const ingress = c.object as Ingress;
    if (ingress.metadata?.namespace !== namespace) return [];
    return (ingress.spec?.rules ?? []).flatMap((rule) =>
      (rule.http?.paths ?? [])
        .filter((p) => p.backend?.service?.name === service)
        .map((p) => `ingress/${ingress.metadata?.name} (${rule.host ?? '*'}${p.path ?? '/'})`),
    );
  });
}

function serviceFinding(
  index: BundleIndex,
  collected: CollectedObject,
  endpoints: CollectedObject | undefined,
): Finding | undefined {
  const service = collected.object as Service;
  const selector = service.spec?.selector ?? {};
  const name = service.metadata?.name ?? '';
  const namespace = service.metadata?.namespace ?? '';
  const closest = closestPod(index, namespace, selector);
  const labels = closest?.metadata?.labels ?? {};
  const matches = Object.entries(selector).every(([k, v]) => labels[k] === v);
  if (matches) return undefined;
  const owner = closest ? owningWorkload(index, closest) : undefined;
  const meant = closest
    ? Object.fromEntries(
        Object.keys(selector)
          .filter((k) => k in labels)
          .map((k) => [k, labels[k] ?? '']),
      )
    : undefined;
  const nearby = closest && meant ? `; the pods of ${owner?.ref} are labelled ${selectorText(meant)}` : '';
  const routes = ingressesTo(index, namespace, name);
  const evidence: FindingEvidence[] = [
    { evidenceId: collected.evidenceId, excerpt: `Service ${name} selector: ${selectorText(selector)}` },
  ];
  if (endpoints)
    evidence.push({ evidenceId: endpoints.evidenceId, excerpt: `Endpoints ${name}: no addresses` });
  if (closest)
    evidence.push({
      evidenceId:
        index.get('Pod', namespace, closest.metadata?.name ?? '')?.evidenceId ?? collected.evidenceId,
      excerpt: `Pod ${closest.metadata?.name} labels: ${selectorText(labels)}`,
    });
  return {
    analyzer: 'service-no-endpoints',
    category: 'service_no_endpoints',
    statement: `service/${name} has no endpoints because its selector ${selectorText(selector)} matches no pod${nearby}${routes.length ? `; ${routes.join(', ')} route to it` : ''}.`,
    confidence: closest ? 'high' : 'medium',
    resource: `service/${name}`,
    namespace,
    evidence,
    facts: [selectorText(selector), ...(meant ? [selectorText(meant)] : [])],
    nextSteps: [
      check('Compare the selector with the pod labels', `kubectl -n ${namespace} get pods --show-labels`),
      check('Confirm it has no endpoints', `kubectl -n ${namespace} get endpoints ${name}`),
      ...(meant
        ? [
            fix(
              `select the pods of ${owner?.ref}`,
              `kubectl -n ${namespace} patch service ${name} -p '${JSON.stringify({ spec: { selector: meant } })}'`,
            ),
          ]
        : []),
    ],
    impact: routes.length
      ? `requests through ${routes.join(', ')} find no backend`
      : `nothing answers on service ${name}`,
  };
}

/**
 * Services whose selector matches no pod at all (not pods that are merely unready): the
 * selector and the labels that exist are shown side by side.
 */
export const serviceNoEndpoints: Analyzer = {
  name: 'service-no-endpoints',
  analyze(bundle) {
    const index = indexBundle(bundle);
    return index.ofKind('Service').flatMap((collected) => {
      const service = collected.object as Service;
      if (!service.spec?.selector || Object.keys(service.spec.selector).length === 0) return [];
      const endpoints = index.get('Endpoints', service.metadata?.namespace, service.metadata?.name ?? '');
      if (hasAddresses(endpoints?.object as Endpoints | undefined) || backingWorkload(index, service))
        return [];
      const finding = serviceFinding(index, collected, endpoints);
      return finding ? [finding] : [];
    });
  },
};

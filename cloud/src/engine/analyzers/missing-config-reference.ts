import type { Container, KubeObject, Pod } from '@opsworker/agent/kube/kube-types.ts';
import type { NextStep } from '@opsworker/shared';
import type { BundleIndex } from './bundle/bundle-index.ts';
import { indexBundle } from './bundle/bundle-index.ts';
import { recentEvents } from './bundle/event-facts.ts';
import { containersOf } from './bundle/pod-containers.ts';
import { groupByWorkload, workloadImpact } from './bundle/workload-impact.ts';
import { owningWorkload } from './bundle/workload-ref.ts';
import type { Analyzer, Finding } from './finding.ts';
import { check, describe, fix } from './kubectl.ts';

/** A ConfigMap, Secret or key that a pod refers to and that does not exist. */
interface MissingReference {
  category: 'missing_configmap' | 'missing_secret' | 'missing_config_key';
  kind: 'ConfigMap' | 'Secret';
  name: string;
  key?: string;
  message: string;
  evidenceId: string;
  pod: Pod;
  podEvidenceId: string;
}

const MISSING_KEY = /couldn't find key (\S+) in (ConfigMap|Secret) (?:[\w.-]+\/)?([\w.-]+)/;
const MISSING_OBJECT = /\b(configmap|secret)s? "([^"]+)" not found/i;

function parse(message: string): Pick<MissingReference, 'category' | 'kind' | 'name' | 'key'> | undefined {
  const key = MISSING_KEY.exec(message);
  if (key?.[1] && key[3]) {
    return {
      category: 'missing_config_key',
      kind: key[2] === 'Secret' ? 'Secret' : 'ConfigMap',
      name: key[3],
      key: key[1],
    };
  }
  const object = MISSING_OBJECT.exec(message);
  if (!object?.[2]) return undefined;
  const secret = object[1]?.toLowerCase() === 'secret';
  return {
    category: secret ? 'missing_secret' : 'missing_configmap',
    kind: secret ? 'Secret' : 'ConfigMap',
    name: object[2],
  };
}

/** What every pod of the bundle cannot find: from CreateContainerConfigError and FailedMount. */
function missingReferences(index: BundleIndex): MissingReference[] {
  const found: MissingReference[] = [];
  for (const collected of index.ofKind('Pod')) {
    const pod = collected.object as Pod;
    const subject = { kind: 'Pod', namespace: pod.metadata?.namespace, name: pod.metadata?.name ?? '' };
    const messages = containersOf(collected)
      .filter((view) => view.status.state?.waiting?.reason === 'CreateContainerConfigError')
      .map((view) => ({
        message: view.status.state?.waiting?.message ?? '',
        evidenceId: collected.evidenceId,
      }));
    for (const event of recentEvents(index, subject, ['Failed', 'FailedMount'])) {
      messages.push({ message: event.message, evidenceId: event.evidenceId });
    }
    const reference = messages.map((m) => ({ ...m, parsed: parse(m.message) })).find((m) => m.parsed);
    if (reference?.parsed) {
      found.push({
        ...reference.parsed,
        message: reference.message,
        evidenceId: reference.evidenceId,
        pod,
        podEvidenceId: collected.evidenceId,
      });
    }
  }
  return found;
}

function existingNames(index: BundleIndex, kind: string, namespace: string): string[] {
  return index
    .ofKind(kind)
    .map((c) => c.object)
    .filter((o) => o.metadata?.namespace === namespace)
    .map((o) => o.metadata?.name ?? '');
}

function secretKeyOf(pod: Pod, secret: string): string | undefined {
  const containers: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  return containers.flatMap((c) => c.env ?? []).find((e) => e.valueFrom?.secretKeyRef?.name === secret)
    ?.valueFrom?.secretKeyRef?.key;
}

function explain(
  index: BundleIndex,
  ref: MissingReference,
  namespace: string,
): { detail: string; steps: NextStep[] } {
  if (ref.category === 'missing_config_key') {
    const object = index.get(ref.kind, namespace, ref.name)?.object as
      | (KubeObject & { data?: object })
      | undefined;
    const keys = object?.data ? Object.keys(object.data) : [];
    return {
      detail: `${ref.kind} ${ref.name} has no key ${ref.key}${keys.length ? ` (its keys: ${keys.join(', ')})` : ''}`,
      steps: [
        fix(
          `add ${ref.key} to ${ref.kind} ${ref.name} (or correct the key the pod asks for)`,
          `kubectl -n ${namespace} patch ${ref.kind.toLowerCase()} ${ref.name} --type merge -p '{"${ref.kind === 'Secret' ? 'stringData' : 'data'}":{"${ref.key}":"<value>"}}'`,
        ),
      ],
    };
  }
  const others =
    ref.kind === 'ConfigMap'
      ? existingNames(index, 'ConfigMap', namespace).filter((n) => n !== 'kube-root-ca.crt')
      : [];
  const hint = others.length ? ` (ConfigMaps that exist there: ${others.join(', ')})` : '';
  const key = ref.kind === 'Secret' ? (secretKeyOf(ref.pod, ref.name) ?? 'key') : undefined;
  return {
    detail: `${ref.kind} ${ref.name} does not exist in namespace ${namespace}${hint}`,
    steps: [
      fix(
        `create ${ref.kind} ${ref.name} (or point the pod at the right one)`,
        ref.kind === 'Secret'
          ? `kubectl -n ${namespace} create secret generic ${ref.name} --from-file=${key}=<path>`
          : `kubectl -n ${namespace} create configmap ${ref.name} --from-file=<path>`,
      ),
    ],
  };
}

/** Pods that cannot start because a ConfigMap, a Secret or one of their keys is missing. */
export const missingConfigReference: Analyzer = {
  name: 'missing-config-reference',
  analyze(bundle) {
    const index = indexBundle(bundle);
    return groupByWorkload(missingReferences(index), (ref) => owningWorkload(index, ref.pod)).map(
      ({ workload, items }) => {
        const ref = items[0] as MissingReference;
        const namespace = ref.pod.metadata?.namespace ?? '';
        const podName = ref.pod.metadata?.name ?? '';
        const { detail, steps } = explain(index, ref, namespace);
        const finding: Finding = {
          analyzer: 'missing-config-reference',
          category: ref.category,
          statement: `${workload.ref} cannot start its containers because ${detail}: "${ref.message}" (${items.length} pod${items.length > 1 ? 's' : ''}).`,
          confidence: 'high',
          resource: workload.ref,
          namespace,
          evidence: [
            { evidenceId: ref.evidenceId, excerpt: ref.message },
            {
              evidenceId: ref.podEvidenceId,
              excerpt: `${podName}: ${ref.pod.status?.phase ?? 'Pending'}, containers not started`,
            },
          ],
          facts: [ref.name, ...(ref.key ? [ref.key] : [])],
          nextSteps: [
            check('See why the containers cannot start', describe(namespace, `pod/${podName}`)),
            ...steps,
          ],
          impact: workloadImpact(index, workload),
        };
        return finding;
      },
    );
  },
};

import type { Scope } from '@opsworker/shared';
import { pickScopeFacts, type ScopeFacts, SUBJECT_FACTS, scopeFromFacts } from './scope.ts';
import { PROMETHEUS_SCOPE_KEYS } from './scope-keys.ts';

/** Subjects that, when present, tell us a `pod` or `service` label may be the scrape target's. */
const OTHER_SUBJECTS = SUBJECT_FACTS.filter(
  (fact) => fact !== 'pod' && fact !== 'service' && fact !== 'workload',
);

const IPV4_HOST = /^\d{1,3}(\.\d{1,3}){3}$/;
const MAX_NODE_NAME = 253;

/**
 * The scope of an alert carrying Prometheus labels. Prometheus attaches the scrape target's
 * `pod`, `container` and `service` to every series, so a KubeDeploymentReplicasMismatch from
 * kube-prometheus-stack names both `deployment="api"` and `pod="…-kube-state-metrics-…"`.
 * When another object is named and the pod or service looks like the exporter (its name
 * contains the scrape `job`, or it is kube-state-metrics), the exporter loses to the subject.
 */
export function scopeFromPrometheusLabels(labels: Readonly<Record<string, string>>): Scope {
  const facts = pickScopeFacts(labels, PROMETHEUS_SCOPE_KEYS);
  const job = labels.job?.trim() || undefined;
  if (isNodeExporterAlert(labels, facts, job)) return scopeFromFacts(nodeExporterFacts(labels, facts));
  if (OTHER_SUBJECTS.some((fact) => facts[fact] !== undefined)) {
    if (facts.pod !== undefined && looksLikeExporter(facts.pod, job)) {
      delete facts.pod;
      delete facts.container;
    }
    if (facts.service !== undefined && looksLikeExporter(facts.service, job)) delete facts.service;
  }
  return scopeFromFacts(facts);
}

function looksLikeExporter(name: string, job: string | undefined): boolean {
  return name.includes('kube-state-metrics') || (job !== undefined && name.includes(job));
}

function isNodeExporterAlert(
  labels: Readonly<Record<string, string>>,
  facts: ScopeFacts,
  job: string | undefined,
): boolean {
  return (
    job === 'node-exporter' ||
    labels.container === 'node-exporter' ||
    Boolean(facts.pod?.includes('node-exporter'))
  );
}

/**
 * node-exporter alerts (NodeFilesystemSpaceFillingUp, NodeHighNumberConntrackEntriesUsed…) are
 * about the node the exporter runs on, not the exporter pod. kube-prometheus relabels
 * `instance` to the node name; when it is still an IP the node is unknown here, so the
 * exporter pod stays the subject and the engine finds its node.
 */
function nodeExporterFacts(labels: Readonly<Record<string, string>>, facts: ScopeFacts): ScopeFacts {
  const host = facts.node ?? labels.instance?.replace(/:\d+$/, '');
  if (!host || host.length > MAX_NODE_NAME || IPV4_HOST.test(host) || host.startsWith('[')) return facts;
  const { pod: _pod, container: _container, service: _service, ...rest } = facts;
  return { ...rest, node: host };
}

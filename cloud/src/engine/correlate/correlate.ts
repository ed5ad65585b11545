import type { Confidence } from '@opsworker/shared';
import type { Finding } from '../analyzers/finding.ts';
import type { EvidenceBundle } from '../evidence/evidence-bundle.ts';
import { calibrateConfidence } from './calibrate-confidence.ts';
import { categoryRank } from './category-rank.ts';
import { buildCauseGraph, explainedBy } from './cause-graph.ts';

/** One root cause, and the other findings that go with it (its symptoms first). */
export interface Correlation {
  rootCause: Finding;
  contributing: Finding[];
}

const CONFIDENCE_ORDER: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

/** `pods` → `pod`, `networkpolicies` → `networkpolicy`, `ingresses` → `ingress`. */
function singular(kind: string): string {
  if (kind.endsWith('ies')) return `${kind.slice(0, -3)}y`;
  if (kind.endsWith('sses')) return kind.slice(0, -2);
  return kind.endsWith('s') ? kind.slice(0, -1) : kind;
}

/** The resources the investigation is about, kubectl style: the settled target and the alerted object. */
function targetRefs(bundle: EvidenceBundle): Set<string> {
  const refs = new Set<string>();
  if (bundle.target) refs.add(`${bundle.target.kind.toLowerCase()}/${bundle.target.name}`);
  if (bundle.scope.kind && bundle.scope.name) refs.add(`${singular(bundle.scope.kind)}/${bundle.scope.name}`);
  return refs;
}

function touches(finding: Finding, refs: Set<string>): boolean {
  if (refs.size === 0) return true;
  return refs.has(finding.resource) || (finding.affects ?? []).some((ref) => refs.has(ref));
}

/** An honest answer when nothing matched: no invented cause, low confidence, where to look. */
function nothingFound(bundle: EvidenceBundle): Finding {
  const target = bundle.target;
  const ref = target
    ? `${target.kind.toLowerCase()}/${target.name}`
    : bundle.scope.namespace
      ? `namespace/${bundle.scope.namespace}`
      : 'cluster';
  const ns = target?.namespace ?? bundle.scope.namespace;
  return {
    analyzer: 'correlate',
    category: 'no_problem_found',
    statement: `No root cause found: the evidence collected for ${ref} matches no known failure, and it could not be confirmed healthy either.`,
    confidence: 'low',
    resource: ref,
    ...(ns ? { namespace: ns } : {}),
    evidence: [],
    facts: [],
    nextSteps: [
      {
        description: 'Look at the recent events and logs yourself',
        command: target
          ? `kubectl${ns ? ` -n ${ns}` : ''} describe ${ref}`
          : `kubectl get events -A --field-selector type=Warning`,
      },
    ],
  };
}

/**
 * Picks one root cause: follows `causedBy`/`affects` links to the deepest cause present,
 * prefers causes that explain the alerted target, then the more root-like category (a rollout
 * over its crash, a node over its evictions, a missing dependency over probe failures), then
 * confidence. The final confidence is calibrated; `no_problem_found` wins only when nothing
 * else was found.
 */
export function correlate(findings: Finding[], bundle: EvidenceBundle): Correlation {
  const problems = findings.filter((f) => f.category !== 'no_problem_found');
  if (problems.length === 0) {
    const healthy = findings.find((f) => f.category === 'no_problem_found');
    return { rootCause: healthy ?? nothingFound(bundle), contributing: [] };
  }
  const graph = buildCauseGraph(problems);
  const refs = targetRefs(bundle);
  const unexplained = problems.map((_, i) => i).filter((i) => (graph.causes[i] ?? []).length === 0);
  const candidates = (unexplained.length ? unexplained : problems.map((_, i) => i)).map((i) => {
    const reach = explainedBy(graph, i);
    const finding = problems[i] as Finding;
    return {
      index: i,
      finding,
      reach,
      relevant: [...reach].some((j) => touches(problems[j] as Finding, refs)),
    };
  });
  candidates.sort(
    (a, b) =>
      Number(b.relevant) - Number(a.relevant) ||
      categoryRank(b.finding.category) - categoryRank(a.finding.category) ||
      CONFIDENCE_ORDER[b.finding.confidence] - CONFIDENCE_ORDER[a.finding.confidence] ||
      b.reach.size - a.reach.size,
  );
  const root = candidates[0] as (typeof candidates)[number];
  const rivals = candidates
    .slice(1)
    .filter((c) => c.relevant && !root.reach.has(c.index))
    .map((c) => c.finding);
  const evidenceIds = new Set(bundle.evidence.map((e) => e.id));
  const confidence = calibrateConfidence(root.finding, rivals, evidenceIds);
  const contributing = problems
    .map((finding, i) => ({ finding, i }))
    .filter(({ i }) => i !== root.index)
    .sort((a, b) => Number(root.reach.has(b.i)) - Number(root.reach.has(a.i)))
    .map(({ finding }) => finding);
  return { rootCause: { ...root.finding, confidence }, contributing };
}

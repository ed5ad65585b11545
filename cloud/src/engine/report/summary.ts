import type { Confidence } from '@opsworker/shared';
import type { Finding } from '../analyzers/finding.ts';
import type { EvidenceBundle } from '../evidence/evidence-bundle.ts';
import { asSentence, bounded, firstClause } from './sentence.ts';

const WHY_LIMIT = 400;

function targetName(bundle: EvidenceBundle): string {
  const { target, scope } = bundle;
  if (target) return `${target.kind.toLowerCase()}/${target.name}`;
  return scope.namespace ? `namespace ${scope.namespace}` : 'the cluster';
}

function basis(root: Finding, confidence: Confidence): string {
  const first = root.evidence[0]?.excerpt;
  const how = confidence === 'high' ? 'high' : confidence === 'medium' ? 'medium' : 'low';
  if (root.category === 'no_problem_found')
    return `Confidence is ${how}: the current state was checked directly`;
  return first
    ? `Confidence is ${how}, from ${bounded(first, 160)}`
    : `Confidence is ${how}: this is inferred, not seen directly`;
}

/**
 * At most three plain sentences, in the order an on-call engineer needs them: what broke,
 * why, how sure.
 */
export function summarize(root: Finding, confidence: Confidence, bundle: EvidenceBundle): string {
  const what =
    root.category === 'no_problem_found'
      ? `No problem found for ${targetName(bundle)}`
      : (root.impact ?? `${targetName(bundle)} is failing`);
  const why =
    root.category === 'no_problem_found'
      ? firstClause(root.statement.replace(/^No problem found: /, ''))
      : `Root cause: ${firstClause(root.statement)}`;
  return [what, bounded(why, WHY_LIMIT), basis(root, confidence)].map(asSentence).join(' ');
}

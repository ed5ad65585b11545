import { indexBundle } from './bundle/bundle-index.ts';
import type { Analyzer, Finding } from './finding.ts';
import { check, describe } from './kubectl.ts';
import { targetHealth } from './signals/target-health.ts';

/**
 * The honest answer when the alerted object is healthy now: no invented cause, and what was
 * checked. Correlation uses it only when no other analyzer found anything.
 */
export const noProblem: Analyzer = {
  name: 'no-problem',
  analyze(bundle) {
    const index = indexBundle(bundle);
    const health = targetHealth(index);
    if (!health?.healthy) return [];
    const target = bundle.target;
    const resource = target
      ? `${target.kind.toLowerCase()}/${target.name}`
      : bundle.scope.namespace
        ? `namespace/${bundle.scope.namespace}`
        : 'cluster';
    const finding: Finding = {
      analyzer: 'no-problem',
      category: 'no_problem_found',
      statement: `No problem found: ${health.summary}, and no recent failing events.`,
      confidence: health.evidenceId ? 'high' : 'medium',
      resource,
      ...(target?.namespace ? { namespace: target.namespace } : {}),
      evidence: health.evidenceId ? [{ evidenceId: health.evidenceId, excerpt: health.summary }] : [],
      facts: [health.summary],
      nextSteps: [
        target
          ? check('Confirm the current state yourself', describe(target.namespace, resource))
          : check(
              'Confirm that nothing is failing',
              'kubectl get pods -A --field-selector=status.phase!=Running,status.phase!=Succeeded',
            ),
        {
          description:
            'Nothing to fix in the cluster now; if the alert keeps firing, check its threshold and the metric behind it',
        },
      ],
      impact: 'none found now',
    };
    return [finding];
  },
};

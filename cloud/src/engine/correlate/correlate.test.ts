import { describe, expect, it } from 'vitest';
import type { Finding } from '../analyzers/finding.ts';
import { bundle } from '../analyzers/fixtures/bundle-fixtures.ts';
import { correlate } from './correlate.ts';

/** A bundle about deployment/api whose evidence holds ev_1. */
const about = bundle({
  objects: [{ kind: 'Deployment', metadata: { name: 'api', namespace: 'shop' } }],
  target: { kind: 'Deployment', namespace: 'shop', name: 'api' },
});

function finding(category: string, resource: string, extra: Partial<Finding> = {}): Finding {
  return {
    analyzer: 'test',
    category,
    statement: `${resource}: ${category}`,
    confidence: 'high',
    resource,
    evidence: [{ evidenceId: 'ev_1', excerpt: 'seen' }],
    facts: [],
    nextSteps: [],
    ...extra,
  };
}

describe('correlate', () => {
  describe('when one finding causes another', () => {
    it.each([
      [
        'a rollout over the crash it caused',
        [
          finding('crash_loop_config', 'deployment/api'),
          finding('bad_rollout', 'deployment/api', { affects: ['deployment/api'] }),
        ],
        'bad_rollout',
      ],
      [
        'a node condition over the evictions it caused',
        [
          finding('crash_loop_panic', 'deployment/api'),
          finding('node_pressure_eviction', 'node/n1', { affects: ['deployment/api'] }),
        ],
        'node_pressure_eviction',
      ],
      [
        'a missing dependency over the probe failures',
        [
          finding('readiness_probe_failing', 'deployment/api', { causedBy: 'statefulset/db' }),
          finding('crash_loop_panic', 'statefulset/db'),
          finding('dependency_down', 'statefulset/db', { affects: ['deployment/api'] }),
        ],
        'dependency_down',
      ],
      [
        'the deepest cause of a chain',
        [
          finding('readiness_probe_failing', 'deployment/api', { causedBy: 'statefulset/db' }),
          finding('unbound_pvc', 'statefulset/db', { causedBy: 'persistentvolumeclaim/data-0' }),
          finding('pvc_missing_storage_class', 'persistentvolumeclaim/data-0'),
        ],
        'pvc_missing_storage_class',
      ],
    ])('prefers %s', (_case, findings, category) => {
      const { rootCause, contributing } = correlate(findings, about);
      expect(rootCause.category).toBe(category);
      expect(contributing).toHaveLength(findings.length - 1);
    });

    it('lists the symptoms the root cause explains first among the contributing findings', () => {
      const { contributing } = correlate(
        [
          finding('hpa_at_max', 'horizontalpodautoscaler/other'),
          finding('crash_loop_config', 'deployment/api'),
          finding('bad_rollout', 'deployment/api', { affects: ['deployment/api'] }),
        ],
        about,
      );
      expect(contributing[0]?.category).toBe('crash_loop_config');
    });
  });

  describe('when findings are unrelated', () => {
    it('prefers the one about the alerted target over a higher-ranked one elsewhere', () => {
      const { rootCause } = correlate(
        [finding('node_not_ready', 'node/elsewhere'), finding('crash_loop_panic', 'deployment/api')],
        about,
      );
      expect(rootCause.resource).toBe('deployment/api');
    });

    it('lowers the confidence when two findings explain the target equally well', () => {
      const { rootCause } = correlate(
        [
          finding('quota_exceeded', 'resourcequota/q', { affects: ['deployment/api'] }),
          finding('node_not_ready', 'node/n1', { affects: ['deployment/api'] }),
        ],
        about,
      );
      expect(rootCause).toMatchObject({ category: 'node_not_ready', confidence: 'medium' });
    });
  });

  describe('when calibrating confidence', () => {
    it('never claims high without evidence the bundle holds', () => {
      const { rootCause } = correlate(
        [finding('oom_killed', 'deployment/api', { evidence: [{ evidenceId: 'ev_unknown', excerpt: 'x' }] })],
        about,
      );
      expect(rootCause.confidence).toBe('medium');
    });
  });

  describe('when nothing is wrong', () => {
    it('answers no_problem_found only when no other finding exists', () => {
      const healthy = finding('no_problem_found', 'deployment/api');
      expect(correlate([healthy], about).rootCause).toBe(healthy);
      expect(correlate([healthy, finding('oom_killed', 'deployment/api')], about).rootCause.category).toBe(
        'oom_killed',
      );
    });

    it('invents no cause when there is no finding at all', () => {
      const { rootCause } = correlate([], about);
      expect(rootCause).toMatchObject({
        category: 'no_problem_found',
        confidence: 'low',
        resource: 'deployment/api',
      });
      expect(rootCause.statement).toContain('No root cause found');
    });
  });
});

import { describe, expect, it } from 'vitest';
import { bundle, object } from './fixtures/bundle-fixtures.ts';
import { hpaAtMax } from './hpa-at-max.ts';

function hpa(current: number, utilization: number) {
  return object('HorizontalPodAutoscaler', 'recommender', {
    spec: {
      scaleTargetRef: { kind: 'Deployment', name: 'recommender' },
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
        },
      ],
    },
    status: {
      currentReplicas: current,
      currentMetrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', current: { averageUtilization: utilization, averageValue: '910m' } },
        },
      ],
    },
  });
}

describe('hpaAtMax', () => {
  describe('when the autoscaler is pinned at its maximum above target', () => {
    const [finding] = hpaAtMax.analyze(bundle({ objects: [hpa(10, 182)] }));

    it('says so with the current and target utilization', () => {
      expect(finding).toMatchObject({
        category: 'hpa_at_max',
        resource: 'horizontalpodautoscaler/recommender',
        affects: ['deployment/recommender'],
      });
      expect(finding?.statement).toContain('maximum of 10 replicas');
      expect(finding?.statement).toContain('182% of requests (910m per pod) against a 70% target');
    });

    it('estimates the replicas it would need', () => {
      expect(finding?.nextSteps.map((s) => s.command)).toContain(
        `kubectl -n shop patch hpa recommender -p '{"spec":{"maxReplicas":26}}'`,
      );
    });
  });

  describe('when it has room or is under target', () => {
    it.each([
      ['below maximum', hpa(5, 182)],
      ['at maximum but under target', hpa(10, 50)],
    ])('finds nothing %s', (_case, subject) => {
      expect(hpaAtMax.analyze(bundle({ objects: [subject] }))).toEqual([]);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { METRICS_UNAVAILABLE } from '../errors.ts';
import { shopContext } from '../fixtures/operation-context.ts';
import { type NodeSummaryResult, runNodeSummary } from './node-summary.ts';

describe('runNodeSummary', () => {
  describe('when one node is asked for and metrics answer', () => {
    it('sums requests and limits of its non-terminated pods and shows usage', async () => {
      const { result } = await runNodeSummary({ op: 'nodeSummary', name: 'node-1' }, shopContext());
      const [node] = (result as NodeSummaryResult).nodes;
      expect(node?.status).toBe('Ready');
      expect(node?.roles).toEqual(['worker']);
      expect(node?.pods.count).toBe(2);
      expect(node?.pods.items?.map((p) => p.name).sort()).toEqual([
        'web-7d9f8c6b5-q8w7e',
        'web-7d9f8c6b5-x2x4k',
      ]);
      expect(node?.allocated.cpu).toEqual({
        requests: '500m',
        requestsPercent: '13%',
        limits: '0m',
        limitsPercent: '0%',
      });
      expect(node?.allocated.memory).toEqual({
        requests: '512Mi',
        requestsPercent: '3%',
        limits: '1024Mi',
        limitsPercent: '7%',
      });
      expect(node?.usage).toEqual({
        cpu: '1960m',
        cpuPercent: '50%',
        memory: '7680Mi',
        memoryPercent: '50%',
      });
      expect((result as NodeSummaryResult).metrics).toBe('available');
    });
  });

  describe('when metrics.k8s.io is not served', () => {
    it('still summarizes every node and says usage is unavailable', async () => {
      const { result } = await runNodeSummary({ op: 'nodeSummary' }, shopContext({ metrics: undefined }));
      const summary = result as NodeSummaryResult;
      expect(summary.nodes.map((n) => [n.name, n.status])).toEqual([
        ['node-1', 'Ready'],
        ['node-2', 'Unknown,SchedulingDisabled'],
      ]);
      expect(summary.nodes[0]?.usage).toBeUndefined();
      expect(summary.metrics).toBe('unavailable');
      expect(summary.metricsMessage).toBe(METRICS_UNAVAILABLE);
    });
  });
});

import type { AgentHeartbeat } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { type ClusterIdentity, startHeartbeat } from './heartbeat.ts';

const identity: ClusterIdentity = { cluster: 'prod-eu', kubernetesVersion: 'v1.31.2', nodeCount: 12 };

function recorder() {
  const sent: AgentHeartbeat[] = [];
  const warnings: string[] = [];
  return {
    sent,
    warnings,
    publish: async (heartbeat: AgentHeartbeat) => {
      sent.push(heartbeat);
    },
    log: { info() {}, warn: (message: string) => warnings.push(message) },
  };
}

describe('startHeartbeat', () => {
  describe('when started', () => {
    it('beats at once, with the cluster identity and agent version, then every interval', async () => {
      const r = recorder();
      const now = () => new Date('2026-11-24T10:00:00.000Z');
      const heartbeat = startHeartbeat({
        identity: async () => identity,
        agentVersion: '0.4.1',
        intervalMs: 40,
        ...r,
        now,
      });
      await expect.poll(() => r.sent.length).toBe(1);
      expect(r.sent[0]).toEqual({
        version: 1,
        type: 'heartbeat',
        cluster: 'prod-eu',
        kubernetesVersion: 'v1.31.2',
        agentVersion: '0.4.1',
        nodeCount: 12,
        at: '2026-11-24T10:00:00.000Z',
      });
      await expect.poll(() => r.sent.length).toBeGreaterThanOrEqual(3);
      await heartbeat.stop();
      const afterStop = r.sent.length;
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(r.sent.length).toBe(afterStop);
    });
  });

  describe('when the cluster cannot be read', () => {
    it('skips the beat, says why, and beats again once the cluster answers', async () => {
      const r = recorder();
      let reachable = false;
      const heartbeat = startHeartbeat({
        identity: async () => {
          if (!reachable) throw new Error('connect ECONNREFUSED 10.0.0.1:443');
          return identity;
        },
        agentVersion: '0.4.1',
        intervalMs: 30,
        ...r,
      });
      await expect.poll(() => r.warnings.length).toBeGreaterThanOrEqual(1);
      expect(r.sent).toEqual([]);
      reachable = true;
      await expect.poll(() => r.sent.length).toBeGreaterThanOrEqual(1);
      await heartbeat.stop();
      expect(r.warnings[0]).toMatch(/cluster identity/);
    });
  });

  describe('when publishing fails', () => {
    it('keeps beating', async () => {
      const r = recorder();
      let attempts = 0;
      const heartbeat = startHeartbeat({
        identity: async () => identity,
        agentVersion: '0.4.1',
        intervalMs: 30,
        log: r.log,
        publish: async () => {
          attempts += 1;
          throw new Error('queue gone');
        },
      });
      await expect.poll(() => attempts).toBeGreaterThanOrEqual(3);
      await heartbeat.stop();
      expect(r.warnings).toContain('heartbeat not sent');
    });
  });
});

import type { Investigation } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { ACTION_IDS, FEEDBACK_ACTIONS, ratingOfAction } from './action-ids.ts';
import { buildInvestigationMessage } from './investigation-message.ts';

const base: Investigation = {
  id: 'inv_1',
  orgId: 'org_1',
  status: 'running',
  title: 'KubePodCrashLooping',
  severity: 'critical',
  scope: { cluster: 'prod-eu-1', namespace: 'payments', kind: 'deployments', name: 'payments-api' },
  trigger: { type: 'alert', alertId: 'a1', fingerprint: 'f1', source: 'alertmanager' },
  alertIds: ['a1'],
  groupKey: 'k',
  createdAt: '2026-11-24T14:00:00.000Z',
  updatedAt: '2026-11-24T14:00:01.000Z',
};

const completed: Investigation = {
  ...base,
  status: 'completed',
  outcome: 'root_cause_found',
  completedAt: '2026-11-24T14:00:02.000Z',
  report: {
    summary: 'OOMKilled',
    rootCause: {
      category: 'oom_killed',
      statement: 'The container exceeds its 256Mi memory limit and is killed (exit 137).',
    },
    confidence: 'high',
    evidence: [
      { id: 'e1', title: 'Pod status', excerpt: 'lastState: OOMKilled, exitCode 137' },
      {
        id: 'e2',
        title: 'Previous logs',
        excerpt: 'java.lang.OutOfMemoryError: Java heap space\n\tat Batch.run',
      },
    ],
    nextSteps: [
      {
        description: 'Raise the memory limit',
        command: 'kubectl -n payments set resources deployment/payments-api --limits=memory=512Mi',
      },
    ],
    contributingFactors: [],
    links: [],
  },
};

const json = (value: unknown) => JSON.stringify(value);
const actionIds = (message: ReturnType<typeof buildInvestigationMessage>) =>
  message.blocks.flatMap((block) =>
    block.type === 'actions' ? block.elements.map((e) => ('action_id' in e ? e.action_id : '')) : [],
  );

describe('buildInvestigationMessage', () => {
  describe('while it runs', () => {
    it('shows what is investigated, where, and the latest step, without feedback buttons', () => {
      const message = buildInvestigationMessage(base, { lastStep: 'Reading previous logs' });
      expect(message.text).toContain('Investigating: KubePodCrashLooping');
      expect(json(message.blocks)).toContain('prod-eu-1 · payments');
      expect(json(message.blocks)).toContain('deployment/payments-api');
      expect(json(message.blocks)).toContain('Reading previous logs');
      expect(actionIds(message)).not.toContain(ACTION_IDS.feedbackAccurate);
      expect(actionIds(message)).not.toContain(ACTION_IDS.rerun);
    });
  });

  describe('when completed', () => {
    const message = buildInvestigationMessage(completed, { publicUrl: 'https://ops.example.com/' });

    it('leads with the root cause and its confidence', () => {
      expect(message.text).toContain('exceeds its 256Mi memory limit');
      expect(json(message.blocks)).toContain('*Root cause* (high confidence)');
    });

    it('shows evidence excerpts and next steps as copyable commands', () => {
      const text = json(message.blocks);
      expect(text).toContain('lastState: OOMKilled, exitCode 137');
      expect(text).toContain(
        '```kubectl -n payments set resources deployment/payments-api --limits=memory=512Mi```',
      );
    });

    it('offers open in desktop and portal, re-run, acknowledge and the three feedback ratings', () => {
      expect(actionIds(message)).toEqual([
        ACTION_IDS.openDesktop,
        ACTION_IDS.openPortal,
        ACTION_IDS.rerun,
        ACTION_IDS.acknowledge,
        ...Object.values(FEEDBACK_ACTIONS),
      ]);
      expect(json(message.blocks)).toContain('opsworker://investigations/inv_1');
      expect(json(message.blocks)).toContain('https://ops.example.com/investigations/inv_1');
      expect(ratingOfAction(ACTION_IDS.feedbackPartiallyAccurate)).toBe('partially_accurate');
    });
  });

  it.each([
    [
      'failed',
      { ...base, status: 'failed', error: 'The cluster cannot be reached.' } as Investigation,
      'The cluster cannot be reached.',
    ],
    ['resolved', { ...completed, resolvedAt: '2026-11-24T14:30:00.000Z' }, 'Resolved at 14:30 UTC'],
    [
      'acknowledged',
      { ...completed, acknowledgedAt: '2026-11-24T14:05:00.000Z', acknowledgedBy: 'alice' },
      'Acknowledged by alice',
    ],
    [
      'rated',
      {
        ...completed,
        feedback: { rating: 'accurate', via: 'slack', by: 'bob', at: '2026-11-24T14:06:00.000Z' },
      } as Investigation,
      'Rated *Accurate* by bob',
    ],
  ])('says when it is %s', (_state, investigation, expected) => {
    expect(json(buildInvestigationMessage(investigation).blocks)).toContain(expected);
  });

  it('hides Acknowledge once acknowledged', () => {
    const message = buildInvestigationMessage({ ...completed, acknowledgedAt: '2026-11-24T14:05:00.000Z' });
    expect(actionIds(message)).not.toContain(ACTION_IDS.acknowledge);
  });

  it('stays within Slack limits with huge evidence and many next steps, pointing to the portal', () => {
    const huge: Investigation = {
      ...completed,
      title: 'T'.repeat(600),
      report: {
        ...completed.report!,
        rootCause: { category: 'x', statement: 's'.repeat(5000) },
        evidence: Array.from({ length: 30 }, (_, i) => ({
          id: `e${i}`,
          title: `E${i}`,
          excerpt: 'log line\n'.repeat(500),
        })),
        nextSteps: Array.from({ length: 60 }, (_, i) => ({
          description: `step ${i}`,
          command: `kubectl get pods -n x ${'y'.repeat(200)}`,
        })),
      },
    };
    const message = buildInvestigationMessage(huge, { publicUrl: 'https://ops.example.com' });
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    for (const block of message.blocks) {
      if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
    }
    expect(json(message.blocks)).toContain('https://ops.example.com/investigations/inv_1|the portal');
    expect(json(message.blocks)).toContain('26 more in');
  });
});

import { Report } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../analyzers/finding.ts';
import { bundle } from '../analyzers/fixtures/bundle-fixtures.ts';
import { buildReport } from './build-report.ts';

const evidenceBundle = bundle({
  objects: [{ kind: 'Pod', metadata: { name: 'api-1', namespace: 'shop' } }],
  target: { kind: 'Deployment', namespace: 'shop', name: 'api' },
});
const links = [{ title: 'Runbook', url: 'https://runbooks.example/oom' }];

function finding(extra: Partial<Finding> = {}): Finding {
  return {
    analyzer: 'test',
    category: 'oom_killed',
    statement:
      'deployment/api is OOMKilled: container api exceeds its 256Mi memory limit (exit code 137); the last log line reads "heap full. Giving up. Bye."',
    confidence: 'high',
    resource: 'deployment/api',
    namespace: 'shop',
    evidence: [
      { evidenceId: 'ev_1', excerpt: `api-1: last state OOMKilled, exit code 137 ${'x'.repeat(400)}` },
    ],
    facts: ['OOMKilled'],
    nextSteps: [
      { description: 'Read the previous logs', command: 'kubectl -n shop logs api-1 -c api --previous' },
      {
        description: 'Fix (run it yourself): raise the limit',
        command: 'kubectl -n shop set resources deployment/api -c api --limits=memory=512Mi',
      },
    ],
    impact: '0 of 2 replicas of deployment/api are ready',
    ...extra,
  };
}

const sentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-Z0-9a-z])/).filter(Boolean);

describe('buildReport', () => {
  describe('when a root cause was found', () => {
    const crash = finding({
      category: 'crash_loop_panic',
      statement: 'deployment/api crash-loops',
      nextSteps: [
        { description: 'Read the previous logs', command: 'kubectl -n shop logs api-1 -c api --previous' },
      ],
    });
    const report = buildReport({ rootCause: finding(), contributing: [crash] }, evidenceBundle, { links });

    it('is a valid Report', () => {
      expect(Report.safeParse(report).success).toBe(true);
    });

    it('summarises what broke, why and how sure in at most three sentences', () => {
      expect(sentences(report.summary).length).toBeLessThanOrEqual(3);
      expect(report.summary).toMatch(
        /^0 of 2 replicas of deployment\/api are ready\. Root cause: deployment\/api is OOMKilled.*Confidence is high/,
      );
    });

    it('carries the root cause, its resource and the alert links', () => {
      expect(report.rootCause).toEqual({
        category: 'oom_killed',
        statement: finding().statement,
        resource: 'deployment/api',
      });
      expect(report.links).toEqual(links);
      expect(report.contributingFactors).toEqual(['deployment/api crash-loops']);
    });

    it('quotes evidence by id and title, bounded in length', () => {
      expect(report.evidence[0]).toMatchObject({ id: 'ev_1', title: 'Pod api-1' });
      expect(report.evidence[0]?.excerpt.length).toBeLessThanOrEqual(300);
    });

    it('lists each command once, the root cause first', () => {
      expect(report.nextSteps.map((s) => s.command)).toEqual([
        'kubectl -n shop logs api-1 -c api --previous',
        'kubectl -n shop set resources deployment/api -c api --limits=memory=512Mi',
      ]);
    });
  });

  describe('when nothing is wrong', () => {
    it('says so first, in plain words', () => {
      const healthy = finding({
        category: 'no_problem_found',
        statement: 'No problem found: deployment/api has 2 of 2 replicas ready; no restarts',
        impact: 'none found now',
      });
      const report = buildReport({ rootCause: healthy, contributing: [] }, evidenceBundle, { links: [] });
      expect(report.summary).toMatch(
        /^No problem found for deployment\/api\. deployment\/api has 2 of 2 replicas ready\./,
      );
      expect(sentences(report.summary).length).toBeLessThanOrEqual(3);
    });
  });
});

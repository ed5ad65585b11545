import { describe, expect, it } from 'vitest';
import { bundle, minutesAgo, object, pod } from './fixtures/bundle-fixtures.ts';
import { jobFailed } from './job-failed.ts';

function job(
  name: string,
  status: Record<string, unknown>,
  spec: Record<string, unknown> = {},
  cronjob?: string,
) {
  return object('Job', name, {
    metadata: {
      name,
      namespace: 'shop',
      ...(cronjob ? { ownerReferences: [{ kind: 'CronJob', name: cronjob, uid: 'u' }] } : {}),
    },
    spec,
    status,
  });
}
const failed = (reason: string) => ({
  failed: 4,
  conditions: [{ type: 'Failed', status: 'True', reason, message: 'x', lastTransitionTime: minutesAgo(180) }],
});
const jobPod = pod('import-1-x', {
  owner: { kind: 'Job', name: 'import-1' },
  phase: 'Failed',
  containers: [{ name: 'import', ready: false, state: { terminated: { exitCode: 1 } } }],
});

describe('jobFailed', () => {
  describe('when a job failed for good', () => {
    it.each([
      [
        'job_backoff_limit',
        'BackoffLimitExceeded',
        { backoffLimit: 3 },
        'more than its backoffLimit of 3 allows',
      ],
      [
        'job_deadline_exceeded',
        'DeadlineExceeded',
        { activeDeadlineSeconds: 1800 },
        'activeDeadlineSeconds of 1800 (30m)',
      ],
    ])('reports %s with the reason and the limit', (category, reason, spec, says) => {
      const [finding] = jobFailed.analyze(
        bundle({ objects: [job('import-1', failed(reason), spec, 'import'), jobPod] }),
      );
      expect(finding).toMatchObject({ category, resource: 'job/import-1', confidence: 'high' });
      expect(finding?.statement).toContain(reason);
      expect(finding?.statement).toContain(says);
    });

    it("quotes the last pod's error and offers a re-run from the cronjob", () => {
      const [finding] = jobFailed.analyze(
        bundle({
          objects: [job('import-1', failed('BackoffLimitExceeded'), {}, 'import'), jobPod],
          logs: [
            {
              pod: 'import-1-x',
              container: 'import',
              text: "Traceback (most recent call last):\nKeyError: 'customer_id'",
            },
          ],
        }),
      );
      expect(finding?.statement).toContain("KeyError: 'customer_id'");
      expect(finding?.nextSteps.some((s) => s.command?.endsWith('--from=cronjob/import'))).toBe(true);
    });
  });

  describe('when there is nothing to worry about', () => {
    it.each([
      [
        'a completed job',
        [job('import-1', { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] })],
      ],
      [
        'a failure followed by a later successful run of the same cronjob',
        [
          job('import-1', failed('BackoffLimitExceeded'), {}, 'import'),
          job(
            'import-2',
            { completionTime: minutesAgo(60), conditions: [{ type: 'Complete', status: 'True' }] },
            {},
            'import',
          ),
        ],
      ],
    ])('finds nothing for %s', (_case, objects) => {
      expect(jobFailed.analyze(bundle({ objects }))).toEqual([]);
    });
  });
});

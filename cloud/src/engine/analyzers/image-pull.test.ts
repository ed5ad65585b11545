import { describe, expect, it } from 'vitest';
import { bundle, event, pod } from './fixtures/bundle-fixtures.ts';
import { imagePull } from './image-pull.ts';

const owner = { kind: 'ReplicaSet', name: 'web-abc12' };
const labels = { app: 'web', 'pod-template-hash': 'abc12' };

function pulling(image: string, message: string, spec: Record<string, unknown> = {}) {
  return bundle({
    objects: [
      pod('web-abc12-x1', {
        owner,
        labels,
        spec,
        containers: [
          {
            name: 'web',
            image,
            ready: false,
            state: { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` } },
          },
        ],
      }),
    ],
    events: [
      event({ kind: 'Pod', name: 'web-abc12-x1' }, 'Failed', `Failed to pull image "${image}": ${message}`),
    ],
  });
}

describe('imagePull', () => {
  describe('when the registry refuses the pull', () => {
    it.each([
      [
        'image_pull_not_found',
        'ghcr.io/acme/web:v9-rc1',
        'rpc error: code = NotFound desc = ghcr.io/acme/web:v9-rc1: not found',
        'not found',
      ],
      [
        'image_pull_unauthorized',
        'registry.acme.io/web:1.0',
        'failed to authorize: unexpected status from GET request: 401 Unauthorized',
        '401 Unauthorized',
      ],
      [
        'image_pull_rate_limited',
        'docker.io/library/nginx:1.27',
        'unexpected status code: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit. You may increase',
        'toomanyrequests: You have reached your pull rate limit',
      ],
    ])('reports %s for %s with the registry answer', (category, image, message, answer) => {
      const [finding] = imagePull.analyze(pulling(image, message));
      expect(finding).toMatchObject({ category, resource: 'deployment/web', confidence: 'high' });
      expect(finding?.statement).toContain(image);
      expect(finding?.statement).toContain(answer);
    });

    it('names the pull secret and how to renew it when the registry says unauthorized', () => {
      const [finding] = imagePull.analyze(
        pulling('registry.acme.io/web:1.0', '401 Unauthorized', {
          imagePullSecrets: [{ name: 'acme-registry' }],
        }),
      );
      expect(finding?.statement).toContain('pull secret acme-registry');
      expect(
        finding?.nextSteps.some((s) =>
          s.command?.includes('create secret docker-registry acme-registry --docker-server=registry.acme.io'),
        ),
      ).toBe(true);
    });

    it('offers a rollback when a tag does not exist', () => {
      const [finding] = imagePull.analyze(pulling('ghcr.io/acme/web:v9', 'not found'));
      expect(finding?.nextSteps.map((s) => s.command)).toContain(
        'kubectl -n shop rollout undo deployment/web',
      );
    });
  });

  describe('when images pull fine', () => {
    it('finds nothing for running containers', () => {
      expect(imagePull.analyze(bundle({ objects: [pod('web-1')] }))).toEqual([]);
    });
  });
});

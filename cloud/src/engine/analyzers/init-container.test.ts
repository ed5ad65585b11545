import { describe, expect, it } from 'vitest';
import { bundle, crashLooping, pod } from './fixtures/bundle-fixtures.ts';
import { initContainer } from './init-container.ts';

const owner = { kind: 'ReplicaSet', name: 'wiki-abc12' };
const labels = { 'pod-template-hash': 'abc12' };

describe('initContainer', () => {
  describe('when an init container keeps failing', () => {
    const [finding] = initContainer.analyze(
      bundle({
        objects: [
          pod('wiki-abc12-x1', {
            owner,
            labels,
            initContainers: [crashLooping('db-migrate', 1)],
            containers: [{ name: 'wiki', ready: false, state: { waiting: { reason: 'PodInitializing' } } }],
          }),
        ],
        logs: [
          {
            pod: 'wiki-abc12-x1',
            container: 'db-migrate',
            previous: true,
            text: 'applying 2024_add_pages.sql\nERROR: relation "pages" already exists (SQLSTATE 42P07)\nmigrate: migration failed\n',
          },
        ],
      }),
    );

    it('names the init container and quotes its errors', () => {
      expect(finding).toMatchObject({
        category: 'init_container_failed',
        resource: 'deployment/wiki',
        confidence: 'high',
      });
      expect(finding?.statement).toContain('init container db-migrate fails (exit code 1, 7 restarts)');
      expect(finding?.statement).toContain('relation "pages" already exists');
    });

    it('reads the init container logs, not the app container', () => {
      expect(finding?.nextSteps.map((s) => s.command)).toContain(
        'kubectl -n shop logs wiki-abc12-x1 -c db-migrate --previous',
      );
    });
  });

  describe('when init containers completed', () => {
    it('finds nothing', () => {
      const done = { name: 'db-migrate', state: { terminated: { exitCode: 0, reason: 'Completed' } } };
      expect(initContainer.analyze(bundle({ objects: [pod('wiki-1', { initContainers: [done] })] }))).toEqual(
        [],
      );
    });
  });
});

import { describe, expect, it } from 'vitest';
import { bundle, event, object, pod } from './fixtures/bundle-fixtures.ts';
import { missingConfigReference } from './missing-config-reference.ts';

const owner = { kind: 'ReplicaSet', name: 'mailer-abc12' };
const labels = { app: 'mailer', 'pod-template-hash': 'abc12' };

function waitingWith(
  message: string,
  extra: { objects?: ReturnType<typeof object>[]; spec?: Record<string, unknown> } = {},
) {
  return bundle({
    objects: [
      pod('mailer-abc12-x1', {
        owner,
        labels,
        ...(extra.spec ? { spec: extra.spec } : {}),
        containers: [
          {
            name: 'mailer',
            ready: false,
            state: { waiting: { reason: 'CreateContainerConfigError', message } },
          },
        ],
      }),
      ...(extra.objects ?? []),
    ],
  });
}

describe('missingConfigReference', () => {
  describe('when a container cannot be created', () => {
    it.each([
      ['missing_secret', 'secret "signing-key" not found', 'Secret signing-key does not exist'],
      [
        'missing_configmap',
        'configmap "mailer-settings" not found',
        'ConfigMap mailer-settings does not exist',
      ],
      [
        'missing_config_key',
        "couldn't find key SMTP_HOST in ConfigMap shop/mailer-config",
        'ConfigMap mailer-config has no key SMTP_HOST',
      ],
    ])('reports %s on the deployment', (category, message, says) => {
      const [finding] = missingConfigReference.analyze(waitingWith(message));
      expect(finding).toMatchObject({ category, resource: 'deployment/mailer', confidence: 'high' });
      expect(finding?.statement).toContain(says);
    });

    it('lists the keys the ConfigMap does have, and how to add the missing one', () => {
      const [finding] = missingConfigReference.analyze(
        waitingWith("couldn't find key SMTP_HOST in ConfigMap shop/mailer-config", {
          objects: [
            object('ConfigMap', 'mailer-config', { data: { SMTP_SERVER: 'smtp', SMTP_PORT: '587' } }),
          ],
        }),
      );
      expect(finding?.statement).toContain('its keys: SMTP_SERVER, SMTP_PORT');
      expect(finding?.nextSteps.map((s) => s.command)).toContain(
        `kubectl -n shop patch configmap mailer-config --type merge -p '{"data":{"SMTP_HOST":"<value>"}}'`,
      );
    });

    it('names the secret key the pod expects in the command that creates it', () => {
      const spec = {
        containers: [
          {
            name: 'mailer',
            env: [{ name: 'KEY', valueFrom: { secretKeyRef: { name: 'signing-key', key: 'private.pem' } } }],
          },
        ],
      };
      const [finding] = missingConfigReference.analyze(
        waitingWith('secret "signing-key" not found', { spec }),
      );
      expect(finding?.nextSteps.map((s) => s.command)).toContain(
        'kubectl -n shop create secret generic signing-key --from-file=private.pem=<path>',
      );
    });
  });

  describe('when a volume cannot be mounted', () => {
    it('reports the missing ConfigMap from the FailedMount event', () => {
      const findings = missingConfigReference.analyze(
        bundle({
          objects: [
            pod('mailer-abc12-x1', {
              owner,
              labels,
              containers: [
                { name: 'mailer', ready: false, state: { waiting: { reason: 'ContainerCreating' } } },
              ],
            }),
          ],
          events: [
            event(
              { kind: 'Pod', name: 'mailer-abc12-x1' },
              'FailedMount',
              'MountVolume.SetUp failed for volume "config" : configmap "mailer-config" not found',
            ),
          ],
        }),
      );
      expect(findings[0]).toMatchObject({ category: 'missing_configmap', resource: 'deployment/mailer' });
    });
  });

  describe('when every reference resolves', () => {
    it('finds nothing', () => {
      expect(missingConfigReference.analyze(bundle({ objects: [pod('mailer-1')] }))).toEqual([]);
    });
  });
});

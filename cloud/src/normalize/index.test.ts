import { ALERT_SOURCES, ValidationError } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { readFixture } from './fixtures/read-fixture.ts';
import { normalize } from './index.ts';

const options = {
  receivedAt: new Date('2026-03-03T12:00:00Z'),
  sns: { verify: false, fetchCertificate: async () => '' },
};

describe('normalize', () => {
  describe('when given each source’s payload', () => {
    it.each([
      ['alertmanager', readFixture('alertmanager/kube-node-not-ready.firing.json')],
      ['grafana', readFixture('grafana/unified-pod-restarting.firing.json')],
      ['datadog', readFixture('datadog/kube-deployment-unavailable.triggered.json')],
      ['cloudwatch', readFixture('cloudwatch/container-insights-pod-cpu.alarm.json')],
      ['generic', { title: 'Disk almost full' }],
    ] as const)('hands %s to its normalizer', async (source, body) => {
      const result = await normalize(source, body, options);
      expect(result.kind === 'alerts' && result.alerts.map((alert) => alert.source)).toEqual([source]);
    });
  });

  describe('when the body is not a JSON object', () => {
    it.each(
      ALERT_SOURCES.flatMap((source) => [null, 'firing', [], 42].map((body) => [source, body] as const)),
    )('%s refuses %j with a ValidationError', async (source, body) => {
      await expect(normalize(source, body, options)).rejects.toBeInstanceOf(ValidationError);
    });
  });

  describe('when the source is not one OpsWorker knows', () => {
    it.each(['pagerduty', '__proto__', 'toString'])('refuses %s', async (source) => {
      const call = normalize(source as never, { title: 'x' }, options);
      await expect(call).rejects.toMatchObject({ name: 'ValidationError', field: 'source' });
    });
  });

  describe('when another source’s payload arrives', () => {
    it('refuses an Alertmanager payload posted as Datadog', async () => {
      const call = normalize('datadog', readFixture('alertmanager/kube-node-not-ready.firing.json'), options);
      await expect(call).rejects.toMatchObject({ name: 'ValidationError', field: 'title' });
    });
  });
});

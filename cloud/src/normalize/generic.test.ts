import { ValidationError } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { expectAlerts, expectOneAlert } from './fixtures/expect-alerts.ts';
import { CORPUS_AVAILABLE, corpusTitle, readCorpusJson } from './fixtures/read-fixture.ts';
import { normalizeGeneric } from './generic.ts';

const options = { receivedAt: new Date('2026-03-03T12:00:00Z') };

/** The example of docs/generic-webhook.md: kept in step with it. */
const documentedExample = {
  title: 'Checkout latency above 2s',
  status: 'firing',
  severity: 'critical',
  description: 'p99 latency of POST /checkout is 2.7s (SLO 2s) for 10 minutes.',
  fingerprint: 'checkout-latency',
  labels: { team: 'payments', service: 'checkout' },
  annotations: { slo: 'checkout-latency-99' },
  startsAt: '2026-03-03T11:50:00Z',
  links: [{ title: 'Dashboard', url: 'https://grafana.example.com/d/checkout' }],
  scope: { cluster: 'prod-eu-1', namespace: 'shop', kind: 'deployments', name: 'checkout' },
};

describe('normalizeGeneric', () => {
  describe('when given the documented example', () => {
    it('keeps every field as sent', async () => {
      const alert = expectOneAlert(await normalizeGeneric(documentedExample, options));
      expect(alert).toEqual({
        source: 'generic',
        fingerprint: 'generic:checkout-latency',
        status: 'firing',
        severity: 'critical',
        title: 'Checkout latency above 2s',
        description: 'p99 latency of POST /checkout is 2.7s (SLO 2s) for 10 minutes.',
        labels: { team: 'payments', service: 'checkout' },
        annotations: { slo: 'checkout-latency-99' },
        startsAt: '2026-03-03T11:50:00.000Z',
        links: [{ title: 'Dashboard', url: 'https://grafana.example.com/d/checkout' }],
        scope: { cluster: 'prod-eu-1', namespace: 'shop', kind: 'deployments', name: 'checkout' },
      });
    });
  });

  describe('when only a title is sent', () => {
    it('fires at warning, from now, with a fingerprint from title and labels', async () => {
      const alert = expectOneAlert(await normalizeGeneric({ title: 'Disk almost full' }, options));
      expect(alert).toMatchObject({
        status: 'firing',
        severity: 'warning',
        startsAt: '2026-03-03T12:00:00.000Z',
        scope: {},
      });
      expect(alert.fingerprint).toMatch(/^generic:[0-9a-f]{32}$/);
    });

    it('resolves the same alert when sent again as resolved', async () => {
      const labels = { host: 'db-1', mount: '/' };
      const firing = expectOneAlert(await normalizeGeneric({ title: 'Disk almost full', labels }, options));
      const resolved = expectOneAlert(
        await normalizeGeneric(
          { title: 'Disk almost full', status: 'resolved', labels: { mount: '/', host: 'db-1' } },
          options,
        ),
      );
      expect(resolved.fingerprint).toBe(firing.fingerprint);
      expect(resolved.endsAt).toBe('2026-03-03T12:00:00.000Z');
    });
  });

  describe('when several alerts are sent at once', () => {
    it('returns each', async () => {
      const body = { alerts: [{ title: 'a' }, { title: 'b', status: 'resolved' }] };
      const alerts = expectAlerts(await normalizeGeneric(body, options));
      expect(alerts.map((alert) => [alert.title, alert.status])).toEqual([
        ['a', 'firing'],
        ['b', 'resolved'],
      ]);
    });
  });

  describe('when the scope is not given', () => {
    it('reads it from Kubernetes labels', async () => {
      const body = { title: 'Pod restarting', labels: { namespace: 'shop', pod: 'api-0', container: 'api' } };
      expect(expectOneAlert(await normalizeGeneric(body, options)).scope).toEqual({
        namespace: 'shop',
        kind: 'pods',
        name: 'api-0',
        container: 'api',
      });
    });
  });

  describe('when words and short names are used', () => {
    it.each([
      ['Deployment', 'deployments'],
      ['statefulset', 'statefulsets'],
      ['pvc', 'persistentvolumeclaims'],
      ['HorizontalPodAutoscaler', 'horizontalpodautoscalers'],
      ['ingress', 'ingresses'],
      ['NetworkPolicy', 'networkpolicies'],
      ['po', 'pods'],
    ])('reads kind %s as %s', async (kind, expected) => {
      const alert = expectOneAlert(
        await normalizeGeneric({ title: 'x', scope: { kind, name: 'y' } }, options),
      );
      expect(alert.scope.kind).toBe(expected);
    });

    it.each([
      ['P1', 'critical'],
      ['high', 'error'],
      ['Warn', 'warning'],
      ['low', 'info'],
    ])('reads severity %s as %s', async (severity, expected) => {
      expect(expectOneAlert(await normalizeGeneric({ title: 'x', severity }, options)).severity).toBe(
        expected,
      );
    });

    it('accepts links given as bare URLs, titled by their host', async () => {
      const alert = expectOneAlert(
        await normalizeGeneric({ title: 'x', links: ['https://runbooks.example.com/disk'] }, options),
      );
      expect(alert.links).toEqual([
        { title: 'runbooks.example.com', url: 'https://runbooks.example.com/disk' },
      ]);
    });
  });

  describe.skipIf(!CORPUS_AVAILABLE)(
    corpusTitle('when a PagerDuty incident from the corpus is posted here'),
    () => {
      it('refuses it on its PagerDuty status rather than guess', async () => {
        // PagerDuty has no normalizer: its `status: "triggered"` must not pass for a generic alert.
        const call = normalizeGeneric(readCorpusJson('pagerduty/keep_pagerduty_incident_data.json'), options);
        await expect(call).rejects.toMatchObject({ name: 'ValidationError', field: 'status' });
      });
    },
  );

  describe('when the payload does not follow the format', () => {
    it.each([
      ['no title', {}, 'title'],
      ['a blank title', { title: '   ' }, 'title'],
      ['an unknown severity', { title: 'x', severity: 'urgent-ish' }, 'severity'],
      ['an unknown status', { title: 'x', status: 'ok' }, 'status'],
      [
        'a kind OpsWorker does not investigate',
        { title: 'x', scope: { kind: 'secrets', name: 'db' } },
        'scope.kind',
      ],
      ['a time without a zone', { title: 'x', startsAt: '2026-03-03T11:50:00' }, 'startsAt'],
      ['a label value that is a number', { title: 'x', labels: { replicas: 3 } }, 'labels.replicas'],
      [
        'a bad alert in a batch',
        { alerts: [{ title: 'ok' }, { title: 'x', severity: 'bogus' }] },
        'alerts.1.severity',
      ],
      ['an empty batch', { alerts: [] }, 'alerts'],
    ])('refuses %s, naming the field', async (_case, body, field) => {
      const call = normalizeGeneric(body, options);
      await expect(call).rejects.toBeInstanceOf(ValidationError);
      await expect(call).rejects.toMatchObject({ field });
    });
  });
});

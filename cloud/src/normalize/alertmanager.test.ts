import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ValidationError } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { normalizeAlertmanager } from './alertmanager.ts';
import { expectAlerts, expectOneAlert } from './fixtures/expect-alerts.ts';
import {
  CORPUS_AVAILABLE,
  CORPUS_DIR,
  corpusTitle,
  readCorpusJson,
  readFixture,
} from './fixtures/read-fixture.ts';

const options = { receivedAt: new Date('2026-03-02T18:00:00Z') };

/**
 * A payload from Alertmanager's documented v4 format: placeholders replaced by values of
 * their type, comments and the `...` continuation removed.
 */
function payloadFromDocumentedFormat(): unknown {
  const documented = readFileSync(path.join(CORPUS_DIR, 'alertmanager/webhook_v4_format.schema.txt'), 'utf8');
  const json = documented
    .replace(/```/g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/^\s*\.\.\.\s*$/gm, '')
    .replace(/"<resolved\|firing>"/g, '"firing"')
    .replace(/"<rfc3339>"/g, '"2026-03-02T09:14:41.282Z"')
    .replace(/<int>/g, '0')
    .replace(/<object>/g, '{}')
    .replace(/<string>/g, '"x"')
    .replace(/,(\s*[}\]])/g, '$1');
  const payload = JSON.parse(json);
  payload.alerts[0].labels = { alertname: 'KubePodNotReady', namespace: 'shop', pod: 'api-0' };
  return payload;
}

describe('normalizeAlertmanager', () => {
  describe.skipIf(!CORPUS_AVAILABLE)(corpusTitle('when given the corpus payloads'), () => {
    it('reads an Alertmanager 0.14 payload, which has neither per-alert status nor fingerprint', async () => {
      const body = readCorpusJson('alertmanager/prometheus-msteams_prom_post_request.json');
      const alert = expectOneAlert(await normalizeAlertmanager(body, options));
      expect(alert).toMatchObject({
        source: 'alertmanager',
        status: 'firing',
        severity: 'warning',
        title: 'Server High Memory usage',
        description: '10.80.40.11 reported high memory usage with 23.28%.',
        startsAt: '2018-03-07T11:33:21.873Z',
        links: [{ title: 'Alertmanager', url: 'http://docker.for.mac.host.internal:9093' }],
        scope: {},
      });
      expect(alert.endsAt).toBeUndefined();
      expect(alert.fingerprint).toMatch(/^alertmanager:[0-9a-f]{32}$/);
    });

    it('derives the same fingerprint for the same label set whatever the label order', async () => {
      const body = readCorpusJson('alertmanager/prometheus-msteams_prom_post_request.json') as {
        alerts: Array<{ labels: Record<string, string> }>;
      };
      const first = expectOneAlert(await normalizeAlertmanager(body, options));
      const [alert] = body.alerts;
      if (alert) alert.labels = Object.fromEntries(Object.entries(alert.labels).reverse());
      const second = expectOneAlert(await normalizeAlertmanager(body, options));
      expect(second.fingerprint).toBe(first.fingerprint);
    });

    it('accepts every field of the documented v4 format', async () => {
      const alert = expectOneAlert(await normalizeAlertmanager(payloadFromDocumentedFormat(), options));
      expect(alert).toMatchObject({
        fingerprint: 'alertmanager:x',
        status: 'firing',
        title: 'KubePodNotReady',
        scope: { namespace: 'shop', kind: 'pods', name: 'api-0' },
      });
    });
  });

  describe('when given kube-prometheus alerts firing and then resolved', () => {
    it.each([
      [
        'kube-pod-crash-looping',
        'warning',
        {
          cluster: 'prod-eu-1',
          namespace: 'shop',
          kind: 'pods',
          name: 'api-7c9d8b6f5-x2x9p',
          container: 'api',
        },
      ],
      [
        'kube-deployment-replicas-mismatch',
        'warning',
        { cluster: 'prod-eu-1', namespace: 'shop', kind: 'deployments', name: 'checkout' },
      ],
      [
        'kube-hpa-maxed-out',
        'warning',
        { cluster: 'prod-eu-1', namespace: 'shop', kind: 'horizontalpodautoscalers', name: 'web' },
      ],
      [
        'kube-node-not-ready',
        'warning',
        { cluster: 'prod-eu-1', kind: 'nodes', name: 'ip-10-0-3-17.eu-west-1.compute.internal' },
      ],
      [
        'kube-persistent-volume-filling-up',
        'critical',
        { cluster: 'prod-eu-1', namespace: 'data', kind: 'persistentvolumeclaims', name: 'data-postgres-0' },
      ],
    ])('%s keeps its fingerprint, severity and scope, and gains an end', async (name, severity, scope) => {
      const firing = expectOneAlert(
        await normalizeAlertmanager(readFixture(`alertmanager/${name}.firing.json`), options),
      );
      const resolved = expectOneAlert(
        await normalizeAlertmanager(readFixture(`alertmanager/${name}.resolved.json`), options),
      );
      expect(firing).toMatchObject({ status: 'firing', severity, scope });
      expect(resolved).toMatchObject({ status: 'resolved', severity, scope });
      expect(resolved.fingerprint).toBe(firing.fingerprint);
      expect(firing.endsAt).toBeUndefined();
      expect(Date.parse(resolved.endsAt ?? '')).toBeGreaterThan(Date.parse(resolved.startsAt));
    });

    it('titles the alert with its summary and links to the query and the runbook', async () => {
      const alert = expectOneAlert(
        await normalizeAlertmanager(readFixture('alertmanager/kube-pod-crash-looping.firing.json'), options),
      );
      expect(alert.title).toBe('Pod is crash looping.');
      expect(alert.description).toBe(
        'Pod shop/api-7c9d8b6f5-x2x9p (api) is in waiting state (reason: "CrashLoopBackOff").',
      );
      expect(alert.fingerprint).toBe('alertmanager:3f9c2b7a1d4e5f60');
      expect(alert.links.map((link) => link.title)).toEqual(['Source', 'Runbook', 'Alertmanager']);
      expect(alert.links[0]?.url).toMatch(
        /^http:\/\/kube-prometheus-stack-prometheus\.monitoring:9090\/graph\?g0\.expr=/,
      );
    });
  });

  describe('when a group holds several alerts', () => {
    it('returns one alert per entry, each with its own status', async () => {
      const firing = readFixture('alertmanager/kube-pod-crash-looping.firing.json') as { alerts: unknown[] };
      const resolved = readFixture('alertmanager/kube-node-not-ready.resolved.json') as { alerts: unknown[] };
      const body = { ...firing, alerts: [...firing.alerts, ...resolved.alerts] };
      const alerts = expectAlerts(await normalizeAlertmanager(body, options));
      expect(alerts.map((alert) => [alert.status, alert.scope.kind])).toEqual([
        ['firing', 'pods'],
        ['resolved', 'nodes'],
      ]);
    });
  });

  describe('when the payload is not Alertmanager’s', () => {
    it.each([
      ['labels that are not a map', { status: 'firing', alerts: [{ labels: 'a=b' }] }, 'alerts.0.labels'],
      [
        'a label value that is not text',
        { status: 'firing', alerts: [{ labels: { replicas: 3 } }] },
        'alerts.0.labels.replicas',
      ],
      ['an unknown status', { status: 'pending', alerts: [] }, 'status'],
      ['no alerts', { status: 'firing' }, 'alerts'],
      [
        'an unreadable start time',
        { status: 'firing', alerts: [{ labels: {}, startsAt: 'yesterday' }] },
        'alerts.0.startsAt',
      ],
    ])('refuses %s, naming the field', async (_case, body, field) => {
      const call = normalizeAlertmanager(body, options);
      await expect(call).rejects.toBeInstanceOf(ValidationError);
      await expect(call).rejects.toMatchObject({ field });
    });
  });
});

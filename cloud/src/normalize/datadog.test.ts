import { ValidationError } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { normalizeDatadog } from './datadog.ts';
import { expectOneAlert } from './fixtures/expect-alerts.ts';
import {
  CORPUS_AVAILABLE,
  corpusTitle,
  readCorpusJson,
  readCorpusJsonLines,
  readFixture,
} from './fixtures/read-fixture.ts';

const options = { receivedAt: new Date('2026-03-03T12:00:00Z') };

interface KeepLine {
  alert_transition: string;
  monitor_id: string;
  scopes: string;
}

describe('normalizeDatadog', () => {
  describe.skipIf(!CORPUS_AVAILABLE)(corpusTitle('when given Datadog’s default payload'), () => {
    it('reads status from the title and the monitor from its footer link', async () => {
      const alert = expectOneAlert(
        await normalizeDatadog(readCorpusJson('datadog/default_payload_service_check_test.json'), options),
      );
      expect(alert).toMatchObject({
        source: 'datadog',
        status: 'firing',
        severity: 'error',
        title: '[TEST] Host Cluster Alert',
        startsAt: '2020-06-03T20:43:05.000Z',
        labels: {
          datadog_monitor_id: '18692904',
          datadog_event_type: 'service_check',
          datadog_org: 'Puppet',
        },
      });
      expect(alert.links.map((link) => link.title)).toEqual(['Monitor Status', 'Edit Monitor']);
    });

    it('keeps the message but not the @-mentions or the footer', async () => {
      const alert = expectOneAlert(
        await normalizeDatadog(readCorpusJson('datadog/default_payload_service_check_test.json'), options),
      );
      expect(alert.description).toBe(
        'Test notification triggered by kenaz@puppet.com.\n\nThe monitor was last triggered at Wed Jun 03 2020 20:43:04 UTC.',
      );
    });
  });

  describe.skipIf(!CORPUS_AVAILABLE)(corpusTitle('when given a day of log-monitor notifications'), () => {
    const lines = () => readCorpusJsonLines('datadog/keep_custom_payload_log_alerts.jsonl.txt') as KeepLine[];

    it('reads every notification, Recovered as resolved and the rest as firing', async () => {
      for (const line of lines()) {
        const alert = expectOneAlert(await normalizeDatadog(line, options));
        expect(alert.status).toBe(line.alert_transition === 'Recovered' ? 'resolved' : 'firing');
      }
      expect(lines().length).toBeGreaterThan(40);
    });

    it('gives the Triggered and Recovered notifications of one monitor group one fingerprint', async () => {
      const fingerprintsByGroup = new Map<string, Set<string>>();
      for (const line of lines()) {
        const alert = expectOneAlert(await normalizeDatadog(line, options));
        const group = `${line.monitor_id} ${line.scopes}`;
        fingerprintsByGroup.set(group, (fingerprintsByGroup.get(group) ?? new Set()).add(alert.fingerprint));
      }
      for (const fingerprints of fingerprintsByGroup.values()) expect(fingerprints.size).toBe(1);
      const all = new Set([...fingerprintsByGroup.values()].flatMap((set) => [...set]));
      expect(all.size).toBe(fingerprintsByGroup.size);
    });

    it('caps a Warn notification of a P2 monitor at warning', async () => {
      const warn = lines().find((line) => line.alert_transition === 'Warn');
      const alert = expectOneAlert(await normalizeDatadog(warn, options));
      expect(alert.severity).toBe('warning');
      expect(alert.labels.datadog_priority).toBe('P2');
    });
  });

  describe('when a monitor on Kubernetes triggers and recovers', () => {
    it('reads the group as scope and keeps one fingerprint', async () => {
      const triggered = expectOneAlert(
        await normalizeDatadog(readFixture('datadog/kube-deployment-unavailable.triggered.json'), options),
      );
      const recovered = expectOneAlert(
        await normalizeDatadog(readFixture('datadog/kube-deployment-unavailable.recovered.json'), options),
      );
      const scope = { cluster: 'prod-eu-1', namespace: 'shop', kind: 'deployments', name: 'checkout' };
      expect(triggered).toMatchObject({
        status: 'firing',
        severity: 'critical',
        title: 'Checkout pods unavailable on kube_deployment:checkout,kube_namespace:shop',
        labels: {
          alertname: 'Checkout pods unavailable',
          env: 'prod',
          team: 'payments',
          datadog_monitor_id: '98124577',
        },
        scope,
      });
      expect(recovered).toMatchObject({
        status: 'resolved',
        severity: 'critical',
        endsAt: '2026-03-03T09:50:11.000Z',
        scope,
      });
      expect(recovered.fingerprint).toBe(triggered.fingerprint);
    });

    it('accepts tags as an array', async () => {
      const body = {
        title: '[Triggered] Pod restarts',
        tags: ['kube_namespace:shop', 'pod_name:api-0', 'kube_container_name:api'],
      };
      const alert = expectOneAlert(await normalizeDatadog(body, options));
      expect(alert.scope).toEqual({ namespace: 'shop', kind: 'pods', name: 'api-0', container: 'api' });
    });
  });

  describe('when the payload is not Datadog’s', () => {
    it.each([
      ['no title', { body: 'x' }, 'title'],
      ['tags that are neither text nor a list', { title: 'x', tags: { env: 'prod' } }, 'tags'],
      ['an unreadable date', { title: 'x', date: 'last tuesday' }, 'date'],
    ])('refuses %s, naming the field', async (_case, body, field) => {
      const call = normalizeDatadog(body, options);
      await expect(call).rejects.toBeInstanceOf(ValidationError);
      await expect(call).rejects.toMatchObject({ field });
    });
  });
});

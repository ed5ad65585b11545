import { ValidationError } from '@opsworker/shared';
import { describe, expect, it } from 'vitest';
import { expectAlerts, expectOneAlert } from './fixtures/expect-alerts.ts';
import { CORPUS_AVAILABLE, corpusTitle, readCorpusJson, readFixture } from './fixtures/read-fixture.ts';
import { normalizeGrafana } from './grafana.ts';

const options = { receivedAt: new Date('2026-03-03T09:00:00Z') };

describe('normalizeGrafana', () => {
  describe.skipIf(!CORPUS_AVAILABLE)(
    corpusTitle('when given the corpus payloads of unified alerting'),
    () => {
      it('returns each alert with Grafana’s fingerprint, summary as title and the query values', async () => {
        const body = readCorpusJson('grafana/unified_alerting_webhook_docs_example.json');
        const alerts = expectAlerts(await normalizeGrafana(body, options));
        expect(alerts.map((alert) => [alert.fingerprint, alert.title])).toEqual([
          ['grafana:c6eadffa33fcdf37', 'This alert was triggered for zone us-1'],
          ['grafana:bc97ff14869b13e3', 'This alert was triggered for zone eu-1'],
        ]);
        expect(alerts[0]).toMatchObject({
          source: 'grafana',
          status: 'firing',
          severity: 'warning',
          description: 'The system has high memory usage',
          startsAt: '2021-10-12T07:51:03.157Z',
          annotations: { values: 'B=44.23943737541908, C=1' },
        });
      });

      it('links to the rule, runbook and silence but not to the empty dashboard URL', async () => {
        const body = readCorpusJson('grafana/unified_alerting_webhook_docs_example.json');
        const [alert] = expectAlerts(await normalizeGrafana(body, options));
        expect(alert?.links.map((link) => link.title)).toEqual(['Source', 'Runbook', 'Silence', 'Grafana']);
      });

      it('resolves Grafana 12’s relative generatorURL against its externalURL', async () => {
        const alert = expectOneAlert(
          await normalizeGrafana(readCorpusJson('grafana/grafana12_test_alert.derived.json'), options),
        );
        expect(alert.links[0]).toEqual({ title: 'Source', url: 'https://grafana.example.com/?orgId=1' });
        expect(alert.links.map((link) => link.title)).toEqual([
          'Source',
          'Dashboard',
          'Panel',
          'Silence',
          'Grafana',
        ]);
        expect(alert.annotations.values).toBe("[ var='B' value=22 ]");
        expect(alert.fingerprint).toBe('grafana:c4edaaf9f9f839b0');
      });
    },
  );

  describe.skipIf(!CORPUS_AVAILABLE)(corpusTitle('when given the corpus payload of legacy alerting'), () => {
    const legacy = () =>
      readCorpusJson('grafana/legacy_alerting_webhook_docs_example.json') as Record<string, unknown>;

    it('reads the rule as one firing alert', async () => {
      const alert = expectOneAlert(await normalizeGrafana(legacy(), options));
      expect(alert).toMatchObject({
        source: 'grafana',
        status: 'firing',
        title: 'Panel Title alert',
        description: 'Notification Message',
        labels: { 'tag name': 'tag value', alertname: 'Panel Title alert' },
        annotations: { grafana_state: 'alerting', values: 'Count=1' },
        startsAt: '2026-03-03T09:00:00.000Z',
      });
      expect(alert.links.map((link) => link.title)).toEqual(['Rule', 'Image']);
    });

    it('resolves on state ok with the same fingerprint', async () => {
      const firing = expectOneAlert(await normalizeGrafana(legacy(), options));
      const ok = expectOneAlert(
        await normalizeGrafana({ ...legacy(), state: 'ok', evalMatches: [] }, options),
      );
      expect(ok.status).toBe('resolved');
      expect(ok.endsAt).toBe('2026-03-03T09:00:00.000Z');
      expect(ok.fingerprint).toBe(firing.fingerprint);
      expect(firing.fingerprint).toMatch(/^grafana:[0-9a-f]{32}$/);
    });

    it('tells rules apart by their tags', async () => {
      const first = expectOneAlert(await normalizeGrafana(legacy(), options));
      const other = expectOneAlert(
        await normalizeGrafana({ ...legacy(), tags: { 'tag name': 'other' } }, options),
      );
      expect(other.fingerprint).not.toBe(first.fingerprint);
    });

    it.each(['pending', 'paused'])('ignores a rule that is %s', async (state) => {
      const result = await normalizeGrafana({ ...legacy(), state }, options);
      expect(result).toEqual({ kind: 'ignored', reason: `grafana rule is ${state}, not alerting` });
    });

    it('reads the scope from the tags of a single evaluated series', async () => {
      const body = {
        ...legacy(),
        evalMatches: [{ metric: 'restarts', value: 7, tags: { namespace: 'shop', pod: 'api-0' } }],
      };
      const alert = expectOneAlert(await normalizeGrafana(body, options));
      expect(alert.scope).toEqual({ namespace: 'shop', kind: 'pods', name: 'api-0' });
    });
  });

  describe('when a unified alert carries Kubernetes labels', () => {
    it('takes severity from the label and the pod as scope, firing then resolved', async () => {
      const firing = expectOneAlert(
        await normalizeGrafana(readFixture('grafana/unified-pod-restarting.firing.json'), options),
      );
      const resolved = expectOneAlert(
        await normalizeGrafana(readFixture('grafana/unified-pod-restarting.resolved.json'), options),
      );
      const scope = {
        cluster: 'prod-eu-1',
        namespace: 'payments',
        kind: 'pods',
        name: 'ledger-worker-5f7d9c8b4-m2kq8',
        container: 'worker',
      };
      expect(firing).toMatchObject({
        status: 'firing',
        severity: 'critical',
        title: 'ledger-worker restarting often',
        scope,
      });
      expect(resolved).toMatchObject({
        status: 'resolved',
        severity: 'critical',
        endsAt: '2026-03-03T08:47:00.000Z',
        scope,
      });
      expect(resolved.fingerprint).toBe(firing.fingerprint);
      expect(resolved.annotations.values).toBeUndefined();
    });
  });

  describe('when the payload is not Grafana’s', () => {
    it.each([
      ['a legacy rule without id or name', { state: 'alerting', title: 'x' }, 'ruleName'],
      ['a legacy rule in an unknown state', { ruleId: 1, state: 'firing' }, 'state'],
      [
        'unified alerts without labels',
        { status: 'firing', alerts: [{ annotations: {} }] },
        'alerts.0.labels',
      ],
    ])('refuses %s, naming the field', async (_case, body, field) => {
      const call = normalizeGrafana(body, options);
      await expect(call).rejects.toBeInstanceOf(ValidationError);
      await expect(call).rejects.toMatchObject({ field });
    });
  });
});

describe('normalizeGrafana, fuzzed values', () => {
  // Regression (fuzz seed 1953620515): an object in `values` made String() throw, a 500.
  it('refuses a query value that is not a number, naming the field', async () => {
    const { normalize } = await import('./index.ts');
    const payload = {
      receiver: 'x',
      status: 'firing',
      alerts: [
        { status: 'firing', labels: { alertname: 'A' }, annotations: {}, values: { C: { toString: 1 } } },
      ],
    };
    await expect(normalize('grafana', payload, { receivedAt: new Date() })).rejects.toThrow(
      /alerts\.0\.values\.C/,
    );
  });
});

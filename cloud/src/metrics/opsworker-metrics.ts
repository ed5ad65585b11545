import { Counter, Gauge, Histogram, MetricsRegistry } from './metrics-registry.ts';

/** The counters and histograms the backend updates; gauges are added by whoever owns the data. */
export function createOpsWorkerMetrics() {
  const registry = new MetricsRegistry();
  return {
    registry,
    alertsReceived: registry.register(
      new Counter('opsworker_alerts_received_total', 'Alert notifications accepted, by source and status.'),
    ),
    webhookRejected: registry.register(
      new Counter(
        'opsworker_webhook_rejected_total',
        'Webhook deliveries refused, by source and HTTP status.',
      ),
    ),
    decisions: registry.register(new Counter('opsworker_rule_decisions_total', 'Rule decisions, by action.')),
    investigationsOpened: registry.register(
      new Counter('opsworker_investigations_opened_total', 'Investigations opened, by trigger.'),
    ),
    investigationsFinished: registry.register(
      new Counter(
        'opsworker_investigations_finished_total',
        'Investigations finished, by status and outcome.',
      ),
    ),
    investigations: registry.register(
      new Gauge('opsworker_investigations', 'Investigations stored, by organization, status and outcome.'),
    ),
    ingestApplySeconds: registry.register(
      new Histogram(
        'opsworker_ingest_apply_seconds',
        'Time to apply a batch of accepted deliveries, from its first delivery to stored.',
      ),
    ),
    investigationSeconds: registry.register(
      new Histogram(
        'opsworker_investigation_duration_seconds',
        'Time from an investigation opening to its end.',
      ),
    ),
  };
}

export type OpsWorkerMetrics = ReturnType<typeof createOpsWorkerMetrics>;

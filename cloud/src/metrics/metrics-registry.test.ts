import { describe, expect, it } from 'vitest';
import { Counter, Histogram, MetricsRegistry } from './metrics-registry.ts';

describe('MetricsRegistry', () => {
  it('counts per label set in the Prometheus text format', () => {
    const registry = new MetricsRegistry();
    const received = registry.register(new Counter('alerts_total', 'Alerts received.'));
    received.inc({ source: 'grafana', status: 'firing' });
    received.inc({ source: 'grafana', status: 'firing' }, 2);
    received.inc({ source: 'datadog', status: 'resolved' });
    received.inc();
    expect(registry.render()).toBe(
      [
        '# HELP alerts_total Alerts received.',
        '# TYPE alerts_total counter',
        'alerts_total{source="grafana",status="firing"} 3',
        'alerts_total{source="datadog",status="resolved"} 1',
        'alerts_total 1',
        '',
      ].join('\n'),
    );
  });

  it('counts through a series handle into the same series as inc with the same labels', () => {
    const counter = new Counter('c', 'h');
    const firing = counter.series({ source: 'grafana', status: 'firing' });
    // A series taken but never bumped is not rendered.
    counter.series({ source: 'grafana', status: 'resolved' });
    expect(counter.render()).not.toContain('c{');
    firing.inc();
    counter.inc({ source: 'grafana', status: 'firing' });
    firing.inc(3);
    expect(counter.render()).toBe('# HELP c h\n# TYPE c counter\nc{source="grafana",status="firing"} 5\n');
  });

  it('escapes backslashes, quotes and newlines in label values, and keeps such series apart', () => {
    const counter = new Counter('c', 'h');
    counter.inc({ rule: 'say "hi"\\n\nnext' });
    counter.inc({ rule: 'say hi' });
    expect(counter.render()).toContain('c{rule="say \\"hi\\"\\\\n\\nnext"} 1\n');
    expect(counter.render()).toContain('c{rule="say hi"} 1\n');
  });

  it('renders histogram buckets cumulatively with the labels before le', () => {
    const histogram = new Histogram('d_seconds', 'h', [0.1, 1]);
    histogram.observe(0.05, { stage: 'triage' });
    histogram.observe(0.5, { stage: 'triage' });
    expect(histogram.render()).toContain(
      [
        'd_seconds_bucket{stage="triage",le="0.1"} 1',
        'd_seconds_bucket{stage="triage",le="1"} 2',
        'd_seconds_bucket{stage="triage",le="+Inf"} 2',
        'd_seconds_sum{stage="triage"} 0.55',
        'd_seconds_count{stage="triage"} 2',
      ].join('\n'),
    );
  });
});

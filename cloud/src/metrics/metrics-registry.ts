type Labels = Record<string, string>;

interface Metric {
  render(): string;
}

const NEEDS_ESCAPE = /[\\"\n]/;

function escapeValue(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/**
 * `{name="value",…}`, also the key a series is found by. Counters are bumped for every alert
 * received, so this avoids intermediate arrays and escapes only values that need it.
 */
function labelText(labels: Labels): string {
  let text = '';
  for (const name in labels) text += `${text ? ',' : ''}${name}="${escapeValue(labels[name]!)}"`;
  return text ? `{${text}}` : '';
}

function header(name: string, help: string, type: string): string {
  return `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n`;
}

/** One label set's count, held by a caller that bumps it on a hot path. */
export interface CounterSeries {
  inc(by?: number): void;
}

/** A monotonically increasing count per label set. */
export class Counter implements Metric {
  readonly #values = new Map<string, { labels: Labels; value: number }>();
  readonly name: string;
  readonly help: string;

  constructor(name: string, help: string) {
    this.name = name;
    this.help = help;
  }

  inc(labels: Labels = {}, by = 1): void {
    this.#entry(labelText(labels), labels).value += by;
  }

  /**
   * The series of one label set, its key built once: for counts bumped for every alert
   * received, where building the key each time was most of the cost. It is rendered only once
   * it has been bumped.
   */
  series(labels: Labels): CounterSeries {
    const key = labelText(labels);
    let entry: { value: number } | undefined;
    return {
      inc: (by = 1) => {
        entry ??= this.#entry(key, labels);
        entry.value += by;
      },
    };
  }

  #entry(key: string, labels: Labels): { value: number } {
    let entry = this.#values.get(key);
    if (!entry) {
      entry = { labels, value: 0 };
      this.#values.set(key, entry);
    }
    return entry;
  }

  render(): string {
    let out = header(this.name, this.help, 'counter');
    for (const [key, { value }] of this.#values) out += `${this.name}${key} ${value}\n`;
    return out;
  }
}

/** A current value per label set, refreshed before each scrape (e.g. investigations by status). */
export class Gauge implements Metric {
  readonly name: string;
  readonly help: string;
  #values = new Map<string, number>();

  constructor(name: string, help: string) {
    this.name = name;
    this.help = help;
  }

  /** Replaces every series at once, so label sets that disappeared are dropped. */
  replace(series: { labels: Labels; value: number }[]): void {
    this.#values = new Map(series.map(({ labels, value }) => [labelText(labels), value]));
  }

  render(): string {
    let out = header(this.name, this.help, 'gauge');
    for (const [key, value] of this.#values) out += `${this.name}${key} ${value}\n`;
    return out;
  }
}

/** Durations in seconds, in cumulative buckets, per label set. */
export class Histogram implements Metric {
  readonly name: string;
  readonly help: string;
  readonly #buckets: number[];
  readonly #series = new Map<string, { counts: number[]; sum: number; count: number }>();

  constructor(
    name: string,
    help: string,
    buckets = [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  ) {
    this.name = name;
    this.help = help;
    this.#buckets = buckets;
  }

  observe(seconds: number, labels: Labels = {}): void {
    const key = labelText(labels);
    let series = this.#series.get(key);
    if (!series) {
      series = { counts: this.#buckets.map(() => 0), sum: 0, count: 0 };
      this.#series.set(key, series);
    }
    this.#buckets.forEach((bound, i) => {
      if (seconds <= bound) series.counts[i]!++;
    });
    series.sum += seconds;
    series.count++;
  }

  render(): string {
    let out = header(this.name, this.help, 'histogram');
    for (const [key, series] of this.#series) {
      const inner = key.slice(1, -1);
      const withLe = (le: string) => `{${inner ? `${inner},` : ''}le="${le}"}`;
      this.#buckets.forEach((bound, i) => {
        out += `${this.name}_bucket${withLe(String(bound))} ${series.counts[i]}\n`;
      });
      out += `${this.name}_bucket${withLe('+Inf')} ${series.count}\n`;
      out += `${this.name}_sum${key} ${series.sum}\n${this.name}_count${key} ${series.count}\n`;
    }
    return out;
  }
}

/** The metrics a process exposes on `/metrics`, in the Prometheus text format. */
export class MetricsRegistry {
  readonly #metrics: Metric[] = [];

  register<T extends Metric>(metric: T): T {
    this.#metrics.push(metric);
    return metric;
  }

  render(): string {
    return this.#metrics.map((metric) => metric.render()).join('');
  }
}

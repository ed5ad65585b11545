import { readFileSync } from 'node:fs';
import { PLANTED_TEXTS, PLANTED_VALUES } from './corpus/planted-secrets.ts';
import { redactText } from './redact-text.ts';
import { redactValue } from './redact-value.ts';

export type RedactionMeasurement = {
  /** Planted secrets that no longer appear after redaction; `rate` should be 1. */
  planted: { total: number; redacted: number; rate: number; missed: string[] };
  /** Ordinary log lines that redaction changed anyway; `rate` should be ~0. */
  ordinary: {
    lines: number;
    changed: number;
    rate: number;
    changedLines: Array<{ before: string; after: string }>;
  };
  /** redactText over a multi-megabyte log, in MB/s (median of three runs). */
  throughputMBps: number;
};

/** The realistic log corpus (Go, Java, Python, nginx, envoy, JSON, Kubernetes events and manifests). */
export function ordinaryLogLines(): string[] {
  const text = readFileSync(new URL('./corpus/ordinary-logs.log', import.meta.url), 'utf8');
  return text.split('\n').filter((line) => line.length > 0);
}

function measureThroughput(lines: string[]): number {
  const block = lines.join('\n');
  const sample = block.repeat(Math.ceil((4 * 1024 * 1024) / block.length));
  const megabytes = Buffer.byteLength(sample) / 1e6;
  const runs = [0, 1, 2].map(() => {
    const start = performance.now();
    redactText(sample);
    return megabytes / ((performance.now() - start) / 1000);
  });
  return runs.sort((a, b) => a - b)[1] ?? 0;
}

/** Runs the planted-secrets and ordinary-log corpora through redaction and reports both rates. */
export function measureRedaction(): RedactionMeasurement {
  const missed: string[] = [];
  for (const { context, text, secret } of PLANTED_TEXTS) {
    if (redactText(text).includes(secret)) missed.push(context);
  }
  for (const { context, value, secret } of PLANTED_VALUES) {
    if (JSON.stringify(redactValue(value)).includes(JSON.stringify(secret).slice(1, -1)))
      missed.push(context);
  }
  const total = PLANTED_TEXTS.length + PLANTED_VALUES.length;

  const lines = ordinaryLogLines();
  const changedLines = lines
    .map((before) => ({ before, after: redactText(before) }))
    .filter(({ before, after }) => before !== after);

  return {
    planted: { total, redacted: total - missed.length, rate: (total - missed.length) / total, missed },
    ordinary: {
      lines: lines.length,
      changed: changedLines.length,
      rate: changedLines.length / lines.length,
      changedLines,
    },
    throughputMBps: measureThroughput(lines),
  };
}

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StringMap } from './string-map.ts';
import { parseWith } from './validation.ts';

const Payload = z.object({
  alerts: z.array(z.object({ labels: StringMap, annotations: StringMap.optional() })),
});
const parse = (labels: unknown) => parseWith(Payload, { alerts: [{ labels }] }, 'payload');

describe('StringMap', () => {
  it('passes a map of strings through as it is', () => {
    const labels = { alertname: 'KubePodCrashLooping', severity: 'warning' };
    expect(parse(labels).alerts[0]!.labels).toBe(labels);
  });

  it('names the key whose value is not a string', () => {
    expect(() => parse({ alertname: 'X', severity: 3 })).toThrow(
      'payload: alerts.0.labels.severity: Invalid input: expected string, received number',
    );
    expect(() => parse({ nested: { a: 'b' } })).toThrow(
      'alerts.0.labels.nested: Invalid input: expected string',
    );
  });

  it('refuses what is not a record at all', () => {
    expect(() => parse(['a'])).toThrow(
      'payload: alerts.0.labels: Invalid input: expected record, received array',
    );
    expect(() => parse(null)).toThrow('expected record, received null');
    expect(() => parse('severity=warning')).toThrow('expected record, received string');
  });

  it('drops a "__proto__" key from JSON instead of keeping it', () => {
    const labels = parse(JSON.parse('{"__proto__": "x", "team": "shop"}')).alerts[0]!.labels;
    expect(Object.keys(labels)).toEqual(['team']);
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
  });

  it('stays optional where the schema says so', () => {
    expect(parseWith(Payload, { alerts: [{ labels: {} }] }).alerts[0]!.annotations).toBeUndefined();
  });
});

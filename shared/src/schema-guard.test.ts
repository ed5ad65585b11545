import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from './errors.ts';
import { guardFor } from './schema-guard.ts';
import { StringMap } from './string-map.ts';
import { parseWith, readWith } from './validation.ts';

/** Each schema the guard compiles, with values zod accepts and refuses. */
const CASES: [string, z.ZodType, unknown[]][] = [
  ['string', z.string(), ['', 'a', 1, null, undefined, {}]],
  ['string with length limits', z.string().min(2).max(3), ['a', 'ab', 'abc', 'abcd', 3]],
  ['number', z.number(), [0, -1.5, Number.POSITIVE_INFINITY, Number.NaN, '1', null]],
  ['boolean', z.boolean(), [true, false, 0, 'true']],
  ['enum', z.enum(['firing', 'resolved']), ['firing', 'resolved', 'pending', '', undefined]],
  ['literal', z.literal('Notification'), ['Notification', 'notification', undefined]],
  ['optional', z.string().optional(), ['a', undefined, null, 1]],
  ['nullable', z.number().nullable(), [1, null, undefined, 'x']],
  ['array', z.array(z.string()), [[], ['a', 'b'], ['a', 1], 'a', {}, null]],
  ['array with a minimum', z.array(z.string()).min(1), [[], ['a']]],
  ['union', z.union([z.string(), z.number()]), ['a', 1, true, null]],
  [
    'record of numbers',
    z.record(z.string(), z.number().nullable()),
    [{}, { a: 1, b: null }, { a: '1' }, [], null],
  ],
  ['StringMap', StringMap, [{}, { a: 'b' }, { a: 1 }, [], 'a=b']],
  [
    'object',
    z.object({ status: z.enum(['firing', 'resolved']), labels: StringMap, note: z.string().optional() }),
    [
      { status: 'firing', labels: {} },
      { status: 'firing', labels: { a: 'b' }, note: 'n', unknown: [1] },
      { status: 'firing', labels: { a: 2 } },
      { status: 'firing' },
      { labels: {}, note: 'n' },
      [],
      null,
      'firing',
    ],
  ],
];

describe('guardFor', () => {
  it.each(CASES)('agrees with zod on every value for %s', (_name, schema, values) => {
    const guard = guardFor(schema);
    expect(guard).toBeDefined();
    for (const value of values)
      expect([value, guard!(value)]).toEqual([value, schema.safeParse(value).success]);
  });

  it('leaves a "__proto__" key, as JSON.parse makes it, to zod', () => {
    const body = JSON.parse('{"__proto__":"x","a":"b"}');
    expect(guardFor(StringMap)!(body)).toBe(false);
    expect(guardFor(z.record(z.string(), z.string()))!(body)).toBe(false);
  });

  it.each([
    ['a transform', z.string().transform((text) => text.trim())],
    ['a default', z.string().default('x')],
    ['a refinement', z.object({ a: z.string() }).refine((value) => value.a !== 'b')],
    ['a format check', z.string().url()],
    ['a trim', z.string().trim()],
    ['a strict object', z.object({ a: z.string() }).strict()],
    ['an object with a field it cannot read', z.object({ a: z.string(), b: z.string().regex(/x/) })],
  ])('leaves a schema with %s to zod', (_name, schema) => {
    expect(guardFor(schema)).toBeUndefined();
  });
});

describe('readWith', () => {
  const Payload = z.object({
    status: z.enum(['firing', 'resolved']),
    alerts: z.array(z.object({ labels: StringMap })),
  });

  it('returns valid input as it came, unknown keys included', () => {
    const body = { status: 'firing', receiver: 'opsworker', alerts: [{ labels: { a: 'b' } }] };
    expect(readWith(Payload, body, 'payload')).toBe(body);
  });

  it('fails invalid input exactly as parseWith does', () => {
    const body = { status: 'firing', alerts: [{ labels: { a: 3 } }] };
    const failure = (parse: () => unknown) => {
      try {
        parse();
      } catch (error) {
        return error;
      }
      throw new Error('expected a failure');
    };
    const read = failure(() => readWith(Payload, body, 'payload'));
    expect(read).toBeInstanceOf(ValidationError);
    expect(read).toEqual(failure(() => parseWith(Payload, body, 'payload')));
    expect(read).toMatchObject({ field: 'alerts.0.labels.a' });
  });

  it('still transforms through zod when the schema has no guard', () => {
    const Trimmed = z.object({ name: z.string().trim() });
    expect(readWith(Trimmed, { name: ' api ' })).toEqual({ name: 'api' });
  });
});

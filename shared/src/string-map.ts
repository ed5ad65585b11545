import { z } from 'zod';
import { declareGuard, guardFor } from './schema-guard.ts';

const DetailedStringMap = z.record(z.string(), z.string());

/**
 * A plain object whose values are all strings, as labels and annotations arrive in JSON: the
 * record's own compiled guard (a `__proto__` key, which JSON.parse makes an own key and zod's
 * record drops, is left to zod).
 */
const isStringMap = guardFor(DetailedStringMap)!;

/**
 * A string-to-string record (labels, annotations, tags). Every webhook delivery validates
 * several of these, and zod's record visits each key through two schemas and copies the
 * object: a valid map is checked in one loop and passed through as it is. Anything else goes
 * through zod's record, so errors name the same field (`labels.severity: expected string`).
 */
export const StringMap = z.unknown().transform((value, context): Record<string, string> => {
  if (isStringMap(value)) return value as Record<string, string>;
  const result = DetailedStringMap.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues)
    context.issues.push({ code: 'custom', message: issue.message, path: issue.path, input: value });
  return z.NEVER;
});

declareGuard(StringMap, isStringMap);

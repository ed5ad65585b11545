import { z } from 'zod';
import { declareGuard } from './schema-guard.ts';

const DetailedStringMap = z.record(z.string(), z.string());

/** A plain object whose own values are all strings, as labels and annotations arrive in JSON. */
function isStringMap(value: unknown): value is Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  for (const key in value) {
    // JSON.parse makes "__proto__" an own key; the detailed schema drops it, so it decides.
    if (key === '__proto__' || typeof (value as Record<string, unknown>)[key] !== 'string') return false;
  }
  return true;
}

/**
 * A string-to-string record (labels, annotations, tags). Every webhook delivery validates
 * several of these, and zod's record visits each key through two schemas and copies the
 * object: a valid map is checked in one loop and passed through as it is. Anything else goes
 * through zod's record, so errors name the same field (`labels.severity: expected string`).
 */
export const StringMap = z.unknown().transform((value, context): Record<string, string> => {
  if (isStringMap(value)) return value;
  const result = DetailedStringMap.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues)
    context.issues.push({ code: 'custom', message: issue.message, path: issue.path, input: value });
  return z.NEVER;
});

declareGuard(StringMap, isStringMap);

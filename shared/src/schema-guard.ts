import type { z } from 'zod';

/** True when zod would accept the value and give back the same data (unknown keys aside). */
export type Guard = (value: unknown) => boolean;

/** Guards for schemas the compiler cannot read (transforms that keep valid input as it is). */
const declared = new WeakMap<z.ZodType, Guard>();
/** Compiled guards, or null for a schema that has none. */
const compiled = new WeakMap<z.ZodType, Guard | null>();

/**
 * Declares how to check `schema` without zod. Only for a schema whose output is its input
 * whenever the guard holds (StringMap: a transform that passes a valid map through).
 */
export function declareGuard(schema: z.ZodType, guard: Guard): void {
  declared.set(schema, guard);
}

/**
 * A plain-JavaScript check equivalent to zod's acceptance of `schema`, for the shapes webhook
 * payloads are described with (objects, arrays, strings with length limits, enums, literals,
 * unions, optional and nullable), or undefined when any part of it transforms, defaults or
 * refines: then only zod can say. Zod's object and record parsers visit every key through
 * generic code and copy as they go; on every webhook delivery that was a third of normalizing.
 */
export function guardFor(schema: z.ZodType): Guard | undefined {
  let guard = compiled.get(schema);
  if (guard === undefined) {
    guard = compile(schema) ?? null;
    compiled.set(schema, guard);
  }
  return guard ?? undefined;
}

interface LengthCheck {
  _zod: { def: { check: string; minimum?: number; maximum?: number } };
}

interface SchemaDef {
  type: string;
  checks?: LengthCheck[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
}

/** Zod 4's description of a schema (`schema._zod.def`): its kind, checks and parts. */
function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

function compile(schema: z.ZodType): Guard | undefined {
  const own = declared.get(schema);
  if (own) return own;
  const def = defOf(schema);
  // Refinements live among the checks: only strings' and arrays' lengths are understood here.
  if (def.checks?.length && def.type !== 'string' && def.type !== 'array') return undefined;
  switch (def.type) {
    case 'string':
      return withLength(def.checks, (value) => typeof value === 'string');
    case 'number':
      // Zod's number refuses Infinity and NaN.
      return (value) => typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'enum': {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return (value) => allowed.has(value as string);
    }
    case 'literal': {
      const allowed = new Set(def.values);
      return (value) => allowed.has(value);
    }
    case 'optional':
      return inner(def.innerType, (check) => (value) => value === undefined || check(value));
    case 'nullable':
      return inner(def.innerType, (check) => (value) => value === null || check(value));
    case 'array':
      return inner(def.element, (check) =>
        withLength(def.checks, (value) => Array.isArray(value) && value.every((item) => check(item))),
      );
    case 'record':
      return compileRecord(def);
    case 'union':
      return compileUnion(def);
    case 'object':
      return compileObject(def);
    default:
      return undefined;
  }
}

function inner(schema: z.ZodType | undefined, wrap: (check: Guard) => Guard | undefined): Guard | undefined {
  const check = schema && guardFor(schema);
  return check && wrap(check);
}

/** Strings' and arrays' `min`/`max`: any other check (a format, a regex, a trim) is zod's. */
function withLength(checks: LengthCheck[] | undefined, guard: Guard): Guard | undefined {
  if (!checks?.length) return guard;
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  for (const { _zod } of checks) {
    const { check, minimum, maximum } = _zod.def;
    if (check === 'min_length' && minimum !== undefined) min = Math.max(min, minimum);
    else if (check === 'max_length' && maximum !== undefined) max = Math.min(max, maximum);
    else return undefined;
  }
  return (value) =>
    guard(value) &&
    (value as { length: number }).length >= min &&
    (value as { length: number }).length <= max;
}

function compileUnion(def: SchemaDef): Guard | undefined {
  const options = (def.options ?? []).map((option) => guardFor(option));
  if (options.length === 0 || options.some((option) => option === undefined)) return undefined;
  const checks = options as Guard[];
  return (value) => checks.some((check) => check(value));
}

/** A record with string keys, as JSON objects have: a `__proto__` key is left to zod. */
function compileRecord(def: SchemaDef): Guard | undefined {
  const keyDef = def.keyType && defOf(def.keyType);
  if (keyDef?.type !== 'string' || keyDef.checks?.length) return undefined;
  return inner(def.valueType, (check) => (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return false;
    for (const key in value) {
      if (key === '__proto__' || !check((value as Record<string, unknown>)[key])) return false;
    }
    return true;
  });
}

/** Zod's default object: known keys checked, unknown keys allowed (zod drops them; readers ignore them). */
function compileObject(def: SchemaDef): Guard | undefined {
  if (def.catchall && defOf(def.catchall).type !== 'unknown') return undefined;
  const fields: [string, Guard][] = [];
  for (const [key, field] of Object.entries(def.shape ?? {})) {
    const check = guardFor(field);
    if (!check) return undefined;
    fields.push([key, check]);
  }
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    for (const [key, check] of fields) if (!check((value as Record<string, unknown>)[key])) return false;
    return true;
  };
}

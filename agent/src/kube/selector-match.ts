import type { KubeObject } from './kube-types.ts';

/**
 * Label and field selector matching for the in-memory reader, covering what the API server
 * accepts: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`; field selectors with
 * `=`, `==` and `!=` on dotted paths.
 */

type Requirement = (get: (key: string) => string | undefined) => boolean;

function splitTopLevel(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim()) parts.push(current.trim());
  return parts.filter(Boolean);
}

function requirement(part: string): Requirement {
  const set = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part);
  if (set) {
    const [, key = '', op, list = ''] = set;
    const values = new Set(list.split(',').map((v) => v.trim()));
    return (get) => {
      const value = get(key);
      return op === 'in'
        ? value !== undefined && values.has(value)
        : value === undefined || !values.has(value);
    };
  }
  const notEqual = /^([^!=]+)!=(.*)$/.exec(part);
  if (notEqual) return (get) => get(notEqual[1]?.trim() ?? '') !== notEqual[2]?.trim();
  const equal = /^([^!=]+)==?(.*)$/.exec(part);
  if (equal) return (get) => get(equal[1]?.trim() ?? '') === equal[2]?.trim();
  if (part.startsWith('!')) return (get) => get(part.slice(1).trim()) === undefined;
  return (get) => get(part) !== undefined;
}

/** True when the labels satisfy every requirement of the selector. */
export function matchesLabelSelector(labels: Record<string, string> | undefined, selector: string): boolean {
  return splitTopLevel(selector).every((part) => requirement(part)((key) => labels?.[key]));
}

function fieldValue(object: KubeObject, path: string): string | undefined {
  let current: unknown = object;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current === undefined || current === null ? undefined : String(current);
}

/** True when the object satisfies every `path=value` / `path!=value` term. */
export function matchesFieldSelector(object: KubeObject, selector: string): boolean {
  return splitTopLevel(selector).every((part) => requirement(part)((path) => fieldValue(object, path) ?? ''));
}

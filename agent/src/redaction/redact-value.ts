import { REDACTED, redactText } from './redact-text.ts';
import { isSecretName } from './secret-names.ts';

const FLAG = /^--?[A-Za-z0-9][A-Za-z0-9_.-]*$/;

function redactArray(values: unknown[]): unknown[] {
  let out: unknown[] | undefined;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const previous = i > 0 ? values[i - 1] : undefined;
    // ["--password", "hunter2"]: the flag's value is the next element.
    const afterSecretFlag = typeof previous === 'string' && FLAG.test(previous) && isSecretName(previous);
    const redacted =
      afterSecretFlag && typeof value === 'string' && value !== '' ? REDACTED : redactValue(value);
    if (redacted !== value && out === undefined) out = values.slice(0, i);
    out?.push(redacted);
  }
  return out ?? values;
}

function redactObject(object: Record<string, unknown>): Record<string, unknown> {
  // An env var or any {name, value} pair whose name is secret-like: the value goes.
  const secretPair = typeof object.name === 'string' && 'value' in object && isSecretName(object.name);
  let out: Record<string, unknown> | undefined;
  for (const key in object) {
    const value = object[key];
    const redacted =
      typeof value === 'string' && value !== '' && ((secretPair && key === 'value') || isSecretName(key))
        ? REDACTED
        : redactValue(value);
    if (redacted === value) continue;
    out ??= { ...object };
    out[key] = redacted;
  }
  return out ?? object;
}

/**
 * Any JSON value, redacted: strings go through redactText; values under
 * secret-like keys (`password: ...`, `apiKey: ...`) and of secret-like env vars
 * (`{ name: 'DB_PASSWORD', value: ... }`) are replaced whole; values after a secret flag in an
 * argument list (`["--token", "..."]`) too. Copy on write: what holds no secret is returned as
 * it is, so a 500-pod list without secrets costs no second copy of itself; what does is copied
 * up to the root, and the input is never changed.
 */
export function redactValue<T>(value: T): T;
export function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return redactArray(value);
  if (value !== null && typeof value === 'object') return redactObject(value as Record<string, unknown>);
  return value;
}

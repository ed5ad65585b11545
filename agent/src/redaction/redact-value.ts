import { REDACTED, redactText } from './redact-text.ts';
import { isSecretName } from './secret-names.ts';

const FLAG = /^--?[A-Za-z0-9][A-Za-z0-9_.-]*$/;

function redactArray(values: unknown[]): unknown[] {
  const out = new Array<unknown>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const previous = i > 0 ? values[i - 1] : undefined;
    // ["--password", "hunter2"]: the flag's value is the next element.
    const afterSecretFlag = typeof previous === 'string' && FLAG.test(previous) && isSecretName(previous);
    out[i] = afterSecretFlag && typeof value === 'string' && value !== '' ? REDACTED : redactValue(value);
  }
  return out;
}

function redactObject(object: Record<string, unknown>): Record<string, unknown> {
  // An env var or any {name, value} pair whose name is secret-like: the value goes.
  const secretPair = typeof object.name === 'string' && 'value' in object && isSecretName(object.name);
  const out: Record<string, unknown> = {};
  for (const key in object) {
    const value = object[key];
    if (typeof value === 'string' && value !== '' && ((secretPair && key === 'value') || isSecretName(key))) {
      out[key] = REDACTED;
    } else {
      out[key] = redactValue(value);
    }
  }
  return out;
}

/**
 * A redacted deep copy of any JSON value: strings go through redactText; values under
 * secret-like keys (`password: ...`, `apiKey: ...`) and of secret-like env vars
 * (`{ name: 'DB_PASSWORD', value: ... }`) are replaced whole; values after a secret flag in an
 * argument list (`["--token", "..."]`) too.
 */
export function redactValue<T>(value: T): T;
export function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return redactArray(value);
  if (value !== null && typeof value === 'object') return redactObject(value as Record<string, unknown>);
  return value;
}

import { hash } from 'node:crypto';
import type { AlertSource } from '@opsworker/shared';

/** Room left for the source prefix inside the contract's 256-character limit. */
const MAX_GIVEN_LENGTH = 200;

/**
 * A fingerprint the source gave, namespaced by source so that two sources can never collide.
 * Overlong values are hashed rather than cut, so two long ones that share a prefix stay apart.
 */
export function givenFingerprint(source: AlertSource, given: string): string {
  const value = given.trim();
  if (value.length > 0 && value.length <= MAX_GIVEN_LENGTH) return `${source}:${value}`;
  return derivedFingerprint(source, [value]);
}

/**
 * A fingerprint derived from the parts that identify an alert across firing and resolved
 * notifications. Parts are length-prefixed so `["ab", "c"]` and `["a", "bc"]` differ.
 */
export function derivedFingerprint(source: AlertSource, parts: readonly string[]): string {
  const text = parts.map((part) => `${part.length}:${part}`).join('');
  return `${source}:${hash('sha256', text, 'hex').slice(0, 32)}`;
}

/** Labels as stable fingerprint parts: sorted by name, so key order in the payload does not matter. */
export function labelParts(labels: Readonly<Record<string, string>>): string[] {
  return Object.keys(labels)
    .sort()
    .map((name) => `${name}=${labels[name]}`);
}

import { describe, expect, it } from 'vitest';
import { derivedFingerprint, givenFingerprint, labelParts } from './fingerprint.ts';

describe('fingerprints', () => {
  // Stored alerts are deduplicated by fingerprint: a derived one must come out the same after
  // an upgrade, or every alert firing during the upgrade would be counted as new.
  it('derives the same fingerprint from the same labels, release after release', () => {
    const labels = { pod: 'checkout-1', alertname: 'KubePodCrashLooping', namespace: 'shop' };
    expect(derivedFingerprint('alertmanager', labelParts(labels))).toBe(
      'alertmanager:3e7b360231bf8bcacb040a2d9bf6da75',
    );
  });

  it('keeps parts apart: ["ab", "c"] and ["a", "bc"] differ', () => {
    expect(derivedFingerprint('generic', ['ab', 'c'])).toBe('generic:430fb1b4ac43316eca81fab27a1930ab');
    expect(derivedFingerprint('generic', ['a', 'bc'])).toBe('generic:5310a58788781ab25d5ad7c3f8503582');
  });

  it('namespaces a given fingerprint by source, and hashes an overlong one instead of cutting it', () => {
    expect(givenFingerprint('grafana', ' c4edaaf9 ')).toBe('grafana:c4edaaf9');
    const long = 'x'.repeat(300);
    expect(givenFingerprint('datadog', long)).toBe(derivedFingerprint('datadog', [long]));
    expect(givenFingerprint('datadog', `${long}y`)).not.toBe(givenFingerprint('datadog', long));
  });
});

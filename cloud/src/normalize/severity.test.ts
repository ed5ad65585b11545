import { describe, expect, it } from 'vitest';
import { lowerSeverity, severityFromText } from './severity.ts';

describe('severityFromText', () => {
  it.each([
    ['critical', 'critical'],
    ['Critical', 'critical'],
    ['page', 'critical'],
    ['P1', 'critical'],
    ['SEV-1', 'critical'],
    ['emergency', 'critical'],
    ['fatal', 'critical'],
    ['error', 'error'],
    ['high', 'error'],
    ['major', 'error'],
    ['p2', 'error'],
    ['warning', 'warning'],
    ['warn', 'warning'],
    ['medium', 'warning'],
    ['P3', 'warning'],
    ['info', 'info'],
    ['low', 'info'],
    ['none', 'info'],
    ['P4', 'info'],
    ['p5', 'info'],
    [' warning ', 'warning'],
  ])('reads %s as %s', (text, expected) => {
    expect(severityFromText(text)).toBe(expected);
  });

  it.each([['urgent-ish'], [''], ['constructor'], ['toString'], [undefined]])(
    'knows no level for %s',
    (text) => {
      expect(severityFromText(text)).toBeUndefined();
    },
  );
});

describe('lowerSeverity', () => {
  it('keeps the less severe level', () => {
    expect(lowerSeverity('critical', 'warning')).toBe('warning');
    expect(lowerSeverity('info', 'warning')).toBe('info');
  });
});

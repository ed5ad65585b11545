import { describe, expect, it } from 'vitest';
import { highlight } from './highlight.ts';

describe('highlight', () => {
  it('marks failures, warnings, keys and quantities, and loses no character', () => {
    const text =
      'State: Terminated\n  Reason: OOMKilled\n  Exit Code: 137\nWarning  BackOff  Back-off restarting failed container';
    const segments = highlight(text);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    const of = (kind: string) => segments.filter((s) => s.kind === kind).map((s) => s.text.trim());
    expect(of('error')).toEqual(expect.arrayContaining(['OOMKilled', 'Back-off', 'failed']));
    expect(of('warning')).toContain('Warning');
    expect(of('key')).toEqual(expect.arrayContaining(['State:', 'Reason:']));
    expect(of('number')).toContain('137');
  });

  it('returns markup as plain text, never as HTML', () => {
    expect(
      highlight('<img src=x onerror=alert(1)>')
        .map((s) => s.text)
        .join(''),
    ).toBe('<img src=x onerror=alert(1)>');
  });
});

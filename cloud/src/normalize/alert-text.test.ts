import { describe, expect, it } from 'vitest';
import { alertDescription, alertTitle } from './alert-text.ts';

describe('alertTitle', () => {
  it('keeps a one-line title as it is', () => {
    expect(alertTitle(['Pod is crash looping.'], 'Alert')).toBe('Pod is crash looping.');
  });

  it.each([
    ['a multi-line summary', 'Disk almost full\non node-1', 'Disk almost full on node-1'],
    ['tabs and runs of spaces', 'High\tlatency   on  checkout', 'High latency on checkout'],
    ['a non-breaking space', 'High\u00a0latency', 'High latency'],
  ])('makes one line of %s', (_case, text, title) => {
    expect(alertTitle([text], 'Alert')).toBe(title);
  });

  it('takes the first candidate that is not blank, else the fallback', () => {
    expect(alertTitle([undefined, '  ', ' KubePodCrashLooping '], 'Alert')).toBe('KubePodCrashLooping');
    expect(alertTitle([undefined, ''], 'Alert')).toBe('Alert');
  });

  it('cuts a title longer than the contract allows, marking the cut', () => {
    const title = alertTitle(['x'.repeat(600)], 'Alert');
    expect(title).toHaveLength(500);
    expect(title.endsWith('…')).toBe(true);
  });
});

describe('alertDescription', () => {
  it('keeps the lines of a description', () => {
    expect(alertDescription([undefined, 'first line\nsecond line'])).toBe('first line\nsecond line');
  });
});

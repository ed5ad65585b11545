import { describe, expect, it } from 'vitest';
import { applyLiveChange, matchesFilter } from './investigation-filter.ts';
import { investigationFixture as inv } from './investigation-fixture.ts';

describe('matchesFilter', () => {
  const checkout = inv({
    id: 'a',
    title: 'Checkout latency high',
    severity: 'critical',
    status: 'completed',
  });
  it.each([
    [{}, true],
    [{ status: 'completed' as const }, true],
    [{ status: 'running' as const }, false],
    [{ severity: 'critical' as const }, true],
    [{ severity: 'info' as const }, false],
    [{ cluster: 'prod-eu-1' }, true],
    [{ cluster: 'staging' }, false],
    [{ namespace: 'shop' }, true],
    [{ namespace: 'payments' }, false],
    [{ search: 'LATENCY' }, true],
    [{ search: 'checkout' }, true],
    [{ search: 'payments-api' }, false],
    [{ severity: 'critical' as const, namespace: 'payments' }, false],
  ])('%j → %s', (filter, expected) => {
    expect(matchesFilter(checkout, filter)).toBe(expected);
  });
});

describe('applyLiveChange', () => {
  const list = [
    inv({ id: 'c', createdAt: '2026-11-24T07:00:00.000Z' }),
    inv({ id: 'a', createdAt: '2026-11-24T05:00:00.000Z' }),
  ];

  it('adds a new investigation at its place, newest first', () => {
    const b = inv({ id: 'b', createdAt: '2026-11-24T06:00:00.000Z' });
    expect(applyLiveChange(list, b, {}).map((i) => i.id)).toEqual(['c', 'b', 'a']);
  });

  it('updates one in place when it changes', () => {
    const done = inv({ id: 'a', createdAt: '2026-11-24T05:00:00.000Z', status: 'completed' });
    expect(applyLiveChange(list, done, {}).map((i) => [i.id, i.status])).toEqual([
      ['c', 'running'],
      ['a', 'completed'],
    ]);
  });

  it('removes one that no longer matches the filter (it finished while filtering on running)', () => {
    const done = inv({ id: 'c', createdAt: '2026-11-24T07:00:00.000Z', status: 'completed' });
    expect(applyLiveChange(list, done, { status: 'running' }).map((i) => i.id)).toEqual(['a']);
  });

  it('leaves the list as it is for a new one outside the filter', () => {
    const other = inv({ id: 'd', severity: 'info' });
    expect(applyLiveChange(list, other, { severity: 'critical' })).toBe(list);
  });
});

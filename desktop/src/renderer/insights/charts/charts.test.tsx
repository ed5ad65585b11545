// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DonutChart } from './DonutChart.tsx';
import { HorizontalBarChart } from './HorizontalBarChart.tsx';
import { StackedBarChart } from './StackedBarChart.tsx';

const height = (element: Element | null) => Number(element?.getAttribute('height'));
const width = (element: Element | null) => Number(element?.getAttribute('width'));

describe('charts', () => {
  afterEach(cleanup);

  it('stacks each day by severity, in proportion, with a tooltip per segment', () => {
    const { container } = render(
      <StackedBarChart
        title="Alerts per day by severity"
        series={[
          { key: 'critical', label: 'critical' },
          { key: 'warning', label: 'warning' },
        ]}
        bars={[
          { label: '11-23', values: { critical: 2, warning: 6 } },
          { label: '11-24', values: { critical: 4, warning: 0 } },
        ]}
      />,
    );
    expect(screen.getByRole('img', { name: 'Alerts per day by severity' })).toBeTruthy();
    const day1 = container.querySelector('[data-bar="11-23"]');
    const day2 = container.querySelector('[data-bar="11-24"]');
    const warning1 = day1?.querySelector('.series-warning') ?? null;
    const critical1 = day1?.querySelector('.series-critical') ?? null;
    expect(height(warning1)).toBeCloseTo(3 * height(critical1));
    // The tallest day fills the plot: 8 alerts is twice 4.
    expect(height(critical1) + height(warning1)).toBeCloseTo(
      2 * height(day2?.querySelector('.series-critical') ?? null),
    );
    // No empty segment is drawn.
    expect(day2?.querySelector('.series-warning')).toBeNull();
    expect(day1?.querySelector('title')?.textContent).toBe('11-23: 2 critical');
  });

  it('ranks bars by value with their labels, and says so when there is nothing', () => {
    const { container, rerender } = render(
      <HorizontalBarChart
        title="Top alerts"
        items={[
          { label: 'KubePodCrashLooping', value: 10 },
          { label: 'KubeNodeNotReady', value: 5 },
        ]}
      />,
    );
    const bars = container.querySelectorAll('rect');
    expect(width(bars[0] ?? null)).toBeCloseTo(2 * width(bars[1] ?? null));
    expect(screen.getByText('KubePodCrashLooping')).toBeTruthy();
    rerender(<HorizontalBarChart title="Top alerts" items={[]} empty="No alerts this week." />);
    expect(screen.getByText('No alerts this week.')).toBeTruthy();
  });

  it('draws feedback shares as arcs of the ring and the accuracy in the middle', () => {
    const { container } = render(
      <DonutChart
        title="Feedback accuracy"
        center="75%"
        slices={[
          { key: 'accurate', label: 'accurate', value: 3 },
          { key: 'needs_improvement', label: 'needs improvement', value: 1 },
        ]}
      />,
    );
    const [accurate, needs] = [...container.querySelectorAll('.donut-slice')].map((slice) =>
      Number(slice.getAttribute('stroke-dasharray')?.split(' ')[0]),
    );
    expect(accurate).toBeCloseTo(3 * (needs ?? 0));
    expect(screen.getByRole('img', { name: 'Feedback accuracy: 75%' })).toBeTruthy();
  });
});

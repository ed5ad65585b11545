// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InvestigationList, ROW_HEIGHT } from './InvestigationList.tsx';
import { investigationFixture } from './investigation-fixture.ts';

const VIEWPORT = 680; // ten rows

describe('InvestigationList', () => {
  const items = Array.from({ length: 10_000 }, (_, index) =>
    investigationFixture({ id: `inv_${index}`, title: `Alert number ${index}` }),
  );

  beforeEach(() => {
    // jsdom lays nothing out: give the scrolling box the size a window would.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(VIEWPORT);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(360);
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(ROW_HEIGHT);
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('puts only the rows in view (and a few around) in the page, out of 10,000', () => {
    render(
      <InvestigationList
        items={items}
        selectedIndex={0}
        activeId={undefined}
        onOpen={() => {}}
        onSelect={() => {}}
      />,
    );
    const rows = screen.getAllByRole('option');
    expect(rows.length).toBeGreaterThanOrEqual(VIEWPORT / ROW_HEIGHT);
    expect(rows.length).toBeLessThan(30);
    expect(screen.getByText('Alert number 0')).toBeTruthy();
    expect(screen.queryByText('Alert number 9999')).toBeNull();
  });

  it('shows each row with its status, severity, alert and resource', () => {
    render(
      <InvestigationList
        items={items.slice(0, 1)}
        selectedIndex={0}
        activeId="inv_0"
        onOpen={() => {}}
        onSelect={() => {}}
      />,
    );
    const row = screen.getByRole('option');
    expect(row.textContent).toContain('investigating');
    expect(row.textContent).toContain('warning');
    expect(row.textContent).toContain('Alert number 0');
    expect(row.textContent).toContain('shop · deployments/checkout');
    expect(row.getAttribute('aria-selected')).toBe('true');
  });

  it('opens the investigation that is clicked', () => {
    const onOpen = vi.fn();
    render(
      <InvestigationList
        items={items}
        selectedIndex={0}
        activeId={undefined}
        onOpen={onOpen}
        onSelect={() => {}}
      />,
    );
    fireEvent.click(screen.getByText('Alert number 3'));
    expect(onOpen).toHaveBeenCalledWith('inv_3');
  });
});

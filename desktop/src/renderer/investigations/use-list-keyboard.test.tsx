// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useListKeyboard } from './use-list-keyboard.ts';

function Harness(props: { onOpen: (index: number) => void; onBack: () => void }) {
  const [selected, setSelected] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  useListKeyboard({
    count: 3,
    selectedIndex: selected,
    select: setSelected,
    open: props.onOpen,
    back: props.onBack,
    searchRef,
  });
  return (
    <>
      <input ref={searchRef} aria-label="Search" />
      <output aria-label="Selected">{selected}</output>
    </>
  );
}

const key = (k: string, target: Element | Window = window) => fireEvent.keyDown(target, { key: k });

describe('useListKeyboard', () => {
  afterEach(cleanup);

  it('moves with j and k within the list, and opens with Enter', () => {
    const onOpen = vi.fn();
    render(<Harness onOpen={onOpen} onBack={() => {}} />);
    const selected = screen.getByLabelText('Selected');
    key('j');
    key('j');
    key('j'); // stays on the last row
    expect(selected.textContent).toBe('2');
    key('k');
    expect(selected.textContent).toBe('1');
    key('Enter');
    expect(onOpen).toHaveBeenCalledWith(1);
  });

  it('focuses the search with /, keeps typed letters in it, and leaves it with Esc', () => {
    const onBack = vi.fn();
    render(<Harness onOpen={() => {}} onBack={onBack} />);
    key('/');
    const search = screen.getByLabelText('Search');
    expect(document.activeElement).toBe(search);
    key('j', search);
    expect(screen.getByLabelText('Selected').textContent).toBe('0');
    key('Escape', search);
    expect(document.activeElement).not.toBe(search);
    expect(onBack).not.toHaveBeenCalled();
    key('Escape');
    expect(onBack).toHaveBeenCalledOnce();
  });
});

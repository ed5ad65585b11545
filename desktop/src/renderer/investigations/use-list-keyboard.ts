import { type RefObject, useEffect, useRef } from 'react';

export interface ListKeyboard {
  count: number;
  selectedIndex: number;
  select: (index: number) => void;
  open: (index: number) => void;
  back: () => void;
  searchRef: RefObject<HTMLInputElement | null>;
}

const isEditable = (target: EventTarget | null): target is HTMLElement =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Keyboard first, as on-call engineers work: j/k move through the list, Enter opens, / jumps to
 * search, Esc leaves a field or goes back to the list. Keys typed into a field stay the field's.
 */
export function useListKeyboard(keyboard: ListKeyboard): void {
  const latest = useRef(keyboard);
  latest.current = keyboard;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const { count, selectedIndex, select, open, back, searchRef } = latest.current;
      if (isEditable(event.target)) {
        if (event.key === 'Escape') event.target.blur();
        return;
      }
      switch (event.key) {
        case 'j':
          if (count > 0) select(Math.min(count - 1, selectedIndex + 1));
          break;
        case 'k':
          if (count > 0) select(Math.max(0, selectedIndex - 1));
          break;
        case 'Enter':
          // A focused button or link answers Enter itself.
          if (event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement) return;
          if (selectedIndex >= 0 && selectedIndex < count) open(selectedIndex);
          break;
        case '/':
          searchRef.current?.focus();
          break;
        case 'Escape':
          back();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

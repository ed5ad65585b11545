import { useEffect, useState } from 'react';

export type ThemeChoice = 'light' | 'dark' | 'system';

// The theme is a preference, not a secret: localStorage is fine for it (never for the token).
const KEY = 'opsworker.theme';

export function readThemeChoice(storage: Storage): ThemeChoice {
  const value = storage.getItem(KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

/** Applies the chosen theme to the document (`data-theme`), following the system when asked to. */
export function useTheme(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const [choice, setChoice] = useState<ThemeChoice>(() => readThemeChoice(window.localStorage));
  useEffect(() => {
    const media = window.matchMedia?.('(prefers-color-scheme: dark)');
    const apply = () => {
      const dark = choice === 'dark' || (choice === 'system' && Boolean(media?.matches));
      document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    };
    apply();
    media?.addEventListener('change', apply);
    return () => media?.removeEventListener('change', apply);
  }, [choice]);
  return [
    choice,
    (next) => {
      window.localStorage.setItem(KEY, next);
      setChoice(next);
    },
  ];
}

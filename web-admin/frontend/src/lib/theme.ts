// The console's colour theme: the one the user chose in the top bar, remembered in this browser, or else the one the
// system prefers (prefers-color-scheme). It is set as data-theme on the root element, which styles.css reads.

import { useEffect, useState } from 'preact/hooks';

export type Theme = 'dark' | 'light';

const STORAGE_KEY = 'deckhand.theme';
const SYSTEM_LIGHT = '(prefers-color-scheme: light)';

/** The theme the user chose, if any. */
function chosen(): Theme | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'dark' || value === 'light' ? value : null;
  } catch {
    return null;
  }
}

function system(): Theme {
  return window.matchMedia?.(SYSTEM_LIGHT).matches ? 'light' : 'dark';
}

/** Sets the theme on the page; called before the first render so that the page never flashes the other one. */
export function applyTheme(theme: Theme = chosen() ?? system()): Theme {
  document.documentElement.dataset.theme = theme;
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', theme === 'light' ? '#ffffff' : '#111418');
  return theme;
}

/** The theme in force and a toggle that switches it and remembers the choice; follows the system until then. */
export function useTheme(): [Theme, () => void] {
  const [theme, setTheme] = useState<Theme>(() => (document.documentElement.dataset.theme as Theme) ?? applyTheme());
  useEffect(() => {
    const media = window.matchMedia?.(SYSTEM_LIGHT);
    if (!media) {
      return;
    }
    const follow = () => {
      if (!chosen()) {
        setTheme(applyTheme(system()));
      }
    };
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, []);
  const toggle = () => {
    const next: Theme = theme === 'dark' ? 'light' : 'dark';
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // A browser that keeps no storage still switches, for this page.
    }
    setTheme(applyTheme(next));
  };
  return [theme, toggle];
}

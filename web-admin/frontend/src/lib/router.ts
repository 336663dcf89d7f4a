// A small history-API router: the console's pages have real paths (/library, /tracks/12), which the server answers
// with index.html, so that a bookmark or a reload opens the same page.

import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<() => void>();

/** Goes to `path` (with its query), adding a history entry unless `replace`. */
export function navigate(path: string, replace = false): void {
  if (path === location.pathname + location.search) {
    return;
  }
  if (replace) {
    history.replaceState(null, '', path);
  } else {
    history.pushState(null, '', path);
  }
  listeners.forEach((listener) => listener());
}

/** Records a new query string for the current page, for bookmarks and reloads, without re-rendering anything. */
export function replaceQuery(search: string): void {
  history.replaceState(null, '', location.pathname + search);
}

/** The current path and query string, re-rendering the caller when they change. */
export function useLocation(): { path: string; search: URLSearchParams } {
  const [, setVersion] = useState(0);
  useEffect(() => {
    const changed = () => setVersion((v) => v + 1);
    listeners.add(changed);
    addEventListener('popstate', changed);
    return () => {
      listeners.delete(changed);
      removeEventListener('popstate', changed);
    };
  }, []);
  return { path: location.pathname, search: new URLSearchParams(location.search) };
}

/** Follows a same-origin link without reloading the page; lets modified clicks (new tab) through. */
export function followLink(event: MouseEvent): void {
  const anchor = (event.target as Element).closest('a');
  if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
      || event.altKey || anchor.target || anchor.hasAttribute('download') || anchor.origin !== location.origin
      || anchor.pathname.startsWith('/api/') || (anchor.hash && anchor.pathname === location.pathname)) {
    return;
  }
  event.preventDefault();
  navigate(anchor.pathname + anchor.search);
}

import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';

/** The page's heading, which also names the browser tab. */
export function PageHeader({ title, children }: { title: string; children?: ComponentChildren }) {
  useEffect(() => {
    document.title = `${title} · Deckhand`;
  }, [title]);
  return (
    <header class="page-header">
      <h1 id="page-title" tabIndex={-1}>{title}</h1>
      {children && <div class="page-actions">{children}</div>}
    </header>
  );
}

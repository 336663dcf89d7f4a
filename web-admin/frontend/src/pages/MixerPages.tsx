// The mixer's pages, loaded when one is first opened, so that they and the QR code library stay out of the
// console's first load.

import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

type Pages = typeof import('./MixerPagesLoaded');

let loaded: Promise<Pages> | undefined;

function usePages(): { pages?: Pages; error?: string } {
  const [state, setState] = useState<{ pages?: Pages; error?: string }>({});
  useEffect(() => {
    let current = true;
    loaded ??= import('./MixerPagesLoaded');
    loaded.then((pages) => current && setState({ pages }), (error: unknown) => {
      loaded = undefined;
      if (current) {
        setState({ error: `The mixer's page cannot be loaded: ${String(error)}. Reload the page to try again.` });
      }
    });
    return () => {
      current = false;
    };
  }, []);
  return state;
}

function Loading({ error, children }: { error?: string; children?: ComponentChildren }) {
  if (error) {
    return <p class="error-note" role="alert">{error}</p>;
  }
  return children ? <>{children}</> : <p class="muted" role="status">Loading the mixer…</p>;
}

/** /mixes: the mixes and the form that starts one. */
export function MixerPage({ search }: { search: URLSearchParams }) {
  const { pages, error } = usePages();
  return <Loading error={error}>{pages && <pages.Mixer search={search} />}</Loading>;
}

/** /mixes/{id}: one mix. */
export function MixDetailPage({ id }: { id: string }) {
  const { pages, error } = usePages();
  return <Loading error={error}>{pages && <pages.MixPage id={id} />}</Loading>;
}

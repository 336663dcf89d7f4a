// The mixer: the mixes the server holds (what each plays, its listeners) and the form that starts a new one. A
// mix's own page is MixPage (/mixes/{id}).

import { MixStart } from '../components/MixStart';
import { ErrorNote } from '../components/ErrorNote';
import { PageHeader } from '../components/PageHeader';
import * as format from '../lib/format';
import { usePolling, useResource, useServerEvents } from '../lib/hooks';
import { entryName, type Mix } from '../lib/mixes';


/** How often the list of mixes is read again besides the mixer's events (positions, listeners), milliseconds. */
const REFRESH_MS = 5000;
/** The mixer's topics after which the list is read again at once: a mix started or stopped. */
const LIST_TOPICS = new Set(['org/deckhand/mixer/mix/STARTED', 'org/deckhand/mixer/mix/STOPPED']);

interface Props {
  search: URLSearchParams;
}

export function Mixer({ search }: Props) {
  const mixes = useResource<Mix[]>('/mixes');
  usePolling(mixes.reload, REFRESH_MS);
  const reloadMixes = mixes.reload;
  useServerEvents((event) => {
    if (LIST_TOPICS.has(event.topic)) {
      reloadMixes();
    }
  });
  const tracks = search.get('tracks')?.split(',').map((id) => id.trim()).filter(Boolean);
  const list = mixes.data ?? [];
  return (
    <section class="mixer" aria-labelledby="page-title">
      <PageHeader title="Mixer" />
      <p class="subtitle">Beat-matched, harmonically ordered mixes, streamed to any player on the network.</p>
      <ErrorNote error={mixes.error} what="Mixes" />
      {list.length > 0 && (
        <section class="panel" aria-labelledby="mixes-title">
          <h2 id="mixes-title">Mixes</h2>
          <ul class="mix-list">
            {list.map((mix) => (
              <li key={mix.id}>
                <a href={`/mixes/${mix.id}`}>Mix {mix.id}</a>
                <span class={`state mix-state ${mix.state.toLowerCase()}`}>{stateName(mix)}</span>
                <span class="mix-summary">{mix.nowPlaying ? entryName(mix.nowPlaying) : 'not started'}</span>
                <span class="muted">{format.duration(mix.positionSeconds)} · {mix.listeners}{' '}
                  {mix.listeners === 1 ? 'listener' : 'listeners'}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <MixStart key={search.toString()} trackId={search.get('track') ?? undefined} trackIds={tracks} initialQuery={search.get('q') ?? ''} />
    </section>
  );
}

/** The state of a mix in words. */
export function stateName(mix: Mix): string {
  if (mix.state === 'PLAYING') {
    return mix.paused ? 'Paused' : 'Playing';
  }
  return mix.state === 'STOPPED' ? 'Stopped' : 'Ended';
}

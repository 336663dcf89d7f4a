// Crates: saved lists of tracks, made by hand (filled from the library's bulk actions) or smart (a query that stays
// live); each one opened, started as a mix, emptied track by track or deleted.

import { useState } from 'preact/hooks';
import { ErrorNote } from '../components/ErrorNote';
import { PageHeader } from '../components/PageHeader';
import { ApiError, del, post, query } from '../lib/api';
import * as format from '../lib/format';
import { useResource } from '../lib/hooks';
import { navigate } from '../lib/router';
import { startMix } from '../lib/shelves';
import type { Crate } from '../lib/shelves';
import type { TrackPage } from '../lib/types';

export function Crates({ id }: { id?: number }) {
  const crates = useResource<Crate[]>('/crates');
  const [name, setName] = useState('');
  const [smartQuery, setSmartQuery] = useState('');
  const [error, setError] = useState<ApiError>();

  const create = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    try {
      const crate = await post<Crate>('/crates', { name, query: smartQuery.trim() || undefined });
      setName('');
      setSmartQuery('');
      crates.reload();
      navigate(`/crates/${crate.id}`);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError({ status: 0, detail: String(failure) }));
    }
  };

  return (
    <section class="crates" aria-labelledby="page-title">
      <PageHeader title="Crates" />
      <div class="crates-layout">
        <div>
          <form class="crate-form" onSubmit={create} aria-label="New crate">
            <label for="crate-name">Name</label>
            <input id="crate-name" value={name} maxLength={256} required
              onInput={(e) => setName(e.currentTarget.value)} />
            <label for="crate-query">Query, for a smart crate (leave empty to fill it by hand)</label>
            <input id="crate-query" value={smartQuery} maxLength={2048} spellcheck={false}
              placeholder="genre:techno bpm:124..128" onInput={(e) => setSmartQuery(e.currentTarget.value)} />
            <button type="submit">Make the crate</button>
            <ErrorNote error={error} />
          </form>
          <ErrorNote error={crates.error} />
          {crates.data && crates.data.length === 0 && (
            <p class="muted">No crate yet. Make one here, or tick tracks in the library and add them to a new one.</p>
          )}
          <ul class="crate-list" aria-label="Crates">
            {crates.data?.map((crate) => (
              <li key={crate.id}>
                <a href={`/crates/${crate.id}`} aria-current={crate.id === id ? 'page' : undefined}>{crate.name}</a>
                <span class="muted">{crate.smart ? 'smart · ' : ''}{format.count(crate.trackCount)}</span>
              </li>
            ))}
          </ul>
        </div>
        {id !== undefined && <CrateView id={id} onChanged={crates.reload} />}
      </div>
    </section>
  );
}

function CrateView({ id, onChanged }: { id: number; onChanged: () => void }) {
  const crate = useResource<Crate>(`/crates/${id}`);
  const tracks = useResource<TrackPage>(`/crates/${id}/tracks${query({ limit: 500 })}`);
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<ApiError>();

  const act = async (action: () => Promise<string | undefined>) => {
    setError(undefined);
    try {
      setStatus(await action());
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError({ status: 0, detail: String(failure) }));
    }
  };

  if (crate.error) {
    return <ErrorNote error={crate.error} />;
  }
  const c = crate.data;
  if (!c) {
    return <p class="muted" role="status">Loading…</p>;
  }
  return (
    <article class="crate" aria-label={`Crate ${c.name}`}>
      <h2>{c.name}</h2>
      <p class="muted">
        {c.smart ? <>Smart crate: <code>{c.query}</code>, found afresh each time</> : 'Made by hand'}
        {' · '}{format.count(c.trackCount)} {c.trackCount === 1 ? 'track' : 'tracks'}
      </p>
      <div class="crate-actions">
        <button type="button" disabled={c.trackCount === 0}
          onClick={() => act(async () => {
            const mixId = await startMix({ crateId: String(id) });
            navigate(`/mixes/${mixId}`);
            return `Mix ${mixId} started from this crate.`;
          })}>
          Start a mix</button>
        <button type="button" class="danger" onClick={() => act(async () => {
          await del(`/crates/${id}`);
          onChanged();
          navigate('/crates');
          return undefined;
        })}>Delete the crate</button>
      </div>
      <p role="status" aria-live="polite">{status}</p>
      <ErrorNote error={error ?? tracks.error} />
      <ol class="crate-tracks" aria-label="Tracks">
        {tracks.data?.tracks.map((track) => (
          <li key={track.id}>
            <a href={`/tracks/${track.id}`}>{track.tags.title ?? format.fileName(track.file.path)}</a>
            <span class="muted">{track.tags.artists.join(', ')} · {format.duration(track.audio.durationSeconds)}</span>
            {!c.smart && (
              <button type="button" class="quiet" aria-label={`Remove ${track.tags.title ?? track.id} from the crate`}
                onClick={() => act(async () => {
                  await post(`/crates/${id}/tracks/remove`, { trackIds: [track.id] });
                  crate.reload();
                  tracks.reload();
                  onChanged();
                  return 'Removed from the crate; the track stays in the library.';
                })}>Remove</button>
            )}
          </li>
        ))}
      </ol>
    </article>
  );
}

// One tracklist: its entries with their cue times and how each matches the library; confirm or change a match, link
// the mix recording, download its CUE sheet and the list of what the library still lacks.

import { useState } from 'preact/hooks';
import { ErrorNote } from '../components/ErrorNote';
import { PageHeader } from '../components/PageHeader';
import { API, ApiError, get, post, put, query, request } from '../lib/api';
import * as format from '../lib/format';
import { useResource } from '../lib/hooks';
import type { TrackPage, TracklistDetail, TracklistEntry } from '../lib/types';

const STATE_LABELS: Record<TracklistEntry['match']['state'], string> = {
  MATCHED: 'in the library',
  AMBIGUOUS: 'choose',
  MISSING: 'missing',
  UNMATCHABLE: '–',
};

export function TracklistPage({ id }: { id: number }) {
  const tracklist = useResource<TracklistDetail>(`/tracklists/${id}`);
  const [status, setStatus] = useState<{ text: string; error?: boolean }>();

  const setMatch = async (entry: TracklistEntry, body: { trackId?: number; missing?: boolean }) => {
    try {
      await put(`/tracklists/${id}/entries/${entry.position}/match`, body);
      setStatus({ text: `Entry ${entry.position}: ${body.trackId ? 'matched' : 'marked missing'}.` });
      tracklist.reload();
    } catch (error) {
      setStatus({ text: error instanceof ApiError ? error.message : String(error), error: true });
    }
  };

  const t = tracklist.data;
  return (
    <section aria-labelledby="page-title">
      <PageHeader title={t?.title || `Tracklist ${id}`}>
        {t && <span class="muted" role="status" data-testid="tracklist-counts">{t.counts.matched} of{' '}
          {t.counts.entries} in the library · {t.counts.missing} missing · {t.counts.withCue} with a cue time</span>}
      </PageHeader>
      <ErrorNote error={tracklist.error} />
      {t && (
        <>
          <p class="subtitle">{[t.djs.join(', '), t.date, t.genres.join(', ')].filter(Boolean)
            .map((part) => `${part} · `).join('')}
            {t.address && <><a href={t.address} rel="noreferrer noopener" target="_blank">{t.source}</a> · </>}
            {t.address ? 'fetched' : 'read'} {format.dateTime(t.fetched)}</p>
          {status && <p class={status.error ? 'error-note' : 'note'} role={status.error ? 'alert' : 'status'}>
            {status.text}</p>}
          <Recording tracklist={t} onLinked={tracklist.reload} />
          <section class="panel" aria-labelledby="missing-title">
            <h2 id="missing-title">What the library lacks</h2>
            <p>{t.counts.missing === 0 ? 'The library holds every identified track of this mix.'
              : `${t.counts.missing} ${t.counts.missing === 1 ? 'track is' : 'tracks are'} missing.`}{' '}
              <a href={`${API}/tracklists/${id}/missing?format=csv`} download>missing as CSV</a>{' · '}
              <a href={`${API}/tracklists/${id}/owned?format=m3u`} download>owned as M3U playlist</a>
            </p>
          </section>
          <table class="list tracklist" aria-label="Entries">
            <thead>
              <tr><th scope="col" class="num">#</th><th scope="col" class="num">Cue</th><th scope="col">Track</th>
                <th scope="col">Label</th><th scope="col">Library</th></tr>
            </thead>
            <tbody>
              {t.entries.map((entry) => (
                <tr key={entry.position} data-position={entry.position} data-match={entry.match.state}>
                  <td class="num">{entry.playedWithPrevious ? 'w/' : entry.position}</td>
                  <td class="num">{entry.cue ?? '–'}</td>
                  <td>{describe(entry)}{entry.djPart && <span class="muted"> · {entry.djPart}</span>}</td>
                  <td>{entry.label ?? ''}</td>
                  <td><MatchCell entry={entry} onSet={(body) => setMatch(entry, body)} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function describe(entry: TracklistEntry): string {
  switch (entry.kind) {
    case 'GAP':
      return '…';
    case 'UNIDENTIFIED':
      return entry.artist ? `${entry.artist} - ID` : 'ID - ID (unidentified)';
    default: {
      const name = [entry.artist, entry.title].filter(Boolean).join(' - ') || 'Unnamed';
      return entry.remix ? `${name} (${entry.remix})` : name;
    }
  }
}

function MatchCell({ entry, onSet }: { entry: TracklistEntry; onSet: (body: { trackId?: number; missing?: boolean }) => void }) {
  const match = entry.match;
  if (match.state === 'UNMATCHABLE') {
    return <span class="muted">–</span>;
  }
  const label = `Match for entry ${entry.position}`;
  return (
    <div class="match">
      <span class={`state ${match.state === 'MATCHED' ? 'good' : match.state === 'MISSING' ? 'bad' : 'neutral'}`}>
        {STATE_LABELS[match.state]}{match.confirmed ? ' (confirmed)' : ''}</span>
      {match.track && <> <a href={`/tracks/${match.track.id}`}>{format.fileName(match.track.path)}</a>
        {!match.confirmed && <span class="muted"> {Math.round(match.confidence * 100)} %</span>}</>}
      {(match.candidates.length > 0 || match.state === 'MATCHED') && (
        <select aria-label={label} value=""
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (value === 'missing') {
              onSet({ missing: true });
            } else if (value) {
              onSet({ trackId: Number(value) });
            }
          }}>
          <option value="">{match.state === 'MATCHED' ? 'Change…' : 'Choose…'}</option>
          {match.candidates.map((candidate) => (
            <option key={candidate.trackId} value={candidate.trackId}>
              {candidate.artists.join(', ')} - {candidate.title ?? `track ${candidate.trackId}`}
              {' '}({Math.round(candidate.confidence * 100)} %)</option>
          ))}
          <option value="missing">Not in the library</option>
        </select>
      )}
      {match.state === 'MATCHED' && !match.confirmed && match.track && (
        <button type="button" class="quiet" onClick={() => onSet({ trackId: match.track?.id })}>Confirm</button>
      )}
    </div>
  );
}

/** The mix recording the tracklist plays: linked to a track of the library, with its CUE sheet. */
function Recording({ tracklist, onLinked }: { tracklist: TracklistDetail; onLinked: () => void }) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<TrackPage>();
  const [error, setError] = useState<string>();
  const [written, setWritten] = useState<string>();

  const search = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    try {
      setFound(await get<TrackPage>(`/tracks${query({ q: text, limit: 10, sort: '-duration' })}`));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  const link = async (trackId: number) => {
    try {
      await post(`/tracks/${trackId}/tracklist`, { tracklistId: tracklist.id });
      setFound(undefined);
      onLinked();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  const writeBeside = async (replace: boolean) => {
    setError(undefined);
    try {
      const sheet = await request<{ path: string }>(
        `/tracks/${tracklist.recordingTrackId}/tracklist.cue${replace ? '?replace=true' : ''}`, { method: 'PUT' });
      setWritten(`Wrote ${sheet.path}`);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409 && !replace
          && confirm(`${failure.message}\n\nReplace it with Deckhand's sheet?`)) {
        await writeBeside(true);
        return;
      }
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };

  const cue = tracklist.recordingTrackId ? `${API}/tracks/${tracklist.recordingTrackId}/tracklist.cue` : undefined;
  return (
    <section class="panel" aria-labelledby="recording-title">
      <h2 id="recording-title">Mix recording</h2>
      {tracklist.recordingTrackId
        ? <p>Linked to <a href={`/tracks/${tracklist.recordingTrackId}`}>track {tracklist.recordingTrackId}</a>.{' '}
          <a href={cue} download data-testid="cue-download">Download its CUE sheet</a>{' '}
          <button type="button" onClick={() => writeBeside(false)}>Write it beside the recording</button>
          {tracklist.counts.withCue < tracklist.counts.entries
            && <span class="muted"> (entries without a cue time are left out of it)</span>}</p>
        : <p class="muted">No recording in the library is linked to this tracklist yet.</p>}
      <form class="filters" onSubmit={search}>
        <label class="field">
          <span>Find the recording (search the library)</span>
          <input type="search" value={text} onInput={(e) => setText(e.currentTarget.value)}
            placeholder="duration:>30m" />
        </label>
        <button type="submit">Find</button>
      </form>
      {written && <p class="note" role="status">{written}</p>}
      {error && <p class="error-note" role="alert">{error}</p>}
      {found && found.tracks.length === 0 && <p class="muted">No track found.</p>}
      {found && found.tracks.length > 0 && (
        <ul class="problems" aria-label="Recordings found">
          {found.tracks.map((track) => (
            <li key={track.id}>{format.fileName(track.file.path)}{' '}
              <span class="muted">{format.duration(track.audio.durationSeconds)}</span>{' '}
              <button type="button" onClick={() => link(track.id)}>Link</button></li>
          ))}
        </ul>
      )}
    </section>
  );
}

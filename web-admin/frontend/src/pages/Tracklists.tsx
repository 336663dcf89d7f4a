// Tracklists: import one from a 1001Tracklists or MixesDB address or from pasted text, and the tracklists kept so
// far with how much of each the library holds.

import { useState } from 'preact/hooks';
import { ErrorNote } from '../components/ErrorNote';
import { PageHeader } from '../components/PageHeader';
import { ApiError, post } from '../lib/api';
import * as format from '../lib/format';
import { useResource, useServerEvents, useThrottled } from '../lib/hooks';
import { navigate } from '../lib/router';
import type { TracklistDetail, TracklistSummary } from '../lib/types';

type Mode = 'address' | 'text';

export function Tracklists() {
  const tracklists = useResource<TracklistSummary[]>('/tracklists');
  const [mode, setMode] = useState<Mode>('address');
  const [address, setAddress] = useState('');
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; error?: boolean }>();
  const refresh = useThrottled(tracklists.reload, 500);
  useServerEvents((event) => {
    if (event.topic.startsWith('org/deckhand/tracklists/')) {
      refresh();
    }
  });

  const submit = async (event: Event) => {
    event.preventDefault();
    const body = mode === 'address' ? { address: address.trim() } : { text, title: title.trim() || undefined };
    if (mode === 'address' ? !body.address : !text.trim()) {
      setStatus({ text: mode === 'address' ? 'Give the address of a tracklist page.' : 'Paste a tracklist first.',
        error: true });
      return;
    }
    setBusy(true);
    setStatus({ text: mode === 'address' ? `Fetching ${address.trim()}… (sites are asked politely, a few seconds `
      + 'apart)' : 'Reading the tracklist…' });
    try {
      const imported = await post<TracklistDetail>('/tracklists', body);
      navigate(`/tracklists/${imported.id}`);
    } catch (error) {
      setStatus({ text: error instanceof ApiError ? error.message : String(error), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="page-title">
      <PageHeader title="Tracklists" />
      <form class="panel" onSubmit={submit} aria-labelledby="import-title">
        <h2 id="import-title">Import a tracklist</h2>
        <fieldset class="field">
          <legend>From</legend>
          <label><input type="radio" name="mode" checked={mode === 'address'} onChange={() => setMode('address')} />
            {' '}an address (1001Tracklists or MixesDB)</label>
          <label><input type="radio" name="mode" checked={mode === 'text'} onChange={() => setMode('text')} />
            {' '}pasted text</label>
        </fieldset>
        {mode === 'address' ? (
          <label class="field">
            <span>Address of the tracklist page</span>
            <input type="url" value={address} onInput={(e) => setAddress(e.currentTarget.value)}
              placeholder="https://www.1001tracklists.com/tracklist/…" />
          </label>
        ) : (
          <>
            <label class="field">
              <span>Mix title (optional)</span>
              <input type="text" value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
            </label>
            <label class="field">
              <span>Tracklist, one track a line</span>
              <textarea rows={8} value={text} onInput={(e) => setText(e.currentTarget.value)}
                placeholder={'[00:00] Artist - Title\n[04:30] Artist - Title (Remix) [Label]'} />
            </label>
            <p class="hint">Lines such as <code>01. Artist - Title [Label]</code>, <code>1:02:03 Artist – Title</code>,
              MixesDB wikitext or a copied 1001Tracklists list are understood.</p>
          </>
        )}
        <div class="form-actions">
          <button type="submit" class="primary" disabled={busy}>Import</button>
          {status && <p class={status.error ? 'error-note' : 'note'} role={status.error ? 'alert' : 'status'}>
            {status.text}</p>}
        </div>
      </form>

      <ErrorNote error={tracklists.error} />
      {tracklists.data && tracklists.data.length === 0 && <p class="muted">No tracklist yet: import one above.</p>}
      {tracklists.data && tracklists.data.length > 0 && (
        <table class="list" aria-label="Tracklists">
          <thead>
            <tr><th scope="col">Mix</th><th scope="col">Date</th><th scope="col">Source</th>
              <th scope="col" class="num">Tracks</th><th scope="col" class="num">In the library</th>
              <th scope="col" class="num">Missing</th><th scope="col">Recording</th></tr>
          </thead>
          <tbody>
            {tracklists.data.map((list) => (
              <tr key={list.id} data-tracklist-id={list.id}>
                <td><a href={`/tracklists/${list.id}`}>{list.title || `Tracklist ${list.id}`}</a>
                  {list.djs.length > 0 && <span class="muted"> {list.djs.join(', ')}</span>}</td>
                <td>{list.date ?? '–'}</td>
                <td>{list.address ? <a href={list.address} rel="noreferrer noopener" target="_blank">{list.source}</a>
                  : list.source}</td>
                <td class="num">{format.count(list.entries)}</td>
                <td class="num">{format.count(list.matched)}</td>
                <td class="num">{format.count(list.missing)}</td>
                <td>{list.recordingTrackId ? <a href={`/tracks/${list.recordingTrackId}`}>linked</a>
                  : <span class="muted">none</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

// What can be done at once to the tracks ticked in the library's table: analyse them again, add them to a crate (an
// existing one or a new one), start a mix from them, write their analysed BPM and key into their files.

import { useState } from 'preact/hooks';
import { ApiError, post } from '../lib/api';
import { count } from '../lib/format';
import { useResource } from '../lib/hooks';
import { navigate } from '../lib/router';
import { addToCrate, analyseAgain, startMix, writeTags } from '../lib/shelves';
import type { Crate } from '../lib/shelves';
import { ErrorNote } from './ErrorNote';

/** The most tracks a mix may start from, as many as a plan holds. */
const MAX_MIX_TRACKS = 500;

export function BulkActions({ selected, onClear }: { selected: ReadonlySet<number>; onClear: () => void }) {
  const crates = useResource<Crate[]>('/crates');
  const [crate, setCrate] = useState('');
  const [newName, setNewName] = useState('');
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [working, setWorking] = useState(false);
  const ids = [...selected];
  const handMade = (crates.data ?? []).filter((c) => !c.smart);

  const run = async (action: () => Promise<string>) => {
    setWorking(true);
    setError(undefined);
    setStatus(undefined);
    try {
      setStatus(await action());
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError({ status: 0, detail: String(failure) }));
    } finally {
      setWorking(false);
    }
  };

  const toCrate = () => run(async () => {
    let target: Crate;
    if (crate === 'new') {
      target = await post<Crate>('/crates', { name: newName });
      crates.reload();
    } else {
      target = handMade.find((c) => String(c.id) === crate) as Crate;
    }
    const filled = await addToCrate(target.id, ids);
    return `${count(ids.length)} added to “${filled.name}”, which now holds ${count(filled.trackCount)}.`;
  });

  const mix = () => run(async () => {
    const id = await startMix({ trackIds: ids.slice(0, MAX_MIX_TRACKS).map(String) });
    navigate(`/mixes/${id}`);
    return `Mix ${id} started from ${count(Math.min(ids.length, MAX_MIX_TRACKS))} tracks.`;
  });

  return (
    <div class="bulk-actions" role="region" aria-label="Selected tracks">
      <span class="bulk-count" data-testid="selected-count">{count(ids.length)} selected</span>
      <button type="button" disabled={working}
        onClick={() => run(async () => {
          await analyseAgain(ids);
          return `${count(ids.length)} queued for analysis.`;
        })}>Analyse again</button>
      <span class="bulk-crate">
        <label for="bulk-crate" class="visually-hidden">Crate</label>
        <select id="bulk-crate" value={crate} onChange={(e) => setCrate(e.currentTarget.value)}>
          <option value="">Add to crate…</option>
          {handMade.map((c) => <option key={c.id} value={String(c.id)}>{c.name}</option>)}
          <option value="new">New crate…</option>
        </select>
        {crate === 'new' && (
          <>
            <label for="bulk-crate-name" class="visually-hidden">New crate's name</label>
            <input id="bulk-crate-name" value={newName} placeholder="Crate name" maxLength={256}
              onInput={(e) => setNewName(e.currentTarget.value)} />
          </>
        )}
        <button type="button" disabled={working || crate === '' || (crate === 'new' && !newName.trim())}
          onClick={toCrate}>Add</button>
      </span>
      <button type="button" disabled={working} onClick={mix}
        title={ids.length > MAX_MIX_TRACKS ? `A mix takes the first ${MAX_MIX_TRACKS}` : undefined}>Start a mix</button>
      <button type="button" disabled={working}
        onClick={() => run(async () => `BPM and key being written into ${count(await writeTags(ids))} of `
          + `${count(ids.length)} files (the others have nothing new to write).`)}>Write tags</button>
      <button type="button" class="quiet" onClick={onClear}>Clear</button>
      <span role="status" aria-live="polite" class="bulk-status">{status}</span>
      <ErrorNote error={error} />
    </div>
  );
}

// The form that starts a mix: from a search in the query language, from tracks ticked among its hits (or given in
// the address, ?tracks=3,8,5), or from one track (?track=12, the track page's "Start a mix from here"), with the
// planner's options in a DJ's words. Each option starts at the server's default, read from the mixer's settings.

import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, post, query } from '../lib/api';
import * as format from '../lib/format';
import { useResource } from '../lib/hooks';
import { type EnergyCurve, MIXER_PID, type Mix, type MixOptions, type MixSeed } from '../lib/mixes';
import { navigate } from '../lib/router';
import * as fields from '../lib/trackFields';
import type { Setting, Track, TrackPage } from '../lib/types';
import { ErrorNote } from './ErrorNote';
import { KeyBadge } from './KeyBadge';

const CURVES: { value: EnergyCurve; label: string; help: string }[] = [
  { value: 'NONE', label: 'Follow the flow', help: 'each track keeps close to the energy of the one before' },
  { value: 'WARM_UP', label: 'Warm-up', help: 'energy rises evenly from 3 to 8 (of 10)' },
  { value: 'PEAK', label: 'Peak time', help: 'energy 8 of 10 throughout' },
  { value: 'COOL_DOWN', label: 'Cool-down', help: 'energy falls evenly from 8 to 3' },
  { value: 'SET', label: 'A whole set', help: 'warms up from 4, peaks at 9 from 40 % to 75 % of the tracks, '
    + 'then eases down to 5' },
];

/** How many hits of the search are listed to choose from. */
const HITS = 50;

type SeedKind = 'query' | 'chosen' | 'track';

interface Props {
  /** The track to start from, from ?track=. */
  trackId?: string;
  /** Tracks to start from, in order, from ?tracks=. */
  trackIds?: string[];
  /** A search to start from, from ?q=. */
  initialQuery?: string;
}

interface Form {
  length: string;
  bpmWindowPercent: string;
  energyCurve: EnergyCurve;
  energyBoost: boolean;
  artistSpacing: string;
  bars: string;
  bassSwap: boolean;
}

export function MixStart({ trackId, trackIds, initialQuery }: Props) {
  const settings = useResource<Setting[]>('/settings');
  const seedTrack = useResource<Track>(trackId ? `/tracks/${encodeURIComponent(trackId)}` : null);
  const [kind, setKind] = useState<SeedKind>(trackId ? 'track' : trackIds?.length ? 'chosen' : 'query');
  const [search, setSearch] = useState(initialQuery ?? '');
  const [hits, setHits] = useState<{ tracks: Track[]; total: number }>();
  const [searchError, setSearchError] = useState<ApiError>();
  const [chosen, setChosen] = useState<string[]>(trackIds ?? []);
  const [form, setForm] = useState<Form>({ length: '', bpmWindowPercent: '', energyCurve: 'NONE', energyBoost: false,
    artistSpacing: '', bars: '', bassSwap: false });
  const [touched, setTouched] = useState<Set<keyof Form>>(new Set());
  const [error, setError] = useState<ApiError>();
  const [starting, setStarting] = useState(false);

  // Each option starts at the mixer's configured default, until the user changes it.
  useEffect(() => {
    const mixer = settings.data?.find((setting) => setting.pid === MIXER_PID);
    if (!mixer) {
      return;
    }
    const value = (id: string) => mixer.fields.find((field) => field.id === id)?.value;
    setForm((old) => ({
      ...old,
      length: touched.has('length') || value('planLength') == null ? old.length : String(value('planLength')),
      bpmWindowPercent: touched.has('bpmWindowPercent') || value('bpmWindowPercent') == null ? old.bpmWindowPercent
        : String(value('bpmWindowPercent')),
      artistSpacing: touched.has('artistSpacing') || value('artistSpacing') == null ? old.artistSpacing
        : String(value('artistSpacing')),
      bars: touched.has('bars') || value('bars') == null ? old.bars : String(value('bars')),
      bassSwap: touched.has('bassSwap') ? old.bassSwap : value('bassSwap') === true,
    }));
  }, [settings.data]);

  useEffect(() => {
    const text = search.trim();
    if (!text) {
      setHits(undefined);
      setSearchError(undefined);
      return;
    }
    const abort = new AbortController();
    const timer = window.setTimeout(() => {
      get<TrackPage>('/tracks' + query({ q: text, limit: HITS }), abort.signal).then(
        (page) => {
          setHits({ tracks: page.tracks, total: page.total });
          setSearchError(undefined);
        },
        (failure: unknown) => {
          if (!abort.signal.aborted) {
            setHits(undefined);
            setSearchError(failure instanceof ApiError ? failure : new ApiError({ status: 0, detail: String(failure) }));
          }
        },
      );
    }, 250);
    return () => {
      window.clearTimeout(timer);
      abort.abort();
    };
  }, [search]);

  const set = <K extends keyof Form>(name: K, value: Form[K]) => {
    setForm((old) => ({ ...old, [name]: value }));
    setTouched((old) => new Set(old).add(name));
  };

  const toggle = (id: string, on: boolean) =>
    setChosen((old) => (on ? [...old.filter((x) => x !== id), id] : old.filter((x) => x !== id)));

  const seed = (): MixSeed | null => {
    if (kind === 'track' && trackId) {
      return { trackId };
    }
    if (kind === 'chosen') {
      return chosen.length ? { trackIds: chosen } : null;
    }
    return search.trim() ? { query: search.trim() } : null;
  };

  const options = (): MixOptions => {
    const number = (text: string) => (text.trim() === '' ? undefined : Number(text));
    return {
      length: kind === 'chosen' && !touched.has('length') ? undefined : number(form.length),
      bpmWindowPercent: number(form.bpmWindowPercent),
      energyCurve: form.energyCurve,
      energyBoost: form.energyBoost,
      artistSpacing: number(form.artistSpacing),
      bars: number(form.bars),
      bassSwap: form.bassSwap,
    };
  };

  const start = async (event: Event) => {
    event.preventDefault();
    const from = seed();
    if (!from) {
      setError(new ApiError({ status: 400, detail: kind === 'chosen'
        ? 'Tick at least one track in the search results to start from.'
        : 'Type a search to start from, such as genre:techno bpm:120..130.' }));
      return;
    }
    setStarting(true);
    try {
      const mix = await post<Mix>('/mixes', { seed: from, options: options() });
      navigate(`/mixes/${mix.id}`);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError({ status: 0, detail: String(failure) }));
      setStarting(false);
    }
  };

  const bars = Number(form.bars) || 16;
  const track = seedTrack.data;
  return (
    <form class="panel mix-start" onSubmit={start} aria-labelledby="start-title">
      <h2 id="start-title">Start a mix</h2>
      <fieldset class="field seed-kinds">
        <legend>Start from</legend>
        {trackId && (
          <label class="inline">
            <input type="radio" name="seed" checked={kind === 'track'} onChange={() => setKind('track')} />
            <span>this track: {track ? <a href={`/tracks/${track.id}`}>{fields.artist(track)
              ? `${fields.artist(track)} – ` : ''}{fields.title(track)}</a> : `track ${trackId}`}
            {track && <> <KeyBadge value={fields.key(track)} /> {format.num(fields.bpm(track))} BPM</>}</span>
          </label>
        )}
        <label class="inline">
          <input type="radio" name="seed" checked={kind === 'query'} onChange={() => setKind('query')} />
          <span>the first hit of a search; the mix draws on all of its hits</span>
        </label>
        <label class="inline">
          <input type="radio" name="seed" checked={kind === 'chosen'} onChange={() => setKind('chosen')} />
          <span>the tracks I tick below ({chosen.length} ticked): the first ticked starts, the planner orders the
            rest</span>
        </label>
      </fieldset>
      <ErrorNote error={seedTrack.error} what={`Track ${trackId}`} />

      <div class="field">
        <label for="mix-search">Search</label>
        <input id="mix-search" type="search" value={search} spellcheck={false} autoComplete="off"
          placeholder="genre:techno bpm:120..130 key:8A~" aria-describedby="mix-search-help"
          onInput={(event) => setSearch((event.currentTarget as HTMLInputElement).value)} />
        <span id="mix-search-help" class="hint">The library's query language: words, artist:, genre:, bpm:120..130,
          key:8A~ (keys that mix with 8A), energy:6..9.</span>
      </div>
      <ErrorNote error={searchError} what="Search" />
      {hits && (
        <div class="mix-hits">
          <p class="hint" data-testid="mix-hit-count">{hits.total === 1 ? '1 track matches'
            : `${format.count(hits.total)} tracks match`}{hits.total > hits.tracks.length
            ? `; the first ${hits.tracks.length} are listed` : ''}.</p>
          <ul class="hit-list" aria-label="Search results to tick">
            {hits.tracks.map((hit) => {
              const id = String(hit.id);
              return (
                <li key={id}>
                  <label class="inline">
                    <input type="checkbox" checked={chosen.includes(id)}
                      onChange={(event) => {
                        toggle(id, (event.currentTarget as HTMLInputElement).checked);
                        setKind('chosen');
                      }} />
                    <span class="hit-name">{fields.artist(hit) ? `${fields.artist(hit)} – ` : ''}{fields.title(hit)}</span>
                  </label>
                  <span class="hit-facts"><KeyBadge value={fields.key(hit)} /> {format.num(fields.bpm(hit))} BPM</span>
                </li>
              );
            })}
          </ul>
        </div>
      )}

      <details class="mix-options" open>
        <summary>How the mix is planned</summary>
        <div class="option-grid">
          <div class="field">
            <label for="mix-length">Tracks to plan</label>
            <input id="mix-length" type="number" min={2} max={500} step={1}
              value={kind === 'chosen' && !touched.has('length') ? '' : form.length}
              placeholder={kind === 'chosen' ? String(chosen.length || '') : ''}
              onInput={(event) => set('length', (event.currentTarget as HTMLInputElement).value)} />
            <span class="hint">The seed included. {kind === 'chosen' ? 'Empty: as many as you ticked. ' : ''}You can
              plan more while it plays (Extend).</span>
          </div>
          <div class="field">
            <label for="mix-bpm">BPM window, ±%</label>
            <input id="mix-bpm" type="number" min={0.5} max={50} step={0.5} value={form.bpmWindowPercent}
              onInput={(event) => set('bpmWindowPercent', (event.currentTarget as HTMLInputElement).value)} />
            <span class="hint">How far the tempo may move from one track to the next. The mixer beat-matches each
              transition; at 6 %, a 125 BPM track is followed by one of 117.5 to 132.5 BPM.</span>
          </div>
          <div class="field">
            <label for="mix-curve">Energy curve</label>
            <select id="mix-curve" value={form.energyCurve}
              onChange={(event) => set('energyCurve', (event.currentTarget as HTMLSelectElement).value as EnergyCurve)}>
              {CURVES.map((curve) => <option key={curve.value} value={curve.value}>{curve.label}</option>)}
            </select>
            <span class="hint">{CURVES.find((curve) => curve.value === form.energyCurve)?.help}.</span>
          </div>
          <div class="field">
            <span>Key moves</span>
            <span class="hint">Always: the same key, one step around the Camelot wheel (8A to 7A or 9A), or the
              relative major or minor (8A to 8B).</span>
            <label class="inline">
              <input type="checkbox" checked={form.energyBoost}
                onChange={(event) => set('energyBoost', (event.currentTarget as HTMLInputElement).checked)} />
              Also the energy boost: two steps up the wheel (8A to 10A), a lift to use sparingly
            </label>
          </div>
          <div class="field">
            <label for="mix-bars">Crossfade, bars</label>
            <input id="mix-bars" type="number" min={1} max={64} step={1} value={form.bars}
              onInput={(event) => set('bars', (event.currentTarget as HTMLInputElement).value)} />
            <span class="hint">How long each transition lasts, in bars of four beats: {bars} bars at 128 BPM
              are {format.num((bars * 4 * 60) / 128, 0)} s.</span>
          </div>
          <div class="field">
            <label for="mix-spacing">Artist spacing</label>
            <input id="mix-spacing" type="number" min={0} max={50} step={1} value={form.artistSpacing}
              onInput={(event) => set('artistSpacing', (event.currentTarget as HTMLInputElement).value)} />
            <span class="hint">How many other tracks play before an artist comes back.</span>
          </div>
          <div class="field">
            <span>Bass swap</span>
            <label class="inline">
              <input type="checkbox" checked={form.bassSwap}
                onChange={(event) => set('bassSwap', (event.currentTarget as HTMLInputElement).checked)} />
              Swap the basslines in the middle of the fade
            </label>
            <span class="hint">As DJs do on the EQ: the incoming bass takes over in one beat, so that two basslines
              never play at once. Off: the lows fade with the rest.</span>
          </div>
        </div>
      </details>
      <ErrorNote error={error} what="The mix did not start" />
      <div class="form-actions">
        <button type="submit" class="primary" disabled={starting}>{starting ? 'Starting…' : 'Start the mix'}</button>
      </div>
    </form>
  );
}

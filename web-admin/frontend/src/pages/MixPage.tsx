// One mix as it plays: the two decks around the coming transition, what plays and what comes next (Camelot key,
// BPM, the key move and tempo change between them), the planned order (a track taken out, or put next, or any track
// of the library put next, or moved up or down), position and listeners, skip, extend and stop; a player in the page;
// the addresses to share; the tracklist so far with its CUE sheet; renders to a file. The page reads the mix again
// on each of the mixer's server events for it (a track heard, the plan changed, the mix stopped, a render's
// progress), and every ten seconds as a fallback; it counts the position on in between.

import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorNote } from '../components/ErrorNote';
import { KeyBadge } from '../components/KeyBadge';
import { PageHeader } from '../components/PageHeader';
import { Progress } from '../components/Progress';
import { ShareMix } from '../components/ShareMix';
import { WaveformView } from '../components/WaveformView';
import { API, ApiError, del, post, query } from '../lib/api';
import * as format from '../lib/format';
import { usePolling, useResource, useServerEvents } from '../lib/hooks';
import { entryName, keyMove, type Mix, type MixEntry, type MixRender, type MixTracklistEntry, streamUrl,
  tempoChange } from '../lib/mixes';
import { navigate } from '../lib/router';
import * as fields from '../lib/trackFields';
import type { TrackPage, Waveform } from '../lib/types';
import { stateName } from './Mixer';

/** How often the mix is read again besides its events, milliseconds: a fallback while the event stream is down. */
const REFRESH_MS = 10_000;
/** The mixer's topics after which the mix is read again. */
const MIX_TOPICS = new Set(['org/deckhand/mixer/mix/TRACK_CHANGED', 'org/deckhand/mixer/mix/PLAN_CHANGED',
  'org/deckhand/mixer/mix/STOPPED']);
/** The mixer's topics after which a render's status is read again. */
const RENDER_TOPICS = new Set(['org/deckhand/mixer/render/PROGRESS', 'org/deckhand/mixer/render/COMPLETED',
  'org/deckhand/mixer/render/FAILED']);
/** How often a running render's progress is read besides its events, milliseconds. */
const RENDER_REFRESH_MS = 10_000;
/** How many tracks Extend adds to the plan. */
const EXTEND_BY = 10;

export function MixPage({ id }: { id: string }) {
  const path = `/mixes/${encodeURIComponent(id)}`;
  const mix = useResource<Mix>(path);
  const tracklist = useResource<MixTracklistEntry[]>(`${path}/tracklist`);
  const [error, setError] = useState<ApiError>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const position = useLivePosition(mix.data);
  usePolling(mix.reload, REFRESH_MS);
  useServerEvents((event) => {
    if (MIX_TOPICS.has(event.topic) && event.properties['mix.id'] === id) {
      mix.reload();
    }
  });

  const started = mix.data?.plan.filter((entry) => entry.startSeconds !== null).length ?? 0;
  const reloadTracklist = tracklist.reload;
  useEffect(reloadTracklist, [started, reloadTracklist]);

  if (!mix.data) {
    return (
      <section aria-labelledby="page-title">
        <PageHeader title={`Mix ${id}`} />
        {mix.error ? <ErrorNote error={mix.error} what={`Mix ${id}`} /> : <p class="muted">Loading…</p>}
        <p><a href="/mixes">All mixes</a></p>
      </section>
    );
  }
  const m = mix.data;
  const playing = m.state === 'PLAYING';

  const act = async (what: string, action: () => Promise<unknown>, done: (result: unknown) => string):
    Promise<void> => {
    setBusy(true);
    try {
      const result = await action();
      setError(undefined);
      setNote(done(result));
      mix.reload();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError({ status: 0, detail: `${what}: ${String(failure)}` }));
    } finally {
      setBusy(false);
    }
  };

  const skip = () => act('Skip', () => post<Mix>(`${path}/skip`),
    () => `Mixing into ${m.next[0] ? entryName(m.next[0]) : 'the next track'} now.`);
  const extend = () => act('Extend', () => post<Mix>(`${path}/extend`, { count: EXTEND_BY }), (result) => {
    const added = (result as Mix).plan.length - m.plan.length;
    return added >= EXTEND_BY ? `${added} tracks added to the plan.`
      : `${added} ${added === 1 ? 'track' : 'tracks'} added: no more tracks fit the key moves and BPM window.`;
  });
  const stop = () => {
    if (confirm('Stop the mix? Every player listening to it stops, and it cannot be resumed.')) {
      void act('Stop', () => post<Mix>(`${path}/stop`), () => 'The mix is stopped.');
    }
  };
  const forget = async () => {
    if (!confirm('Forget this mix? Its tracklist goes with it; rendered files stay in the data folder.')) {
      return;
    }
    try {
      await del(path);
      navigate('/mixes');
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError({ status: 0, detail: String(failure) }));
    }
  };

  const now = m.nowPlaying;
  const next = m.next[0];
  const intoTrack = now?.startSeconds != null ? Math.max(0, position - now.startSeconds) : undefined;
  return (
    <section class="mix" aria-labelledby="page-title">
      <PageHeader title={`Mix ${m.id}`}>
        <span class={`state mix-state ${m.state.toLowerCase()}`} data-testid="mix-state">{stateName(m)}</span>
      </PageHeader>
      <p class="subtitle"><a href="/mixes">All mixes</a> · started {format.dateTime(m.createdAt)}</p>

      <div class="mix-controls" role="group" aria-label="Mix controls">
        <button type="button" class="primary" onClick={skip} disabled={!playing || busy || !next}>
          Skip to the next track</button>
        <button type="button" onClick={extend} disabled={!playing || busy}>Plan {EXTEND_BY} more</button>
        <button type="button" class="danger" onClick={stop} disabled={!playing || busy}>Stop</button>
        {!playing && <button type="button" class="quiet" onClick={forget}>Forget this mix</button>}
      </div>
      <p class="mix-note" role="status">{note}</p>
      <ErrorNote error={error} />
      <ErrorNote error={mix.error} what="Reading the mix again" />

      <dl class="mix-facts">
        <div><dt>Position</dt><dd data-testid="mix-position">{format.duration(position)}</dd></div>
        <div><dt>Listeners</dt><dd data-testid="mix-listeners">{m.listeners}</dd></div>
        <div><dt>Planned</dt><dd>{m.plan.length} tracks, {m.next.length} to come</dd></div>
      </dl>
      {m.paused && <p class="hint">Paused: nobody is listening. The mix goes on when a player connects (press play
        below, or open the stream in a player).</p>}
      {m.state === 'ENDED' && <p class="hint">The mix played its whole plan.</p>}

      <div class="decks">
        <Deck label="Now playing" entry={now} testId="now-playing"
          detail={now && intoTrack !== undefined ? `${format.duration(intoTrack)} in` : 'not started yet'} />
        <Deck label="Next" entry={next} testId="next-up"
          detail={next ? [keyMove(now?.camelot, next.camelot), tempoChange(now?.bpm, next.bpm)].filter(Boolean)
            .join(' · ') : 'the plan ends here'} />
      </div>

      <section class="panel" aria-labelledby="listen-title">
        <h2 id="listen-title">Listen here</h2>
        <audio class="mix-audio" controls preload="none" src={playing ? streamUrl(m, 'mp3') : undefined}
          data-testid="mix-audio" aria-label={`The MP3 stream of mix ${m.id}`} />
        <p class="hint">This browser joins the stream as one more listener: everyone hears the same mix.</p>
      </section>

      <PlanList mix={m} busy={busy}
        edit={(what, call, done) => act(what, call, () => done)} />
      <ShareMix mix={m} onToken={mix.reload} />
      <Tracklist id={m.id} entries={tracklist.data} error={tracklist.error} />
      <Renders id={m.id} />
    </section>
  );
}

/** The position in the mix, seconds: the server's, counted on in the browser while the mix plays. */
function useLivePosition(mix: Mix | undefined): number {
  const [now, setNow] = useState(Date.now());
  const readAt = useRef(Date.now());
  useEffect(() => {
    readAt.current = Date.now();
  }, [mix]);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  if (!mix) {
    return 0;
  }
  const running = mix.state === 'PLAYING' && !mix.paused;
  return mix.positionSeconds + (running ? Math.max(0, now - readAt.current) / 1000 : 0);
}

function Deck({ label, entry, detail, testId }: { label: string; entry: MixEntry | null | undefined; detail: string;
  testId: string }) {
  const waveform = useResource<Waveform>(entry ? `/tracks/${encodeURIComponent(entry.trackId)}/waveform` : null);
  const headingId = `${testId}-title`;
  return (
    <article class="deck panel" aria-labelledby={headingId} data-testid={testId}>
      <h2 id={headingId}>{label}</h2>
      {entry ? (
        <>
          <p class="deck-name"><a href={`/tracks/${entry.trackId}`}>{entryName(entry)}</a></p>
          <p class="deck-facts">
            <KeyBadge value={entry.camelot} />
            <span><span data-testid={`${testId}-bpm`}>{format.num(entry.bpm)}</span> BPM</span>
            <span>energy {format.num(entry.energy)}</span>
            <span class="muted">{detail}</span>
          </p>
          {waveform.data && <WaveformView waveform={waveform.data} grid={{}} audio={null} />}
        </>
      ) : <p class="muted">{detail}</p>}
    </article>
  );
}

type Edit = (what: string, call: () => Promise<Mix>, done: string) => Promise<void>;

function PlanList({ mix, busy, edit }: { mix: Mix; busy: boolean; edit: Edit }) {
  const now = mix.nowPlaying?.trackId;
  const path = `/mixes/${encodeURIComponent(mix.id)}`;
  const playing = mix.state === 'PLAYING';
  const remove = (entry: MixEntry) => edit('Remove', () => del<Mix>(`${path}/plan/${entry.trackId}`),
    `${entryName(entry)} is out of the plan.`);
  const playNext = (trackId: string, name: string) => edit('Play next',
    () => post<Mix>(`${path}/plan/next`, { trackId }), `${name} plays next.`);
  const move = (entry: MixEntry, position: number, where: string) => edit('Move',
    () => post<Mix>(`${path}/plan/move`, { trackId: entry.trackId, position }), `${entryName(entry)} moved ${where}.`);
  const firstEditable = mix.plan.findIndex((entry) => entry.editable);
  return (
    <section class="panel" aria-labelledby="plan-title">
      <h2 id="plan-title">Planned order</h2>
      <ol class="plan-list" data-testid="plan">
        {mix.plan.map((entry, index) => {
          const previous = index > 0 ? mix.plan[index - 1] : undefined;
          const transition = previous && [keyMove(previous.camelot, entry.camelot),
            tempoChange(previous.bpm, entry.bpm)].filter(Boolean).join(' · ');
          const status = entry.trackId === now ? 'playing' : entry.startSeconds !== null ? 'played' : 'planned';
          const name = entryName(entry);
          return (
            <li key={entry.trackId} class={`plan-${status}`} aria-current={status === 'playing' ? 'true' : undefined}>
              <span class="plan-name"><a href={`/tracks/${entry.trackId}`}>{name}</a></span>
              <span class="plan-facts">
                <KeyBadge value={entry.camelot} /> {format.num(entry.bpm)} BPM
                {transition && <span class="muted"> · {transition}</span>}
              </span>
              <span class="plan-status">{status === 'playing' ? 'now playing'
                : status === 'played' ? `at ${format.duration(entry.startSeconds)}` : ''}</span>
              {status === 'planned' && playing && entry.editable && (
                <span class="plan-actions">
                  <button type="button" class="quiet" disabled={busy || index <= firstEditable}
                    aria-label={`Move ${name} up`} onClick={() => move(entry, index - 1, 'up')}>Move up</button>
                  <button type="button" class="quiet" disabled={busy || index >= mix.plan.length - 1}
                    aria-label={`Move ${name} down`} onClick={() => move(entry, index + 1, 'down')}>Move down</button>
                  <button type="button" class="quiet" disabled={busy} aria-label={`Play next: ${name}`}
                    onClick={() => playNext(entry.trackId, name)}>Play next</button>
                  <button type="button" class="quiet" disabled={busy} aria-label={`Remove ${name} from the plan`}
                    onClick={() => remove(entry)}>Remove</button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {playing && <AddNext busy={busy} onPick={playNext} />}
    </section>
  );
}

/** How many hits of a search are offered to put next. */
const ADD_HITS = 8;

/** A search of the library whose hits can be put next in the mix, whether the planner chose them or not. */
function AddNext({ busy, onPick }: { busy: boolean; onPick: (trackId: string, name: string) => Promise<void> }) {
  const [text, setText] = useState('');
  const found = useResource<TrackPage>(text.trim() ? '/tracks' + query({ q: text.trim(), limit: ADD_HITS }) : null);
  return (
    <div class="add-next">
      <div class="field">
        <label for="add-next-search">Play a track of the library next</label>
        <input id="add-next-search" type="search" value={text} spellcheck={false} autoComplete="off"
          placeholder="artist, title or a query such as key:8A~"
          onInput={(event) => setText((event.currentTarget as HTMLInputElement).value)} />
        <span class="hint">It is mixed in after the track being loaded, even where its key or tempo does not fit
          (then with a plain crossfade).</span>
      </div>
      <ErrorNote error={found.error} what="Search" />
      {text.trim() && found.data && (
        <ul class="hit-list" aria-label="Tracks to play next">
          {found.data.tracks.map((track) => {
            const name = `${fields.artist(track) ? `${fields.artist(track)} – ` : ''}${fields.title(track)}`;
            return (
              <li key={track.id}>
                <span class="hit-name">{name}</span>
                <span class="hit-facts"><KeyBadge value={fields.key(track)} /> {format.num(fields.bpm(track))} BPM{' '}
                  <button type="button" disabled={busy} aria-label={`Play next: ${name}`}
                    onClick={() => onPick(String(track.id), name)}>Play next</button></span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function Tracklist({ id, entries, error }: { id: string; entries: MixTracklistEntry[] | undefined;
  error: ApiError | undefined }) {
  const cueUrl = `${API}/mixes/${encodeURIComponent(id)}/tracklist.cue`;
  const [cue, setCue] = useState<string>();
  const [cueError, setCueError] = useState<string>();
  const count = entries?.length ?? 0;
  const show = async () => {
    const response = await fetch(cueUrl, { credentials: 'same-origin', headers: { 'X-Requested-With': 'deckhand' } });
    if (response.ok) {
      setCue(await response.text());
      setCueError(undefined);
    } else {
      setCue(undefined);
      setCueError(response.status === 409 ? 'The CUE sheet begins once the first track has started.'
        : `The CUE sheet cannot be read: HTTP ${response.status}`);
    }
  };
  useEffect(() => {
    if (cue !== undefined) {
      void show();
    }
    // The CUE sheet on show follows the tracklist as it grows.
  }, [count]);
  return (
    <section class="panel" aria-labelledby="tracklist-title">
      <h2 id="tracklist-title">Tracklist so far</h2>
      <ErrorNote error={error} />
      {entries && entries.length === 0 && <p class="muted">No track has started yet.</p>}
      {entries && entries.length > 0 && (
        <ol class="mix-tracklist" data-testid="tracklist">
          {entries.map((entry) => (
            <li key={entry.index}>
              <span class="cue-time">{format.duration(entry.startSeconds)}</span>
              <a href={`/tracks/${entry.trackId}`}>{entryName(entry)}</a>
            </li>
          ))}
        </ol>
      )}
      <div class="form-actions">
        {count > 0 && <a href={cueUrl} download={`mix-${id}.cue`}>Download the CUE sheet</a>}
        <button type="button" onClick={show} disabled={count === 0}>Show the CUE sheet</button>
      </div>
      {cueError && <p class="muted">{cueError}</p>}
      {cue !== undefined && <pre class="cue-sheet" data-testid="cue-sheet" tabIndex={0}>{cue}</pre>}
      <p class="hint">The CUE sheet times each track in the MP3 stream: with a recording of the stream, a player
        shows the tracks and can skip between them.</p>
    </section>
  );
}

function Renders({ id }: { id: string }) {
  const path = `/mixes/${encodeURIComponent(id)}/render`;
  const status = useResource<MixRender>(path);
  const [chosen, setChosen] = useState<'flac' | 'mp3'>('flac');
  const [error, setError] = useState<ApiError>();
  const running = status.data?.state === 'RUNNING';
  usePolling(() => running && status.reload(), RENDER_REFRESH_MS);
  const reloadStatus = status.reload;
  useServerEvents((event) => {
    if (RENDER_TOPICS.has(event.topic) && event.properties['mix.id'] === id) {
      reloadStatus();
    }
  });

  const start = async () => {
    try {
      await post<MixRender>(path, { format: chosen });
      setError(undefined);
      status.reload();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError({ status: 0, detail: String(failure) }));
    }
  };

  const render = status.data;
  return (
    <section class="panel" aria-labelledby="render-title">
      <h2 id="render-title">Render to a file</h2>
      <p class="hint">Renders the whole plan, as planned now, into one file in the server's data folder, faster than
        real time, with its CUE sheet beside it.</p>
      <div class="form-actions">
        <label class="inline" for="render-format">Format</label>
        <select id="render-format" value={chosen}
          onChange={(event) => setChosen((event.currentTarget as HTMLSelectElement).value as 'flac' | 'mp3')}>
          <option value="flac">FLAC (lossless)</option>
          <option value="mp3">MP3</option>
        </select>
        <button type="button" onClick={start} disabled={running}>Render the mix</button>
      </div>
      <ErrorNote error={error} what="The render did not start" />
      {status.error && status.error.status !== 404 && <ErrorNote error={status.error} what="Render" />}
      {render && (
        <div class="render-status" data-testid="render-status">
          {render.state === 'RUNNING' && <Progress label="Rendering" done={Math.round(render.progress * 100)}
            total={100} />}
          {render.state === 'DONE' && (
            <p>Rendered: <span class="path">{render.file}</span>.{' '}
              <a href={`${API}${path}/file`} download>Download the audio</a> ·{' '}
              <a href={`${API}${path}/cue`} download>its CUE sheet</a></p>
          )}
          {render.state === 'FAILED' && <p class="error-note">{render.error}</p>}
        </div>
      )}
    </section>
  );
}

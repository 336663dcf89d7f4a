// One track: player and waveform with beat grid and cue points, tags, file facts, every analyser's result (plugins'
// too), the analysers' latest runs, and the tracks that mix well next.

import { useState } from 'preact/hooks';
import { ErrorNote } from '../components/ErrorNote';
import { KeyBadge } from '../components/KeyBadge';
import { PageHeader } from '../components/PageHeader';
import { WaveformView, type Grid } from '../components/WaveformView';
import { ApiError, post } from '../lib/api';
import * as format from '../lib/format';
import { browserPlays } from '../lib/playable';
import { useResource, useServerEvents } from '../lib/hooks';
import * as fields from '../lib/trackFields';
import type { AnalysisValue, CompatibleTrack, Track, TrackAnalysis, Waveform } from '../lib/types';

export function TrackDetail({ id }: { id: number }) {
  const track = useResource<Track>(`/tracks/${id}`);
  const analysis = useResource<TrackAnalysis>(`/tracks/${id}/analysis`);
  const waveform = useResource<Waveform>(`/tracks/${id}/waveform`);
  const compatible = useResource<CompatibleTrack[]>(`/tracks/${id}/compatible`);
  const [audio, setAudio] = useState<HTMLAudioElement | null>(null);
  const [playing, setPlaying] = useState(false);
  const [requested, setRequested] = useState<string>();

  useServerEvents((event) => {
    if (event.topic === 'org/deckhand/analysis/track/COMPLETED' && Number(event.properties['track.id']) === id) {
      track.reload();
      analysis.reload();
      waveform.reload();
      compatible.reload();
      setRequested(undefined);
    }
  });

  const reanalyse = async () => {
    try {
      await post(`/tracks/${id}/analyse`);
      setRequested('Queued ahead of the others; the results below update when it is done.');
    } catch (error) {
      setRequested(error instanceof ApiError ? error.message : String(error));
    }
  };

  if (track.error) {
    return (
      <section>
        <PageHeader title={`Track ${id}`} />
        <ErrorNote error={track.error} />
        <p><a href="/library">Back to the library</a></p>
      </section>
    );
  }
  const t = track.data;
  if (!t) {
    return <p role="status">Loading track {id}…</p>;
  }
  const beatgrid = t.analyses.beatgrid?.values ?? {};
  const grid: Grid = {
    firstDownbeatSeconds: numberOrUndefined(beatgrid.firstDownbeatSeconds),
    beatPeriodSeconds: numberOrUndefined(beatgrid.beatPeriodSeconds),
    introEndSeconds: numberOrUndefined(beatgrid.introEndSeconds),
    outroStartSeconds: numberOrUndefined(beatgrid.outroStartSeconds),
  };

  const playable = browserPlays(t.file.format);

  return (
    <section class="track" aria-labelledby="page-title">
      <PageHeader title={fields.title(t)}>
        <a class="button" href={`/mixes?track=${t.id}`}>Start a mix from here</a>
        <button type="button" onClick={reanalyse}>Analyse again</button>
      </PageHeader>
      <p class="subtitle">{fields.artist(t) || 'Unknown artist'}{t.tags.album ? ` · ${t.tags.album}` : ''}</p>
      {requested && <p class="note" role="status">{requested}</p>}
      {t.missingSince && <p class="error-note">The file is missing since {format.dateTime(t.missingSince)}.</p>}

      <ul class="summary" aria-label="Summary">
        <li><span class="label">BPM</span> <strong>{format.num(fields.bpm(t))}</strong></li>
        <li><span class="label">Key</span> <KeyBadge value={fields.key(t)} />
          {typeof t.analyses.key?.values.key === 'string' && <span class="muted"> {t.analyses.key.values.key}</span>}</li>
        <li><span class="label">Energy</span> <strong>{format.num(fields.energy(t), 0)}</strong></li>
        <li><span class="label">Loudness</span> <strong>{format.num(fields.loudness(t))} LUFS</strong></li>
        <li><span class="label">Duration</span> <strong>{format.duration(t.audio.durationSeconds)}</strong></li>
        <li><span class="label">Format</span> <strong>{t.file.format}</strong></li>
      </ul>

      <section class="player" aria-label="Player">
        <div class="transport">
          <button type="button" class="primary play" disabled={!playable}
            onClick={() => (audio?.paused ? audio.play().catch(() => setPlaying(false)) : audio?.pause())}>
            {playing ? 'Pause' : 'Play'}
          </button>
          <audio ref={setAudio} controls preload="metadata" src={`/api/v1/tracks/${id}/audio`}
            aria-label={`Player for ${fields.title(t)}`} data-testid="player"
            onPlay={() => setPlaying(true)} onPause={() => setPlaying(false)} onEnded={() => setPlaying(false)} />
        </div>
        {!playable && <p class="unplayable" role="note" data-testid="unplayable">This browser cannot play{' '}
          {t.file.format.toUpperCase()} files: play this track in a player on the network (a Subsonic client, which
          the server transcodes for), or download <a href={`/api/v1/tracks/${id}/audio`} download>the file</a>.</p>}
        {waveform.data && <WaveformView waveform={waveform.data} grid={grid} audio={audio} />}
        {waveform.error && <p class="muted">{waveform.error.status === 404
          ? 'No waveform yet: the analysis has not reached this track.' : waveform.error.message}</p>}
      </section>

      <div class="columns">
        <section aria-labelledby="tags-title" class="panel">
          <h2 id="tags-title">Tags</h2>
          <dl class="facts">
            <Fact name="Title" value={t.tags.title} />
            <Fact name="Artists" value={t.tags.artists.join(', ')} />
            <Fact name="Album" value={t.tags.album} />
            <Fact name="Album artist" value={t.tags.albumArtist} />
            <Fact name="Track" value={t.tags.trackNumber} />
            <Fact name="Disc" value={t.tags.discNumber} />
            <Fact name="Year" value={t.tags.year} />
            <Fact name="Genre" value={t.tags.genre} />
            <Fact name="Label" value={t.tags.label} />
            <Fact name="ISRC" value={t.tags.isrc} />
            <Fact name="BPM (tag)" value={t.tags.bpm} />
            <Fact name="Key (tag)" value={t.tags.key} />
            <Fact name="Comment" value={t.tags.comment} />
            <Fact name="ReplayGain" value={t.replayGain.trackGainDb !== undefined
              ? `${format.num(t.replayGain.trackGainDb, 2)} dB` : undefined} />
          </dl>
          {t.warnings.length > 0 && <p class="error-note">Read only in part: {t.warnings.join('; ')}</p>}
        </section>

        <section aria-labelledby="file-title" class="panel">
          <h2 id="file-title">File</h2>
          <dl class="facts">
            <Fact name="Path" value={t.file.path} wrap />
            <Fact name="Size" value={format.bytes(t.file.sizeBytes)} />
            <Fact name="Modified" value={format.dateTime(t.file.modified)} />
            <Fact name="Added" value={format.dateTime(t.added)} />
            <Fact name="Codec" value={`${t.audio.codec}${t.audio.lossless ? ' (lossless)' : ''}`} />
            <Fact name="Bit rate" value={t.audio.bitrateKbps ? `${t.audio.bitrateKbps} kbit/s` : undefined} />
            <Fact name="Sample rate" value={t.audio.sampleRateHz ? `${format.num(t.audio.sampleRateHz / 1000)} kHz`
              : undefined} />
            <Fact name="Bit depth" value={t.audio.bitsPerSample ? `${t.audio.bitsPerSample} bit` : undefined} />
            <Fact name="Channels" value={t.audio.channels} />
            <Fact name="SHA-256" value={t.file.sha256} wrap />
          </dl>
        </section>
      </div>

      <section aria-labelledby="analysis-title" class="panel">
        <h2 id="analysis-title">Analysis</h2>
        <ErrorNote error={analysis.error} />
        {analysis.data && analysis.data.results.length === 0 && <p class="muted">Not analysed yet.</p>}
        <div class="analysers">
          {analysis.data?.results.map((result) => (
            <table key={result.analyserId} class="values" data-analyser={result.analyserId}>
              <caption>{result.analyserId} <span class="muted">version {result.version}</span></caption>
              <tbody>
                {result.values.map((value) => (
                  <tr key={value.name}>
                    <th scope="row" title={value.description ?? undefined}>{value.name}</th>
                    <td><Value value={value.value} unit={value.unit} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
        {analysis.data && analysis.data.runs.some((run) => run.failure) && (
          <>
            <h3>Failed runs</h3>
            <ul class="problems">
              {analysis.data.runs.filter((run) => run.failure).map((run) => (
                <li key={run.analyserId}><strong>{run.analyserId}</strong> {run.analyserVersion}:{' '}
                  <span class="reason">{run.failure}</span> <span class="muted">{format.dateTime(run.finished)}</span></li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="compatible-title" class="panel">
        <h2 id="compatible-title">Mix next</h2>
        {compatible.error && <p class="muted">{compatible.error.status === 409
          ? 'No key or BPM yet, so no compatible tracks.' : compatible.error.message}</p>}
        {compatible.data && compatible.data.length === 0 && <p class="muted">No compatible track in the library.</p>}
        {compatible.data && compatible.data.length > 0 && (
          <table class="list">
            <thead>
              <tr><th scope="col">Track</th><th scope="col">Key</th><th scope="col" class="num">BPM</th>
                <th scope="col">Relation</th><th scope="col" class="num">Tempo</th><th scope="col" class="num">Match</th></tr>
            </thead>
            <tbody>
              {compatible.data.map(({ track: other, rating }) => (
                <tr key={other.id}>
                  <td><a href={`/tracks/${other.id}`}>{fields.title(other)}</a>
                    <span class="muted"> {fields.artist(other)}</span></td>
                  <td><KeyBadge value={fields.key(other)} /></td>
                  <td class="num">{format.num(fields.bpm(other))}</td>
                  <td>{relation(rating.keyRelation)}</td>
                  <td class="num">{rating.bpmDifferencePercent != null
                    ? `${rating.bpmDifferencePercent > 0 ? '+' : ''}${format.num(rating.bpmDifferencePercent)} %` : '–'}</td>
                  <td class="num">{Math.round(rating.score * 100)} %</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}

function Fact({ name, value, wrap }: { name: string; value: string | number | undefined | null; wrap?: boolean }) {
  if (value === undefined || value === null || value === '') {
    return null;
  }
  return <><dt>{name}</dt><dd class={wrap ? 'path' : undefined}>{value}</dd></>;
}

function Value({ value, unit }: { value: AnalysisValue; unit: string | null }) {
  if (Array.isArray(value)) {
    return <Sparkline values={value} />;
  }
  if (typeof value === 'number') {
    return <>{format.num(value, 3)}{unit ? ` ${unit}` : ''}</>;
  }
  if (typeof value === 'boolean') {
    return <>{value ? 'yes' : 'no'}</>;
  }
  if (typeof value === 'string' && value.length > 80) {
    return <span class="muted">binary, {format.bytes(Math.floor((value.length * 3) / 4))}</span>;
  }
  return <>{value ?? '–'}{unit && value != null ? ` ${unit}` : ''}</>;
}

function Sparkline({ values }: { values: number[] }) {
  if (values.length === 0) {
    return <span class="muted">empty</span>;
  }
  const lowest = Math.min(...values);
  const highest = Math.max(...values);
  const range = highest - lowest || 1;
  const points = values.map((v, i) => `${(i / Math.max(1, values.length - 1)) * 100},${20 - ((v - lowest) / range) * 20}`);
  return (
    <span class="sparkline">
      <svg viewBox="0 0 100 20" preserveAspectRatio="none" aria-hidden="true">
        <polyline points={points.join(' ')} />
      </svg>
      <span class="muted">{values.length} values, {format.num(lowest, 2)} to {format.num(highest, 2)}</span>
    </span>
  );
}

function relation(keyRelation: string | null): string {
  switch (keyRelation) {
    case 'SAME': return 'same key';
    case 'ADJACENT': return 'a fifth away';
    case 'RELATIVE': return 'relative key';
    default: return '–';
  }
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

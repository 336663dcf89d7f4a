// A track's waveform as a DJ reads it, in two views on canvases:
//   - the overview of the whole track: per pixel column the peak envelope of the channels, filled with its three
//     frequency bands as rekordbox's three-band waveform layers them (red for the lows below 250 Hz, green for the
//     mids, blue for the highs above 4 kHz): each band's shape is as tall as its amplitude beside the strongest
//     band's, the strongest fills the envelope and the weaker ones are drawn inside it, so every colour seen is one
//     of the legend's and says which band carries the music there; with the bars, the cue points and the player's
//     position; a click plays from that point;
//   - a zoomed view of a few seconds around the playhead, which follows the player and scrolls (drag, wheel, arrow
//     keys or the slider) when a DJ looks ahead, with every beat of the grid, numbered bars and named cue points.
// The band levels come from the analysis in decibels (1 = a full-scale sine, 0 = 60 dB below); they are turned back
// into amplitudes first. Mixing the three into one colour per column, as Mixxx's RGB waveform does, gives yellow
// wherever lows and mids are about equal, which in most music is almost everywhere.

import { useEffect, useRef, useState } from 'preact/hooks';
import { duration as formatDuration } from '../lib/format';
import type { Waveform } from '../lib/types';

export interface Grid {
  firstDownbeatSeconds?: number;
  beatPeriodSeconds?: number;
  introEndSeconds?: number;
  outroStartSeconds?: number;
}

interface Props {
  waveform: Waveform;
  grid: Grid;
  audio: HTMLAudioElement | null;
}

const HEIGHT = 160;
const ZOOM_HEIGHT = 120;
const BACKGROUND = '#0d1014';
const LEVEL_RANGE_DB = 60;
const LOW = [255, 48, 32];
const MID = [64, 255, 64];
const HIGH = [48, 96, 255];
const INTRO_COLOUR = '#ffd166';
const OUTRO_COLOUR = '#ff7edb';
const ZOOMS = [4, 8, 16, 32, 64];
/** A band weaker than this share of the strongest one's amplitude is not drawn. */
const MIN_SHARE = 0.05;
const DEFAULT_ZOOM = 2;

export function WaveformView({ waveform, grid, audio }: Props) {
  const bpm = grid.beatPeriodSeconds ? 60 / grid.beatPeriodSeconds : undefined;
  return (
    <figure class="waveform">
      <Overview waveform={waveform} grid={grid} audio={audio} bpm={bpm} />
      <Zoomed waveform={waveform} grid={grid} audio={audio} />
      <figcaption class="legend">
        <span class="swatch low" aria-hidden="true" /> lows
        <span class="swatch mid" aria-hidden="true" /> mids
        <span class="swatch high" aria-hidden="true" /> highs
        {grid.beatPeriodSeconds && <><span class="swatch bar" aria-hidden="true" /> bars</>}
        {grid.introEndSeconds !== undefined && <><span class="swatch intro" aria-hidden="true" /> intro end</>}
        {grid.outroStartSeconds !== undefined && <><span class="swatch outro" aria-hidden="true" /> outro start</>}
      </figcaption>
    </figure>
  );
}

function Overview({ waveform, grid, audio, bpm }: Props & { bpm?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const base = useRef<HTMLCanvasElement | null>(null);

  useEffect(() => {
    const element = canvas.current as HTMLCanvasElement;
    const paint = () => {
      const ratio = window.devicePixelRatio || 1;
      const width = Math.max(1, Math.round(element.clientWidth * ratio));
      const height = Math.round(HEIGHT * ratio);
      element.width = width;
      element.height = height;
      base.current = drawOverview(waveform, grid, width, height, ratio);
      drawPlayhead(element, base.current, audio, waveform.durationSeconds);
    };
    paint();
    const observer = new ResizeObserver(paint);
    observer.observe(element);
    return () => observer.disconnect();
  }, [waveform, grid, audio]);

  useAnimation(audio, () => {
    if (base.current && canvas.current) {
      drawPlayhead(canvas.current, base.current, audio, waveform.durationSeconds);
    }
  }, [waveform]);

  const seek = (event: MouseEvent) => {
    const element = canvas.current as HTMLCanvasElement;
    if (!audio) {
      return;
    }
    const fraction = (event.clientX - element.getBoundingClientRect().left) / element.clientWidth;
    audio.currentTime = Math.max(0, Math.min(1, fraction)) * waveform.durationSeconds;
  };

  return (
    <canvas ref={canvas} style={{ height: `${HEIGHT}px` }} onClick={seek} data-testid="waveform" role="img"
      aria-label={`Waveform of ${Math.round(waveform.durationSeconds)} s, coloured by frequency band${bpm
        ? `, with a beat grid at ${bpm.toFixed(1)} BPM` : ''}; click to play from a point`} />
  );
}

function Zoomed({ waveform, grid, audio }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [zoom, setZoom] = useState(DEFAULT_ZOOM);
  const [centre, setCentre] = useState(0);
  const [following, setFollowing] = useState(true);
  const drag = useRef<{ x: number; centre: number; moved: boolean } | null>(null);
  const span = ZOOMS[zoom];
  const total = waveform.durationSeconds;

  const paint = () => {
    const element = canvas.current;
    if (!element) {
      return;
    }
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(element.clientWidth * ratio));
    const height = Math.round(ZOOM_HEIGHT * ratio);
    if (element.width !== width || element.height !== height) {
      element.width = width;
      element.height = height;
    }
    const at = following && audio ? audio.currentTime : centre;
    drawZoomed(element, waveform, grid, at - span / 2, span, audio?.currentTime ?? 0, ratio);
  };

  const painter = useRef(paint);
  painter.current = paint;
  useEffect(paint);
  useEffect(() => {
    const observer = new ResizeObserver(() => painter.current());
    observer.observe(canvas.current as HTMLCanvasElement);
    return () => observer.disconnect();
  }, []);

  useAnimation(audio, () => {
    if (following && audio) {
      setCentre(audio.currentTime);
    }
    paint();
  }, [waveform, grid, span, following, centre]);

  useEffect(() => {
    if (!audio) {
      return;
    }
    const follow = () => setFollowing(true);
    audio.addEventListener('play', follow);
    return () => audio.removeEventListener('play', follow);
  }, [audio]);

  const scrollTo = (seconds: number) => {
    setFollowing(false);
    setCentre(Math.max(0, Math.min(total, seconds)));
  };
  const secondsPerPixel = () => span / Math.max(1, canvas.current?.clientWidth ?? 1);

  const down = (event: PointerEvent) => {
    drag.current = { x: event.clientX, centre: following && audio ? audio.currentTime : centre, moved: false };
    (event.currentTarget as HTMLElement).setPointerCapture?.(event.pointerId);
  };
  const move = (event: PointerEvent) => {
    if (!drag.current) {
      return;
    }
    const dx = event.clientX - drag.current.x;
    if (Math.abs(dx) > 3) {
      drag.current.moved = true;
      scrollTo(drag.current.centre - dx * secondsPerPixel());
    }
  };
  const up = (event: PointerEvent) => {
    const state = drag.current;
    drag.current = null;
    if (state && !state.moved && audio) {
      const element = canvas.current as HTMLCanvasElement;
      const x = event.clientX - element.getBoundingClientRect().left;
      audio.currentTime = Math.max(0, Math.min(total, state.centre - span / 2 + x * secondsPerPixel()));
      setFollowing(true);
    }
  };
  const wheel = (event: WheelEvent) => {
    event.preventDefault();
    const shown = following && audio ? audio.currentTime : centre;
    scrollTo(shown + (event.deltaX || event.deltaY) * secondsPerPixel());
  };
  const key = (event: KeyboardEvent) => {
    const shown = following && audio ? audio.currentTime : centre;
    const bar = grid.beatPeriodSeconds ? 4 * grid.beatPeriodSeconds : span / 8;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      scrollTo(shown + (event.key === 'ArrowLeft' ? -bar : bar));
    } else if (event.key === '+' || event.key === '-') {
      event.preventDefault();
      setZoom((z) => Math.max(0, Math.min(ZOOMS.length - 1, z + (event.key === '+' ? -1 : 1))));
    }
  };

  const shown = following && audio ? audio.currentTime : centre;
  const bars = barRange(grid, shown - span / 2, shown + span / 2);
  return (
    <div class="zoomed">
      <canvas ref={canvas} style={{ height: `${ZOOM_HEIGHT}px` }} data-testid="waveform-zoom" role="img"
        tabIndex={0} onPointerDown={down} onPointerMove={move} onPointerUp={up} onWheel={wheel} onKeyDown={key}
        data-centre={shown.toFixed(2)} data-span={span}
        aria-label={`Zoomed waveform: ${span} s around ${formatDuration(shown)}${bars ? `, bars ${bars}` : ''}; `
          + 'drag or use the arrow keys to look ahead, click to play from a point'} />
      <div class="zoom-controls">
        <button type="button" onClick={() => setZoom((z) => Math.max(0, z - 1))} disabled={zoom === 0}
          aria-label="Zoom in">+</button>
        <button type="button" onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))}
          disabled={zoom === ZOOMS.length - 1} aria-label="Zoom out">−</button>
        <span class="muted zoom-span">{span} s</span>
        <input type="range" min={0} max={Math.max(0, total)} step={0.1} value={shown}
          aria-label="Scroll the zoomed waveform" aria-valuetext={formatDuration(shown)}
          onInput={(event) => scrollTo(Number(event.currentTarget.value))} />
        <button type="button" onClick={() => setFollowing(true)} disabled={following}>Follow the player</button>
      </div>
    </div>
  );
}

/** Calls draw on every animation frame while the player plays, and once on each of its seeks and pauses. */
function useAnimation(audio: HTMLAudioElement | null, draw: () => void, inputs: unknown[]) {
  useEffect(() => {
    if (!audio) {
      return;
    }
    let frame = 0;
    const tick = () => {
      draw();
      frame = audio.paused ? 0 : requestAnimationFrame(tick);
    };
    const start = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(tick);
    };
    const events = ['play', 'seeked', 'timeupdate', 'pause'];
    events.forEach((name) => audio.addEventListener(name, start));
    return () => {
      cancelAnimationFrame(frame);
      events.forEach((name) => audio.removeEventListener(name, start));
    };
  }, [audio, ...inputs]);
}

/** The amplitude (linear, 1 = full scale) of a band level as the analysis stores it (linear in dB, 0 to 1). */
export function amplitude(level: number): number {
  return level <= 0 ? 0 : Math.pow(10, ((level - 1) * LEVEL_RANGE_DB) / 20);
}

function drawOverview(waveform: Waveform, grid: Grid, width: number, height: number, ratio: number): HTMLCanvasElement {
  const image = document.createElement('canvas');
  image.width = width;
  image.height = height;
  const context = image.getContext('2d') as CanvasRenderingContext2D;
  context.fillStyle = BACKGROUND;
  context.fillRect(0, 0, width, height);
  for (let x = 0; x < width; x++) {
    const from = Math.floor((x * waveform.points) / width);
    const to = Math.max(from + 1, Math.floor(((x + 1) * waveform.points) / width));
    drawColumn(context, waveform, from, to, x, 1, height);
  }
  drawGrid(context, grid, waveform.durationSeconds, width, height, ratio);
  return image;
}

/** Draws the envelope of points [from, to) as a column at x, w pixels wide, filled with its bands' shapes. */
function drawColumn(context: CanvasRenderingContext2D, waveform: Waveform, from: number, to: number, x: number,
    w: number, height: number) {
  let top = 0;
  let bottom = 0;
  let low = 0;
  let mid = 0;
  let high = 0;
  for (let i = Math.max(0, from); i < to && i < waveform.points; i++) {
    for (const channel of waveform.channels) {
      top = Math.max(top, channel.max[i]);
      bottom = Math.min(bottom, channel.min[i]);
    }
    low = Math.max(low, waveform.low[i]);
    mid = Math.max(mid, waveform.mid[i]);
    high = Math.max(high, waveform.high[i]);
  }
  if (top === 0 && bottom === 0) {
    return;
  }
  const bands = [{ a: amplitude(low), colour: LOW }, { a: amplitude(mid), colour: MID },
    { a: amplitude(high), colour: HIGH }].sort((p, q) => q.a - p.a);
  const strongest = Math.max(bands[0].a, 1e-9);
  const middle = height / 2;
  for (const band of bands) {
    const share = band.a / strongest;
    if (share < MIN_SHARE) {
      continue;
    }
    context.fillStyle = `rgb(${band.colour.join(',')})`;
    const y = middle - top * share * middle;
    context.fillRect(x, y, w, Math.max(1, (top - bottom) * share * middle));
  }
}

function drawGrid(context: CanvasRenderingContext2D, grid: Grid, duration: number, width: number, height: number,
    ratio: number) {
  const x = (seconds: number) => Math.round((seconds / duration) * width) + 0.5;
  const period = grid.beatPeriodSeconds;
  const beatPixels = period ? (period / duration) * width : 0;
  if (period && grid.firstDownbeatSeconds !== undefined && duration > 0 && beatPixels * 4 >= 4 * ratio) {
    const beatsBefore = Math.floor(grid.firstDownbeatSeconds / period);
    const firstBeat = grid.firstDownbeatSeconds - beatsBefore * period;
    context.lineWidth = 1;
    for (let beat = 0; firstBeat + beat * period < duration; beat++) {
      const time = firstBeat + beat * period;
      const bar = (((beat - beatsBefore) % 4) + 4) % 4 === 0;
      if (!bar && beatPixels < 6 * ratio) {
        continue;
      }
      context.strokeStyle = bar ? 'rgba(255,255,255,0.35)' : 'rgba(255,255,255,0.12)';
      context.beginPath();
      context.moveTo(x(time), bar ? 0 : height * 0.85);
      context.lineTo(x(time), height);
      context.stroke();
    }
  }
  drawCue(context, grid.introEndSeconds !== undefined ? x(grid.introEndSeconds) : undefined, height, ratio,
    INTRO_COLOUR);
  drawCue(context, grid.outroStartSeconds !== undefined ? x(grid.outroStartSeconds) : undefined, height, ratio,
    OUTRO_COLOUR);
}

function drawCue(context: CanvasRenderingContext2D, at: number | undefined, height: number, ratio: number,
    colour: string, label?: string) {
  if (at === undefined || !Number.isFinite(at) || at < -10 * ratio || at > context.canvas.width + 10 * ratio) {
    return;
  }
  context.fillStyle = colour;
  context.fillRect(at - 0.5, 0, Math.max(1, ratio * 1.5), height);
  context.beginPath();
  context.moveTo(at - 6 * ratio, 0);
  context.lineTo(at + 6 * ratio, 0);
  context.lineTo(at, 9 * ratio);
  context.fill();
  if (label) {
    context.font = `${11 * ratio}px system-ui, sans-serif`;
    context.fillText(label, at + 4 * ratio, height - 6 * ratio);
  }
}

function drawPlayhead(canvas: HTMLCanvasElement, base: HTMLCanvasElement, audio: HTMLAudioElement | null,
    duration: number) {
  const context = canvas.getContext('2d') as CanvasRenderingContext2D;
  context.drawImage(base, 0, 0);
  if (audio && duration > 0 && (audio.currentTime > 0 || !audio.paused)) {
    const x = Math.round((audio.currentTime / duration) * canvas.width);
    context.fillStyle = '#ffffff';
    context.fillRect(x, 0, Math.max(1, window.devicePixelRatio || 1) * 2, canvas.height);
  }
}

/** Draws [start, start + span) seconds of the waveform, its beats, numbered bars, cue points and the playhead. */
function drawZoomed(canvas: HTMLCanvasElement, waveform: Waveform, grid: Grid, start: number, span: number,
    playhead: number, ratio: number) {
  const context = canvas.getContext('2d') as CanvasRenderingContext2D;
  const { width, height } = canvas;
  context.fillStyle = BACKGROUND;
  context.fillRect(0, 0, width, height);
  const pixelsPerSecond = width / span;
  const x = (seconds: number) => Math.round((seconds - start) * pixelsPerSecond) + 0.5;
  const pointPixels = waveform.pointSeconds * pixelsPerSecond;
  if (pointPixels >= 1) {
    const first = Math.max(0, Math.floor(start / waveform.pointSeconds));
    const last = Math.min(waveform.points, Math.ceil((start + span) / waveform.pointSeconds));
    for (let i = first; i < last; i++) {
      const left = Math.floor((i * waveform.pointSeconds - start) * pixelsPerSecond);
      const right = Math.floor(((i + 1) * waveform.pointSeconds - start) * pixelsPerSecond);
      drawColumn(context, waveform, i, i + 1, left, Math.max(1, right - left), height);
    }
  } else {
    for (let column = 0; column < width; column++) {
      const from = Math.floor((start + column / pixelsPerSecond) / waveform.pointSeconds);
      const to = Math.max(from + 1, Math.floor((start + (column + 1) / pixelsPerSecond) / waveform.pointSeconds));
      drawColumn(context, waveform, from, to, column, 1, height);
    }
  }
  const period = grid.beatPeriodSeconds;
  if (period && grid.firstDownbeatSeconds !== undefined) {
    context.font = `${11 * ratio}px system-ui, sans-serif`;
    const firstBeat = Math.ceil((start - grid.firstDownbeatSeconds) / period);
    for (let beat = firstBeat; grid.firstDownbeatSeconds + beat * period < start + span; beat++) {
      const time = grid.firstDownbeatSeconds + beat * period;
      if (time < 0 || time > waveform.durationSeconds) {
        continue;
      }
      const downbeat = ((beat % 4) + 4) % 4 === 0;
      context.fillStyle = downbeat ? 'rgba(255,255,255,0.55)' : 'rgba(255,255,255,0.18)';
      context.fillRect(x(time) - 0.5, downbeat ? 0 : height * 0.8, ratio, downbeat ? height : height * 0.2);
      if (downbeat && period * 4 * pixelsPerSecond >= 28 * ratio) {
        context.fillStyle = 'rgba(255,255,255,0.85)';
        context.fillText(String(beat / 4 + 1), x(time) + 3 * ratio, 12 * ratio);
      }
    }
  }
  drawCue(context, grid.introEndSeconds !== undefined ? x(grid.introEndSeconds) : undefined, height, ratio,
    INTRO_COLOUR, 'intro end');
  drawCue(context, grid.outroStartSeconds !== undefined ? x(grid.outroStartSeconds) : undefined, height, ratio,
    OUTRO_COLOUR, 'outro start');
  if (playhead >= start && playhead <= start + span) {
    context.fillStyle = '#ffffff';
    context.fillRect(x(playhead) - ratio, 0, 2 * ratio, height);
  }
}

/** The bar numbers shown between two times, as "3 to 10", or undefined without a grid. */
function barRange(grid: Grid, from: number, to: number): string | undefined {
  const period = grid.beatPeriodSeconds;
  if (!period || grid.firstDownbeatSeconds === undefined) {
    return undefined;
  }
  const bar = (seconds: number) => Math.floor((seconds - grid.firstDownbeatSeconds!) / (4 * period)) + 1;
  const first = Math.max(1, bar(Math.max(0, from)));
  const last = Math.max(first, bar(to));
  return `${first} to ${last}`;
}

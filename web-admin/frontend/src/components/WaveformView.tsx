// A track's waveform overview on a canvas: per pixel column the peak envelope of the channels, coloured by its band
// levels (red for the lows below 250 Hz, green for the mids, blue for the highs above 4 kHz, as in Serato's
// coloured waveforms), with the beat grid's bars and beats, the cue points, and the player's position. A click
// seeks the player there.

import { useEffect, useRef } from 'preact/hooks';
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
const BACKGROUND = '#0d1014';

export function WaveformView({ waveform, grid, audio }: Props) {
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
      drawFrame(element, base.current, audio, waveform.durationSeconds);
    };
    paint();
    const observer = new ResizeObserver(paint);
    observer.observe(element);
    return () => observer.disconnect();
  }, [waveform, grid, audio]);

  useEffect(() => {
    if (!audio) {
      return;
    }
    let frame = 0;
    const tick = () => {
      if (base.current && canvas.current) {
        drawFrame(canvas.current, base.current, audio, waveform.durationSeconds);
      }
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
  }, [audio, waveform]);

  const seek = (event: MouseEvent) => {
    const element = canvas.current as HTMLCanvasElement;
    if (!audio) {
      return;
    }
    const fraction = (event.clientX - element.getBoundingClientRect().left) / element.clientWidth;
    audio.currentTime = Math.max(0, Math.min(1, fraction)) * waveform.durationSeconds;
  };

  const bpm = grid.beatPeriodSeconds ? 60 / grid.beatPeriodSeconds : undefined;
  return (
    <figure class="waveform">
      <canvas ref={canvas} style={{ height: `${HEIGHT}px` }} onClick={seek} data-testid="waveform" role="img"
        aria-label={`Waveform of ${Math.round(waveform.durationSeconds)} s, coloured by frequency band${bpm
          ? `, with a beat grid at ${bpm.toFixed(1)} BPM` : ''}; click to play from a point`} />
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

function drawOverview(waveform: Waveform, grid: Grid, width: number, height: number, ratio: number): HTMLCanvasElement {
  const image = document.createElement('canvas');
  image.width = width;
  image.height = height;
  const context = image.getContext('2d') as CanvasRenderingContext2D;
  context.fillStyle = BACKGROUND;
  context.fillRect(0, 0, width, height);
  const middle = height / 2;
  const points = waveform.points;
  const channels = waveform.channels;
  for (let x = 0; x < width; x++) {
    const from = Math.floor((x * points) / width);
    const to = Math.max(from + 1, Math.floor(((x + 1) * points) / width));
    let top = 0;
    let bottom = 0;
    let low = 0;
    let mid = 0;
    let high = 0;
    for (let i = from; i < to && i < points; i++) {
      for (const channel of channels) {
        top = Math.max(top, channel.max[i]);
        bottom = Math.min(bottom, channel.min[i]);
      }
      low = Math.max(low, waveform.low[i]);
      mid = Math.max(mid, waveform.mid[i]);
      high = Math.max(high, waveform.high[i]);
    }
    const strongest = Math.max(low, mid, high, 1e-6);
    const r = Math.round(40 + 215 * (low / strongest));
    const g = Math.round(40 + 215 * (mid / strongest));
    const b = Math.round(40 + 215 * (high / strongest));
    context.fillStyle = `rgb(${r},${g},${b})`;
    const y = middle - top * middle;
    context.fillRect(x, y, 1, Math.max(1, (top - bottom) * middle));
  }
  drawGrid(context, grid, waveform.durationSeconds, width, height, ratio);
  return image;
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
  const cue = (seconds: number | undefined, colour: string) => {
    if (seconds === undefined || !(seconds >= 0) || seconds > duration) {
      return;
    }
    context.fillStyle = colour;
    context.fillRect(x(seconds) - 0.5, 0, Math.max(1, ratio * 1.5), height);
    context.beginPath();
    context.moveTo(x(seconds) - 6 * ratio, 0);
    context.lineTo(x(seconds) + 6 * ratio, 0);
    context.lineTo(x(seconds), 9 * ratio);
    context.fill();
  };
  cue(grid.introEndSeconds, '#5bd68a');
  cue(grid.outroStartSeconds, '#f0766a');
}

function drawFrame(canvas: HTMLCanvasElement, base: HTMLCanvasElement, audio: HTMLAudioElement | null,
    duration: number) {
  const context = canvas.getContext('2d') as CanvasRenderingContext2D;
  context.drawImage(base, 0, 0);
  if (audio && duration > 0 && (audio.currentTime > 0 || !audio.paused)) {
    const x = Math.round((audio.currentTime / duration) * canvas.width);
    context.fillStyle = '#ffffff';
    context.fillRect(x, 0, Math.max(1, window.devicePixelRatio || 1) * 2, canvas.height);
  }
}

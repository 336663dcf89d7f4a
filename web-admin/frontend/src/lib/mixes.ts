// The streaming mixer's JSON shapes (bundles/mixer: MixView, EntryView, TracklistEntry, RenderStatus, MixOptions,
// Seed) and what the console works out from them: key moves, tempo changes, absolute stream addresses.

import { camelotCode } from './camelot';

/** A planned track (EntryView). */
export interface MixEntry {
  trackId: string;
  artist?: string | null;
  title?: string | null;
  bpm?: number | null;
  camelot?: string | null;
  energy?: number | null;
  /** Where its fade-in starts in the mix, seconds; null until listeners hear it start. */
  startSeconds: number | null;
  /** Whether it can still be taken out, put next or moved: the mixer has not taken it. */
  editable: boolean;
}

export type MixState = 'PLAYING' | 'STOPPED' | 'ENDED';
export type StreamKind = 'mp3' | 'flac' | 'wav' | 'm3u' | 'pls';

/** A mix (MixView). */
export interface Mix {
  id: string;
  state: MixState;
  createdAt: string;
  positionSeconds: number;
  paused: boolean;
  nowPlaying: MixEntry | null;
  next: MixEntry[];
  plan: MixEntry[];
  listeners: number;
  token: string;
  /** Stream addresses by kind, relative to the server. */
  streams: Record<StreamKind, string>;
}

/** A track that has started (TracklistEntry). */
export interface MixTracklistEntry {
  index: number;
  trackId: string;
  artist?: string | null;
  title?: string | null;
  startSeconds: number;
}

/** A render of the whole mix into a file (RenderStatus). */
export interface MixRender {
  state: 'RUNNING' | 'DONE' | 'FAILED';
  progress: number;
  file: string;
  cueFile: string;
  error: string | null;
}

export type EnergyCurve = 'NONE' | 'WARM_UP' | 'PEAK' | 'COOL_DOWN' | 'SET';

/** A new mix's options; each absent one takes the server's default (MixOptions). */
export interface MixOptions {
  length?: number;
  bpmWindowPercent?: number;
  energyCurve?: EnergyCurve;
  energyBoost?: boolean;
  artistSpacing?: number;
  bars?: number;
  bassSwap?: boolean;
}

/** What a mix starts from: exactly one of the three (Seed). */
export type MixSeed = { query: string } | { trackId: string } | { trackIds: string[] };

/** The configuration PID of the mixer's settings, whose values are the defaults of a new mix. */
export const MIXER_PID = 'org.deckhand.mixer';

/** "Artist - Title" of a planned track, or its title alone, or "Track N" when it has neither. */
export function entryName(entry: { artist?: string | null; title?: string | null; trackId: string }): string {
  if (entry.artist && entry.title) {
    return `${entry.artist} – ${entry.title}`;
  }
  return entry.title || entry.artist || `Track ${entry.trackId}`;
}

/** The address a player opens: the stream's path made absolute against the server the console came from. */
export function streamUrl(mix: Mix, kind: StreamKind): string {
  return new URL(mix.streams[kind], location.origin).href;
}

/** How one key leads to the next on the Camelot wheel, in a DJ's words; null when either key is unknown. */
export function keyMove(from: string | null | undefined, to: string | null | undefined): string | null {
  const a = camelotCode(from);
  const b = camelotCode(to);
  if (!a || !b) {
    return null;
  }
  const hourA = parseInt(a, 10);
  const hourB = parseInt(b, 10);
  const step = (((hourB - hourA) % 12) + 12) % 12;
  const sameRing = a.slice(-1) === b.slice(-1);
  if (a === b) {
    return 'same key';
  }
  if (hourA === hourB) {
    return b.endsWith('B') ? 'relative major' : 'relative minor';
  }
  if (sameRing && step === 1) {
    return 'one step up the wheel';
  }
  if (sameRing && step === 11) {
    return 'one step down the wheel';
  }
  if (sameRing && step === 2) {
    return 'energy boost (two steps up)';
  }
  return 'key clash';
}

/** The tempo change from one BPM to the next, as "+2.4 %", or null when either is unknown. */
export function tempoChange(from: number | null | undefined, to: number | null | undefined): string | null {
  if (!from || !to) {
    return null;
  }
  const percent = ((to - from) / from) * 100;
  return `${percent >= 0 ? '+' : '−'}${Math.abs(percent).toFixed(1)} %`;
}

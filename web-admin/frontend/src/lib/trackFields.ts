// The values of a track that the console shows in its lists: from the analysers once they have run, else from tags.

import type { Track } from './types';

export function artist(track: Track): string {
  return track.tags.artists.join(', ');
}

export function title(track: Track): string {
  if (track.tags.title) {
    return track.tags.title;
  }
  const path = track.file.path;
  return path.slice(path.lastIndexOf('/') + 1);
}

function analysed(track: Track, analyser: string, field: string): unknown {
  return track.analyses[analyser]?.values[field];
}

export function bpm(track: Track): number | undefined {
  const value = analysed(track, 'tempo', 'bpm');
  return typeof value === 'number' ? value : track.tags.bpm;
}

export function key(track: Track): string | undefined {
  const value = analysed(track, 'key', 'camelot');
  return typeof value === 'string' ? value : track.tags.key;
}

export function energy(track: Track): number | undefined {
  const value = analysed(track, 'energy', 'energy');
  return typeof value === 'number' ? value : undefined;
}

export function loudness(track: Track): number | undefined {
  const value = analysed(track, 'loudness', 'integratedLufs');
  return typeof value === 'number' ? value : undefined;
}

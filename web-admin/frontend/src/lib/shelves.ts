// The JSON shapes and calls of the library's shelves, crates, duplicates and bulk actions (ShelvesResource,
// CratesResource, WriteBackResource, the mixer's POST /mixes).

import { post } from './api';
import type { Track } from './types';

export interface Shelf {
  name: string;
  trackCount: number;
}

export interface ShelfPage {
  items: Shelf[];
  total: number;
}

export interface Album {
  album: string;
  artist?: string | null;
  year?: number | null;
  trackCount: number;
  /** A 300-pixel thumbnail of its cover, or null when no track holds a picture. */
  artworkUrl?: string | null;
}

export interface AlbumPage {
  items: Album[];
  total: number;
}

export interface Crate {
  id: number;
  name: string;
  query?: string | null;
  smart: boolean;
  trackCount: number;
  created: string;
  changed: string;
}

export interface DuplicatePage {
  groups: Track[][];
  total: number;
}

/** Starts a mix from a seed, and answers the new mix's id. */
export async function startMix(seed: { trackIds: string[] } | { crateId: string }): Promise<string> {
  const mix = await post<{ id: string }>('/mixes', { seed });
  return mix.id;
}

/** Queues each track to be analysed again, ahead of the files waiting. */
export async function analyseAgain(trackIds: number[]): Promise<void> {
  for (const id of trackIds) {
    await post(`/tracks/${id}/analyse`);
  }
}

/** Writes the analysed BPM and key into the tracks' files; answers how many had something to write. */
export async function writeTags(trackIds: number[]): Promise<number> {
  const answer = await post<{ asked: number; queued: number }>('/writeback', { trackIds });
  return answer.queued;
}

/** Adds tracks to a hand-made crate. */
export async function addToCrate(crateId: number, trackIds: number[]): Promise<Crate> {
  return post<Crate>(`/crates/${crateId}/tracks`, { trackIds });
}

// The rows of one search, loaded page after page with the API's cursor as the table scrolls towards them.
//
// Cursor paging reaches row N only through the pages before it, so the list loads in order, a small first page for
// a quick first paint, then larger pages as the table scrolls near the end of what is loaded; each track is reduced to the few values the table shows, so that a
// 100,000-track library stays small in memory.

import { ApiError, get, query } from './api';
import * as fields from './trackFields';
import type { TrackPage } from './types';

export interface Row {
  id: number;
  artist: string;
  title: string;
  bpm?: number;
  key?: string;
  energy?: number;
  loudness?: number;
  duration?: number | null;
  format: string;
}

/** Rows of the first page: a tall screen's worth, so that a search shows its rows after one small request. */
const FIRST_PAGE = 100;
const NEXT_PAGE = 500;
/** How close to the last loaded row the table may come before the next page is loaded. */
const AHEAD = 60;

export class TrackList {
  readonly query: string;
  readonly sort: string;
  readonly rows: Row[] = [];
  total = 0;
  private cursor: string | null | undefined;
  private wanted = 0;
  private loading: Promise<void> | null = null;
  private readonly abort = new AbortController();
  private readonly onChange: () => void;
  private readonly onError: (error: ApiError) => void;

  constructor(queryText: string, sort: string, onChange: () => void, onError: (error: ApiError) => void) {
    this.query = queryText;
    this.sort = sort;
    this.onChange = onChange;
    this.onError = onError;
  }

  /** Loads the first page; rejects with the server's problem when the query is malformed. */
  async start(): Promise<void> {
    await this.loadPage(FIRST_PAGE);
  }

  /** Whether every row of the search is loaded. */
  get complete(): boolean {
    return this.cursor === null;
  }

  /** Asks for the rows up to `index`: the pages that lead there are loaded in turn. */
  want(index: number): void {
    this.wanted = Math.max(this.wanted, Math.min(index + AHEAD, this.total));
    void this.pump();
  }

  /** Whether the search was replaced. */
  get disposed(): boolean {
    return this.abort.signal.aborted;
  }

  /** Stops loading: the search was replaced. */
  dispose(): void {
    this.abort.abort();
  }

  private async pump(): Promise<void> {
    if (this.loading) {
      return;
    }
    while (this.cursor !== null && this.rows.length < this.wanted && !this.abort.signal.aborted) {
      try {
        await this.loadPage(NEXT_PAGE);
      } catch (error) {
        if (!this.abort.signal.aborted) {
          this.onError(error instanceof ApiError ? error : new ApiError({ status: 0, detail: String(error) }));
        }
        return;
      }
    }
  }

  private loadPage(limit: number): Promise<void> {
    const load = async () => {
      const page = await get<TrackPage>('/tracks' + query({ q: this.query, sort: this.sort, cursor: this.cursor,
        limit }), this.abort.signal);
      for (const track of page.tracks) {
        this.rows.push({
          id: track.id,
          artist: fields.artist(track),
          title: fields.title(track),
          bpm: fields.bpm(track),
          key: fields.key(track),
          energy: fields.energy(track),
          loudness: fields.loudness(track),
          duration: track.audio.durationSeconds,
          format: track.file.format,
        });
      }
      this.total = page.total;
      this.cursor = page.nextCursor;
      this.onChange();
    };
    this.loading = load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }
}

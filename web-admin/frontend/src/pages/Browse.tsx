// Browse the library as a record shop's shelves: artists, then an artist's albums as a grid of covers (thumbnails the
// server makes and caches), then an album's tracks; genres and years, each leading to the library's search.

import { useState } from 'preact/hooks';
import { ErrorNote } from '../components/ErrorNote';
import { PageHeader } from '../components/PageHeader';
import { query } from '../lib/api';
import * as format from '../lib/format';
import { useResource } from '../lib/hooks';
import { navigate, replaceQuery } from '../lib/router';
import type { Album, AlbumPage, ShelfPage } from '../lib/shelves';
import type { Track } from '../lib/types';

type Tab = 'artists' | 'albums' | 'genres' | 'years';

const TABS: { id: Tab; label: string }[] = [
  { id: 'artists', label: 'Artists' },
  { id: 'albums', label: 'Albums' },
  { id: 'genres', label: 'Genres' },
  { id: 'years', label: 'Years' },
];

const PAGE = 200;

export function Browse({ search }: { search: URLSearchParams }) {
  const [tab, setTab] = useState<Tab>((search.get('tab') as Tab) || 'albums');
  const [artist, setArtist] = useState(search.get('artist') ?? '');
  const [album, setAlbum] = useState<Album>();
  const [offset, setOffset] = useState(0);

  const show = (next: Tab, nextArtist = '') => {
    setTab(next);
    setArtist(nextArtist);
    setAlbum(undefined);
    setOffset(0);
    replaceQuery(`?${new URLSearchParams({ tab: next, ...(nextArtist ? { artist: nextArtist } : {}) })}`);
  };

  return (
    <section class="browse" aria-labelledby="page-title">
      <PageHeader title="Browse" />
      <div class="tabs" role="tablist" aria-label="Browse by">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} class="tab"
            onClick={() => show(t.id)}>{t.label}</button>
        ))}
      </div>
      <div role="tabpanel" aria-label={TABS.find((t) => t.id === tab)?.label}>
        {album ? <AlbumTracks album={album} onBack={() => setAlbum(undefined)} />
          : tab === 'albums' ? <Albums artist={artist} offset={offset} onOffset={setOffset} onOpen={setAlbum}
            onAll={() => show('albums')} />
          : tab === 'artists' ? <Names path="/library/artists" offset={offset} onOffset={setOffset}
            onOpen={(name) => show('albums', name)} />
          : tab === 'genres' ? <Names path="/library/genres" offset={offset} onOffset={setOffset}
            onOpen={(name) => navigate(`/library?q=${encodeURIComponent(`genre:"${name}"`)}`)} />
          : <Names path="/library/years" offset={offset} onOffset={setOffset}
            onOpen={(name) => navigate(`/library?q=${encodeURIComponent(`year:${name}`)}`)} />}
      </div>
    </section>
  );
}

function Names({ path, offset, onOffset, onOpen }: { path: string; offset: number; onOffset: (n: number) => void;
  onOpen: (name: string) => void }) {
  const page = useResource<ShelfPage>(`${path}${query({ offset, limit: PAGE })}`);
  return (
    <>
      <ErrorNote error={page.error} />
      {page.data && page.data.items.length === 0 && <p class="muted">Nothing here yet: no track is tagged so.</p>}
      <ul class="shelf-names">
        {page.data?.items.map((shelf) => (
          <li key={shelf.name}>
            <button type="button" class="shelf-name" onClick={() => onOpen(shelf.name)}>
              <span>{shelf.name}</span> <span class="muted">{format.count(shelf.trackCount)}</span>
            </button>
          </li>
        ))}
      </ul>
      {page.data && <Pager offset={offset} total={page.data.total} onOffset={onOffset} />}
    </>
  );
}

function Albums({ artist, offset, onOffset, onOpen, onAll }: { artist: string; offset: number;
  onOffset: (n: number) => void; onOpen: (album: Album) => void; onAll: () => void }) {
  const page = useResource<AlbumPage>(`/library/albums${query({ artist, offset, limit: PAGE })}`);
  return (
    <>
      {artist && (
        <p class="browse-filter">Albums by <strong>{artist}</strong>{' '}
          <button type="button" class="quiet" onClick={onAll}>All albums</button></p>
      )}
      <ErrorNote error={page.error} />
      {page.data && page.data.items.length === 0 && <p class="muted">No album yet: no track is tagged with one.</p>}
      <ul class="album-grid" aria-label="Albums">
        {page.data?.items.map((album) => (
          <li key={`${album.album}\u001f${album.artist ?? ''}`}>
            <button type="button" class="album-card" onClick={() => onOpen(album)}>
              {album.artworkUrl
                ? <img src={album.artworkUrl} alt="" width={150} height={150} loading="lazy" decoding="async" />
                : <span class="no-cover" aria-hidden="true">♪</span>}
              <span class="album-title">{album.album}</span>
              <span class="muted">{album.artist ?? 'unknown artist'}{album.year ? ` · ${album.year}` : ''}
                {' · '}{album.trackCount} {album.trackCount === 1 ? 'track' : 'tracks'}</span>
            </button>
          </li>
        ))}
      </ul>
      {page.data && <Pager offset={offset} total={page.data.total} onOffset={onOffset} />}
    </>
  );
}

function AlbumTracks({ album, onBack }: { album: Album; onBack: () => void }) {
  const tracks = useResource<Track[]>(`/library/albums/tracks${query({ album: album.album,
    artist: album.artist ?? undefined })}`);
  return (
    <div class="album-tracks">
      <button type="button" class="quiet" onClick={onBack}>← Albums</button>
      <div class="album-head">
        {album.artworkUrl && <img src={album.artworkUrl} alt={`Cover of ${album.album}`} width={150} height={150} />}
        <div>
          <h2>{album.album}</h2>
          <p class="muted">{album.artist ?? 'unknown artist'}{album.year ? ` · ${album.year}` : ''}</p>
        </div>
      </div>
      <ErrorNote error={tracks.error} />
      <ol class="album-list">
        {tracks.data?.map((track) => (
          <li key={track.id}>
            <a href={`/tracks/${track.id}`}>{track.tags.title ?? format.fileName(track.file.path)}</a>
            <span class="muted">{track.tags.artists.join(', ')} · {format.duration(track.audio.durationSeconds)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function Pager({ offset, total, onOffset }: { offset: number; total: number; onOffset: (n: number) => void }) {
  if (total <= PAGE) {
    return null;
  }
  return (
    <nav class="pager" aria-label="Pages">
      <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - PAGE))}>Previous</button>
      <span class="muted">{offset + 1}–{Math.min(total, offset + PAGE)} of {format.count(total)}</span>
      <button type="button" disabled={offset + PAGE >= total} onClick={() => onOffset(offset + PAGE)}>Next</button>
    </nav>
  );
}

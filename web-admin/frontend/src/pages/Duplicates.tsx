// Duplicates: copies of one recording, found by the fingerprint of their decoded audio whatever their format, or as
// identical files; shown as groups, with what tells the copies apart.

import { ErrorNote } from '../components/ErrorNote';
import { PageHeader } from '../components/PageHeader';
import * as format from '../lib/format';
import { useResource } from '../lib/hooks';
import type { DuplicatePage } from '../lib/shelves';

export function Duplicates() {
  const page = useResource<DuplicatePage>('/library/duplicates?limit=1000');
  return (
    <section class="duplicates" aria-labelledby="page-title">
      <PageHeader title="Duplicates">
        <span class="muted" role="status" data-testid="duplicate-count">
          {page.data ? `${format.count(page.data.total)} ${page.data.total === 1 ? 'group' : 'groups'}` : 'Looking…'}
        </span>
      </PageHeader>
      <p class="hint">Copies of one recording: the same audio once decoded (found once the tracks are analysed),
        whatever the format, or files with identical content. Nothing is deleted here.</p>
      <ErrorNote error={page.error} />
      {page.data && page.data.total === 0 && <p class="muted">No copies found.</p>}
      <ul class="duplicate-groups">
        {page.data?.groups.map((group) => (
          <li key={group[0].id} class="duplicate-group">
            <h2>{group[0].tags.artists.join(', ') || 'unknown artist'} – {group[0].tags.title
              ?? format.fileName(group[0].file.path)}</h2>
            <table>
              <thead>
                <tr><th scope="col">Format</th><th scope="col">Bit rate</th><th scope="col">Duration</th>
                  <th scope="col">Size</th><th scope="col">File</th></tr>
              </thead>
              <tbody>
                {group.map((track) => (
                  <tr key={track.id}>
                    <td>{track.file.format}{track.audio.lossless ? ' (lossless)' : ''}</td>
                    <td>{track.audio.bitrateKbps} kbit/s</td>
                    <td>{format.duration(track.audio.durationSeconds)}</td>
                    <td>{format.bytes(track.file.sizeBytes)}</td>
                    <td class="path"><a href={`/tracks/${track.id}`}>{track.file.path}</a></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ul>
    </section>
  );
}

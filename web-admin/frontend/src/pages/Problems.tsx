// The library's problems: every file that could not be taken in, and every track read only in part, with why; a
// rescan after the files are mended.

import { ErrorNote } from '../components/ErrorNote';
import { PageHeader } from '../components/PageHeader';
import { RescanButton } from '../components/RescanButton';
import * as format from '../lib/format';
import { useResource, useServerEvents, useThrottled } from '../lib/hooks';
import type { LibraryProblem } from '../lib/types';

export function Problems() {
  const problems = useResource<LibraryProblem[]>('/library/problems');
  const refresh = useThrottled(problems.reload, 1500);
  useServerEvents((event) => {
    if (event.topic.startsWith('org/deckhand/library/')) {
      refresh();
    }
  });
  const list = problems.data;
  const failed = list?.filter((problem) => problem.trackId == null) ?? [];
  const partial = list?.filter((problem) => problem.trackId != null) ?? [];
  return (
    <section aria-labelledby="page-title">
      <PageHeader title="Problems">
        {list && <span class="muted" role="status" data-testid="problem-count">
          {list.length === 0 ? 'none' : `${format.count(list.length)} ${list.length === 1 ? 'file' : 'files'}`}</span>}
        <RescanButton onScanned={problems.reload} />
      </PageHeader>
      <ErrorNote error={problems.error} what="The problems could not be read" />
      {list && list.length === 0 && <p class="ok">Every file in the music folders was read.</p>}
      <ProblemTable title="Files not taken in" id="failed" problems={failed}
        empty="Every file was taken in." />
      <ProblemTable title="Tracks read only in part" id="partial" problems={partial}
        empty="No track was read only in part." />
    </section>
  );
}

function ProblemTable({ title, id, problems, empty }: { title: string; id: string; problems: LibraryProblem[];
    empty: string }) {
  return (
    <section aria-labelledby={`${id}-title`} class="panel">
      <h2 id={`${id}-title`}>{title}</h2>
      {problems.length === 0 && <p class="muted">{empty}</p>}
      {problems.length > 0 && (
        <table class="list problem-table">
          <thead><tr><th scope="col">File</th><th scope="col">Why</th><th scope="col">Seen</th></tr></thead>
          <tbody>
            {problems.map((problem) => (
              <tr key={problem.path + problem.reason}>
                <td class="path">{problem.trackId != null
                  ? <a href={`/tracks/${problem.trackId}`} title={problem.path}>{format.fileName(problem.path)}</a>
                  : <span title={problem.path}>{problem.path}</span>}</td>
                <td class="reason">{problem.reason}</td>
                <td>{format.dateTime(problem.seen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

// The library: a search box that takes the query language, with hints and the server's errors inline, over the
// virtualised, sortable table of the tracks found, whose rows can be ticked for bulk actions.

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { BulkActions } from '../components/BulkActions';
import { PageHeader } from '../components/PageHeader';
import { TrackGrid } from '../components/TrackGrid';
import { ApiError } from '../lib/api';
import { count } from '../lib/format';
import { useResource } from '../lib/hooks';
import { replaceQuery } from '../lib/router';
import { TrackList } from '../lib/trackList';
import type { Row } from '../lib/trackList';
import type { AnalysisQueue } from '../lib/types';

/** How long typing must pause before the search runs, in milliseconds. */
const DEBOUNCE_MS = 30;

const BUILT_IN_FIELDS = ['artist:', 'title:', 'album:', 'label:', 'genre:', 'bpm:', 'key:', 'energy:', 'year:',
  'duration:', 'added:', 'format:'];

const EXAMPLES = ['bpm:120..128', 'key:8A~', 'energy:>7', 'duration:<6m', 'added:<7d', '-format:mp3',
  '"around the world"'];

export function Library({ initialQuery, initialSort }: { initialQuery: string; initialSort: string }) {
  const [text, setText] = useState(initialQuery);
  const [sort, setSort] = useState(initialSort);
  const [list, setList] = useState<TrackList>();
  const [pending, setPending] = useState<TrackList>();
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<ApiError>();
  const analysers = useResource<AnalysisQueue>('/analysis/queue');
  const listRef = useRef<TrackList | undefined>(undefined);
  const pendingRef = useRef<TrackList | undefined>(undefined);
  const timer = useRef<number | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const lastTicked = useRef<number | undefined>(undefined);

  const toggle = (row: Row, index: number, range: boolean) => {
    const from = lastTicked.current;
    setSelected((current) => {
      const next = new Set(current);
      if (range && from !== undefined && list) {
        for (let i = Math.min(from, index); i <= Math.max(from, index); i++) {
          const ranged = list.rows[i];
          if (ranged) next.add(ranged.id);
        }
      } else if (next.has(row.id)) {
        next.delete(row.id);
      } else {
        next.add(row.id);
      }
      return next;
    });
    lastTicked.current = index;
  };

  const fields = useMemo(() => BUILT_IN_FIELDS.concat((analysers.data?.analysers ?? []).flatMap((analyser) =>
    analyser.fields.filter((field) => field.type === 'NUMBER' || field.type === 'INTEGER' || field.type === 'TEXT')
      .map((field) => `${analyser.id}.${field.name}:`))), [analysers.data]);

  const search = (queryText: string, sortField: string) => {
    pendingRef.current?.dispose();
    const next = new TrackList(queryText, sortField, () => {
      if (listRef.current === next) {
        setVersion((v) => v + 1);
      }
    }, setError);
    pendingRef.current = next;
    setPending(next);
    const settled = () => {
      if (pendingRef.current === next) {
        pendingRef.current = undefined;
      }
      setPending((current) => (current === next ? undefined : current));
    };
    next.start().then(() => {
      if (next.disposed) {
        return;
      }
      settled();
      listRef.current?.dispose();
      listRef.current = next;
      setList(next);
      setError(undefined);
      const params = new URLSearchParams();
      if (queryText) params.set('q', queryText);
      if (sortField) params.set('sort', sortField);
      replaceQuery(params.toString() ? `?${params}` : '');
    }, (failure: unknown) => {
      if (failure instanceof DOMException && failure.name === 'AbortError') {
        return;
      }
      settled();
      listRef.current?.dispose();
      listRef.current = undefined;
      setList(undefined);
      setError(failure instanceof ApiError ? failure : new ApiError({ status: 0, detail: String(failure) }));
    });
  };

  // The search is started from the event handlers rather than from an effect, which would run a frame later.
  const schedule = (queryText: string, sortField: string, delayMs: number) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => search(queryText.trim(), sortField), delayMs);
  };

  useEffect(() => {
    search(text.trim(), sort);
    return () => {
      window.clearTimeout(timer.current);
      listRef.current?.dispose();
      pendingRef.current?.dispose();
    };
  }, []);

  const type = (queryText: string, delayMs = DEBOUNCE_MS) => {
    setText(queryText);
    schedule(queryText, sort, delayMs);
  };

  const sortBy = (sortField: string) => {
    setSort(sortField);
    schedule(text, sortField, 0);
  };

  const token = /(?:^|\s)(-?[\w.]*)$/.exec(text)?.[1] ?? '';
  const bare = token.replace(/^-/, '');
  const completions = bare.length > 0 && !bare.includes(':')
    ? fields.filter((field) => field.startsWith(bare.toLowerCase()) && field !== bare).slice(0, 8) : [];

  const complete = (field: string) => {
    type(text.slice(0, text.length - bare.length) + field, 0);
    input.current?.focus();
  };

  const position = errorPosition(error);
  const total = list ? (list.complete ? list.rows.length : list.total) : undefined;

  return (
    <section class="library" aria-labelledby="page-title">
      <PageHeader title="Library">
        <span class="muted" role="status" aria-live="polite" data-testid="result-count">
          {error ? 'No tracks: the search failed' : total === undefined ? 'Searching…'
            : `${count(total)} ${total === 1 ? 'track' : 'tracks'}`}
        </span>
      </PageHeader>
      <form class="search" role="search" onSubmit={(e) => e.preventDefault()}>
        <label for="library-search" class="visually-hidden">Search the library</label>
        <input ref={input} id="library-search" type="search" value={text} autocomplete="off" spellcheck={false}
          placeholder="Search: daft punk bpm:120..128 key:8A~"
          aria-describedby="search-hints search-error" aria-invalid={error?.status === 400 ? true : undefined}
          onInput={(e) => type(e.currentTarget.value)} />
        {completions.length > 0 && (
          <ul class="completions" aria-label="Fields">
            {completions.map((field) => (
              <li key={field}><button type="button" class="chip" onClick={() => complete(field)}>{field}</button></li>
            ))}
          </ul>
        )}
        <div id="search-error" aria-live="assertive">
          {error && (
            <p class="error-note query-error" role="alert">
              {error.problem.detail ?? error.message}
              {position !== undefined && (
                <code class="query-echo" aria-hidden="true">
                  {text.trim().slice(0, position)}<mark>{text.trim().slice(position, position + 1) || ' '}</mark>
                  {text.trim().slice(position + 1)}
                </code>
              )}
            </p>
          )}
        </div>
        <p id="search-hints" class="hint">
          Words search artist, title, album, label and genre. Try{' '}
          {EXAMPLES.map((example, i) => (
            <span key={example}>
              {i > 0 && ' '}
              <button type="button" class="chip" onClick={() => type(example, 0)}>{example}</button>
            </span>
          ))}
          ; <code>OR</code> between clauses, <code>-</code> negates.
        </p>
      </form>
      {selected.size > 0 && <BulkActions selected={selected} onClear={() => setSelected(new Set())} />}
      {list && <TrackGrid list={list} version={version} sort={sort} onSort={sortBy} busy={pending !== undefined}
        selected={selected} onToggle={toggle} />}
    </section>
  );
}

/** The 0-based position that a query error names ("... (at character 9)"), if it names one. */
function errorPosition(error: ApiError | undefined): number | undefined {
  const match = error?.status === 400 ? /\(at character (\d+)\)/.exec(error.problem.detail ?? '') : null;
  return match ? Number(match[1]) - 1 : undefined;
}

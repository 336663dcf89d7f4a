// Renamer: path rules in beets' path-format syntax with a live preview of the first moves and their conflicts (a
// malformed template is shown where it is wrong as you type), apply with confirmation and progress, and the batches
// so far with undo. Nothing moves until a batch is applied; every batch can be undone.

import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorNote } from '../components/ErrorNote';
import { PageHeader } from '../components/PageHeader';
import { Progress } from '../components/Progress';
import { ApiError, post, request } from '../lib/api';
import * as format from '../lib/format';
import { useResource } from '../lib/hooks';
import type { Setting } from '../lib/types';

const DEFAULT_RULES = 'default: $albumartist/$album%aunique{}/$track $title';
const PREVIEW_ROWS = 25;
const TYPING_PAUSE_MS = 400;
const POLL_MS = 1000;

interface Move {
  seq: number | null;
  trackId: number | null;
  from: string;
  to: string;
  state: string;
  reason: string | null;
}

interface PlanProblem {
  trackId: number;
  path: string;
  reason: string;
}

interface Preview {
  considered: number;
  moves: number;
  unchanged: number;
  unmatched: number;
  conflicts: number;
  errors: number;
  items: Move[];
  problems: PlanProblem[];
}

interface Batch {
  id: number;
  created: string;
  description: string;
  status: 'RUNNING' | 'COMPLETED' | 'UNDOING' | 'UNDONE' | 'ABANDONED';
  total: number;
  done: number;
  failed: number;
  undone: number;
  skipped: number;
  errors: number;
}

type Profile = '' | 'PORTABLE' | 'POSIX';

/** Where a 400 says a template is wrong: "… template '$artist/%upper{$title', character 9: … is never closed". */
interface TemplateFault {
  message: string;
  template?: string;
  position?: number;
}

function fault(error: ApiError): TemplateFault {
  const found = /template '(.*)', character (\d+): /.exec(error.message);
  return found ? { message: error.message, template: found[1], position: Number(found[2]) } : { message: error.message };
}

function rulesOf(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
}

function busy(batch: Batch): boolean {
  return batch.status === 'RUNNING' || batch.status === 'UNDOING';
}

export function Renamer() {
  const settings = useResource<Setting[]>('/settings');
  const [rules, setRules] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [profile, setProfile] = useState<Profile>('');
  const [preview, setPreview] = useState<Preview>();
  const [previewing, setPreviewing] = useState(false);
  const [templateFault, setTemplateFault] = useState<TemplateFault>();
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState<{ text: string; error?: boolean }>();
  const [batches, setBatches] = useState<Batch[]>([]);
  const [batchesError, setBatchesError] = useState<ApiError>();
  const [undoing, setUndoing] = useState<number | null>(null);
  const sequence = useRef(0);

  useEffect(() => {
    if (rules !== null || (!settings.data && !settings.error)) {
      return;
    }
    const paths = settings.data?.find((setting) => setting.pid === 'org.deckhand.renamer')?.fields
      .find((field) => field.id === 'paths')?.value;
    setRules(typeof paths === 'string' && paths.trim() ? paths : DEFAULT_RULES);
  }, [settings.data, settings.error]);

  const body = () => ({ paths: rulesOf(rules ?? ''), query: query.trim() || undefined, profile: profile || undefined });

  useEffect(() => {
    if (rules === null) {
      return;
    }
    if (rulesOf(rules).length === 0) {
      setPreview(undefined);
      setTemplateFault({ message: 'Write at least one path rule, such as ' + DEFAULT_RULES });
      return;
    }
    const mine = ++sequence.current;
    const controller = new AbortController();
    const timer = window.setTimeout(async () => {
      setPreviewing(true);
      try {
        const answer = await request<Preview>(`/renamer/preview?offset=0&limit=${PREVIEW_ROWS}`,
          { method: 'POST', body: body(), signal: controller.signal });
        if (mine === sequence.current) {
          setPreview(answer);
          setTemplateFault(undefined);
        }
      } catch (error) {
        if (mine === sequence.current && error instanceof ApiError) {
          setPreview(undefined);
          setTemplateFault(fault(error));
        }
      } finally {
        if (mine === sequence.current) {
          setPreviewing(false);
        }
      }
    }, TYPING_PAUSE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [rules, query, profile]);

  const loadBatches = async () => {
    try {
      setBatches(await request<Batch[]>('/renamer/batches'));
      setBatchesError(undefined);
    } catch (error) {
      if (error instanceof ApiError) {
        setBatchesError(error);
      }
    }
  };

  useEffect(() => {
    loadBatches();
  }, []);

  const running = batches.some(busy);
  useEffect(() => {
    if (!running) {
      return;
    }
    const timer = window.setInterval(loadBatches, POLL_MS);
    return () => window.clearInterval(timer);
  }, [running]);

  const apply = async () => {
    setConfirming(false);
    setNote(undefined);
    try {
      const batch = await post<Batch>('/renamer/batches', body());
      setNote({ text: `Batch ${batch.id} started: ${format.count(batch.total)} moves.` });
      setPreview(undefined);
      await loadBatches();
    } catch (error) {
      setNote({ text: error instanceof ApiError ? error.message : String(error), error: true });
    }
  };

  const undo = async (batch: Batch) => {
    setUndoing(null);
    setNote(undefined);
    try {
      await post<Batch>(`/renamer/batches/${batch.id}/undo`);
      setNote({ text: `Undoing batch ${batch.id}: its files go back, last move first.` });
      await loadBatches();
    } catch (error) {
      setNote({ text: error instanceof ApiError ? error.message : String(error), error: true });
    }
  };

  const conflicts = preview?.items.filter((move) => move.reason?.includes('numbered')) ?? [];

  return (
    <section aria-labelledby="page-title" class="renamer">
      <PageHeader title="Renamer" />
      <ErrorNote error={settings.error} what="The renamer's settings could not be read" />
      <form class="panel" onSubmit={(event) => event.preventDefault()} aria-labelledby="rules-title">
        <h2 id="rules-title">Path rules</h2>
        <label class="field">
          <span>Rules, one a line: <code>query: template</code>, <code>default</code> for every track</span>
          <textarea rows={3} value={rules ?? ''} spellcheck={false} aria-invalid={templateFault ? 'true' : undefined}
            aria-describedby="template-help" onInput={(e) => setRules(e.currentTarget.value)} />
        </label>
        <p id="template-help" class="hint">beets' path formats: <code>$artist</code>, <code>%upper{'{…}'}</code>,
          {' '}<code>%asciify{'{…}'}</code>, <code>%aunique{'{}'}</code>, <code>/</code> for folders. Fields include
          {' '}<code>$camelot $bpm $tracktotal $comp $format</code>.</p>
        {templateFault && (
          <div class="template-error" role="alert">
            <p>{templateFault.message}</p>
            {templateFault.template !== undefined && templateFault.position !== undefined && (
              <pre aria-hidden="true"><code>{templateFault.template.slice(0, templateFault.position - 1)}
                <mark>{templateFault.template.charAt(templateFault.position - 1) || ' '}</mark>
                {templateFault.template.slice(templateFault.position)}</code></pre>
            )}
          </div>
        )}
        <div class="renamer-options">
          <label class="field">
            <span>Only tracks matching (optional)</span>
            <input type="text" value={query} onInput={(e) => setQuery(e.currentTarget.value)}
              placeholder="genre:techno bpm:120..130" />
          </label>
          <label class="field">
            <span>Names</span>
            <select value={profile} onChange={(e) => setProfile(e.currentTarget.value as Profile)}>
              <option value="">as set in Settings</option>
              <option value="PORTABLE">valid on Windows, macOS, FAT and exFAT</option>
              <option value="POSIX">Linux only</option>
            </select>
          </label>
        </div>
      </form>

      <section class="panel" aria-labelledby="preview-title" aria-busy={previewing ? 'true' : 'false'}>
        <h2 id="preview-title">Preview {previewing && <span class="muted">(planning…)</span>}</h2>
        {preview && (
          <>
            <dl class="renamer-counts" data-testid="preview-counts">
              <div><dt>Tracks</dt><dd data-testid="considered">{format.count(preview.considered)}</dd></div>
              <div><dt>Moves</dt><dd data-testid="moves">{format.count(preview.moves)}</dd></div>
              <div><dt>Already in place</dt><dd data-testid="unchanged">{format.count(preview.unchanged)}</dd></div>
              <div><dt>No rule</dt><dd>{format.count(preview.unmatched)}</dd></div>
              <div><dt>Conflicts</dt><dd data-testid="conflicts">{format.count(preview.conflicts)}</dd></div>
              <div><dt>Errors</dt><dd data-testid="errors">{format.count(preview.errors)}</dd></div>
            </dl>
            {preview.items.length === 0 ? <p class="muted">Every track is already where its rule puts it.</p> : (
              <div class="renamer-scroll" tabIndex={0} role="region" aria-label="Planned moves, scrollable">
                <table class="list moves" aria-label="Planned moves">
                  <thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col">Why</th></tr></thead>
                  <tbody>
                    {preview.items.map((move) => (
                      <tr key={move.from} class={move.reason?.includes('numbered') ? 'conflict' : undefined}>
                        <td class="path">{move.from}</td>
                        <td class="path">{move.to}</td>
                        <td>{move.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {preview.moves > preview.items.length && (
              <p class="muted">The first {preview.items.length} of {format.count(preview.moves)} moves.</p>
            )}
            {conflicts.length > 0 && (
              <p class="renamer-warn" data-testid="conflict-note">{conflicts.length} of these get a numbered name: another
                track or file has theirs. Nothing is overwritten.</p>
            )}
            {preview.problems.length > 0 && (
              <>
                <h3>Tracks that get no move</h3>
                <ul class="renamer-problems" aria-label="Tracks that get no move">
                  {preview.problems.map((problem) => (
                    <li key={problem.trackId}><span class="path">{problem.path}</span>: {problem.reason}</li>
                  ))}
                </ul>
              </>
            )}
            <div class="form-actions">
              {!confirming ? (
                <button type="button" class="primary" disabled={preview.moves === 0 || running}
                  onClick={() => setConfirming(true)}>Apply…</button>
              ) : (
                <div class="renamer-confirm" role="alertdialog" aria-labelledby="confirm-text">
                  <p id="confirm-text">Move {format.count(preview.moves)} files? The batch is journalled and can be
                    undone.</p>
                  <button type="button" class="primary" onClick={apply}>Move {format.count(preview.moves)} files</button>
                  <button type="button" class="quiet" onClick={() => setConfirming(false)}>Cancel</button>
                </div>
              )}
            </div>
          </>
        )}
        {note && <p class={note.error ? 'error-note' : 'note'} role={note.error ? 'alert' : 'status'}>{note.text}</p>}
      </section>

      <section class="panel" aria-labelledby="batches-title">
        <h2 id="batches-title">Batches</h2>
        <ErrorNote error={batchesError} what="The batches could not be read" />
        {batches.filter(busy).map((batch) => (
          <Progress key={batch.id} label={`Batch ${batch.id} ${batch.status === 'UNDOING' ? 'being undone' : 'moving'}`}
            done={batch.status === 'UNDOING' ? batch.undone + batch.skipped : batch.done + batch.failed}
            total={batch.total} />
        ))}
        {batches.length === 0 ? <p class="muted">No batch yet.</p> : (
          <div class="renamer-scroll" tabIndex={0} role="region" aria-label="Batches, scrollable">
            <table class="list" aria-label="Batches">
              <thead>
                <tr><th scope="col">Batch</th><th scope="col">Made</th><th scope="col">Rules</th>
                  <th scope="col">Status</th><th scope="col" class="num">Moves</th><th scope="col" class="num">Done</th>
                  <th scope="col" class="num">Failed</th><th scope="col" class="num">Undone</th><th scope="col" /></tr>
              </thead>
              <tbody>
                {batches.map((batch) => (
                  <tr key={batch.id} data-batch-id={batch.id}>
                    <td>{batch.id}</td>
                    <td>{format.dateTime(batch.created)}</td>
                    <td class="path">{batch.description}</td>
                    <td data-testid="batch-status">{batch.status.toLowerCase()}</td>
                    <td class="num">{format.count(batch.total)}</td>
                    <td class="num">{format.count(batch.done)}</td>
                    <td class="num">{format.count(batch.failed)}</td>
                    <td class="num">{format.count(batch.undone)}</td>
                    <td>
                      {batch.status === 'COMPLETED' && (undoing === batch.id ? (
                        <span class="renamer-confirm" role="alertdialog" aria-label={`Undo batch ${batch.id}`}>
                          <button type="button" class="primary" onClick={() => undo(batch)}>Move them back</button>
                          <button type="button" class="quiet" onClick={() => setUndoing(null)}>Cancel</button>
                        </span>
                      ) : (
                        <button type="button" onClick={() => setUndoing(batch.id)}>Undo…</button>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}

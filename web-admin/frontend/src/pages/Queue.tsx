// The analysis queue: the tracks being analysed with their progress, those waiting, the analysers, and the failed
// runs with their reasons and a button to run them again.

import { useEffect, useState } from 'preact/hooks';
import { ErrorNote } from '../components/ErrorNote';
import { PageHeader } from '../components/PageHeader';
import { Progress } from '../components/Progress';
import { ApiError, post } from '../lib/api';
import * as format from '../lib/format';
import { useResource, useServerEvents, useThrottled } from '../lib/hooks';
import type { AnalysisQueue } from '../lib/types';

const POLL_MS = 3000;

export function Queue() {
  const queue = useResource<AnalysisQueue>('/analysis/queue');
  const [messages, setMessages] = useState<Record<number, string>>({});
  const refresh = useThrottled(queue.reload, 1000);
  useServerEvents((event) => {
    if (event.topic.startsWith('org/deckhand/analysis/') || event.topic === 'org/deckhand/plugins/CHANGED') {
      refresh();
    }
  });
  const running = (queue.data?.running.length ?? 0) > 0;
  useEffect(() => {
    if (!running) {
      return;
    }
    const timer = window.setInterval(queue.reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [running]);

  const rerun = async (trackId: number) => {
    try {
      await post(`/tracks/${trackId}/analyse`);
      setMessages((m) => ({ ...m, [trackId]: 'queued' }));
      queue.reload();
    } catch (error) {
      setMessages((m) => ({ ...m, [trackId]: error instanceof ApiError ? error.message : String(error) }));
    }
  };

  const q = queue.data;
  return (
    <section aria-labelledby="page-title">
      <PageHeader title="Analysis queue">
        {q && <span class="muted" role="status">{format.count(q.waiting)} waiting ·{' '}
          {format.count(q.running.length)} running · {q.workers} workers ·{' '}
          {format.count(q.analysedSinceStart)} analysed since start</span>}
      </PageHeader>
      <ErrorNote error={queue.error} />

      <section aria-labelledby="running-title" class="panel">
        <h2 id="running-title">Running</h2>
        {q && q.running.length === 0 && <p class="muted">Nothing is being analysed.</p>}
        {q?.running.map((item) => (
          <div key={item.trackId} class="running">
            <a href={`/tracks/${item.trackId}`}>{format.fileName(item.path)}</a>
            <Progress label={`decoded ${format.duration(item.decodedSeconds)} of ${format.duration(item.durationSeconds)}`}
              done={Math.round(item.decodedSeconds)} total={item.durationSeconds ? Math.round(item.durationSeconds) : null} />
          </div>
        ))}
      </section>

      <section aria-labelledby="failed-title" class="panel">
        <h2 id="failed-title">Failed</h2>
        {q && q.failures.length === 0 && <p class="ok">No analyser failed.</p>}
        {q && q.failures.length > 0 && (
          <table class="list">
            <thead>
              <tr><th scope="col">Track</th><th scope="col">Analyser</th><th scope="col">Why</th>
                <th scope="col">When</th><th scope="col"><span class="visually-hidden">Action</span></th></tr>
            </thead>
            <tbody>
              {q.failures.map((failure) => (
                <tr key={`${failure.trackId}-${failure.run.analyserId}-${failure.run.finished}`}>
                  <td><a href={`/tracks/${failure.trackId}`}>{format.fileName(failure.path)}</a></td>
                  <td>{failure.run.analyserId} <span class="muted">{failure.run.analyserVersion}</span></td>
                  <td class="reason">{failure.run.failure}</td>
                  <td>{format.dateTime(failure.run.finished)}</td>
                  <td>
                    {messages[failure.trackId]
                      ? <span role="status">{messages[failure.trackId]}</span>
                      : <button type="button" onClick={() => rerun(failure.trackId)}
                          aria-label={`Analyse ${format.fileName(failure.path)} again`}>Run again</button>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="waiting-title" class="panel">
        <h2 id="waiting-title">Waiting</h2>
        {q && q.next.length === 0 && <p class="muted">The queue is empty.</p>}
        {q && q.next.length > 0 && (
          <>
            <ol class="waiting">
              {q.next.map((item) => (
                <li key={item.trackId}>
                  <a href={`/tracks/${item.trackId}`}>{format.fileName(item.path)}</a>
                  <span class="muted"> {item.priority.toLowerCase().replace(/_/g, ' ')}</span>
                </li>
              ))}
            </ol>
            {q.waiting > q.next.length && <p class="muted">and {format.count(q.waiting - q.next.length)} more</p>}
          </>
        )}
      </section>

      <section aria-labelledby="analysers-title" class="panel">
        <h2 id="analysers-title">Analysers</h2>
        <table class="list">
          <thead><tr><th scope="col">Analyser</th><th scope="col">Version</th><th scope="col">Input</th>
            <th scope="col">Results</th><th scope="col">State</th></tr></thead>
          <tbody>
            {q?.analysers.map((analyser) => (
              <tr key={analyser.id}>
                <td>{analyser.id}</td>
                <td>{analyser.version}</td>
                <td>{analyser.sampleRateHz ? `${analyser.sampleRateHz} Hz` : 'source rate'}, {analyser.channels} ch</td>
                <td>{analyser.fields.map((field) => field.name).join(', ')}</td>
                <td>{analyser.quarantined ? <span class="state bad">quarantined</span>
                  : <span class="state good">active</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}

// Recent server log lines, filtered by level (that level or more severe) and bundle, newest first.

import { useEffect, useState } from 'preact/hooks';
import { ErrorNote } from '../components/ErrorNote';
import { PageHeader } from '../components/PageHeader';
import { query } from '../lib/api';
import * as format from '../lib/format';
import { useResource } from '../lib/hooks';
import type { LogEntry } from '../lib/types';

const LEVELS = ['ERROR', 'WARN', 'INFO', 'DEBUG'];
const LIMIT = 500;
const FOLLOW_MS = 3000;

export function Logs() {
  const [level, setLevel] = useState('INFO');
  const [bundle, setBundle] = useState('');
  const [follow, setFollow] = useState(true);
  const bundles = useResource<string[]>('/logs/bundles');
  const logs = useResource<LogEntry[]>('/logs' + query({ level, bundle, limit: LIMIT }));

  useEffect(() => {
    if (!follow) {
      return;
    }
    const timer = window.setInterval(logs.reload, FOLLOW_MS);
    return () => window.clearInterval(timer);
  }, [follow, logs.reload]);

  const entries = logs.data ? [...logs.data].reverse() : [];
  return (
    <section aria-labelledby="page-title" class="logs">
      <PageHeader title="Logs" />
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter the log">
        <label class="field">
          <span>Level</span>
          <select value={level} onChange={(e) => setLevel(e.currentTarget.value)}>
            {LEVELS.map((l) => <option key={l} value={l}>{l === 'DEBUG' ? 'DEBUG (everything)' : `${l} and worse`}</option>)}
          </select>
        </label>
        <label class="field">
          <span>Bundle</span>
          <select value={bundle} onChange={(e) => setBundle(e.currentTarget.value)}>
            <option value="">every bundle</option>
            {bundles.data?.map((b) => <option key={b} value={b}>{b}</option>)}
          </select>
        </label>
        <label class="inline">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.currentTarget.checked)} />
          Follow new lines
        </label>
      </form>
      <ErrorNote error={logs.error} what="The log could not be read" />
      {logs.data && entries.length === 0 && <p class="muted">No line matches.</p>}
      {entries.length > 0 && (
        <table class="list log-table" aria-describedby="log-order">
          <caption id="log-order" class="visually-hidden">Newest first</caption>
          <thead>
            <tr><th scope="col">Time</th><th scope="col">Level</th><th scope="col">Bundle</th>
              <th scope="col">Message</th></tr>
          </thead>
          <tbody>
            {entries.map((entry, i) => (
              <tr key={`${entry.time}-${i}`} class={`level-${entry.level.toLowerCase()}`}>
                <td class="time">{format.dateTime(entry.time)}</td>
                <td><span class={`level ${entry.level.toLowerCase()}`}>{entry.level}</span></td>
                <td class="bundle" title={entry.logger}>{entry.bundle}</td>
                <td class="message">
                  {entry.message}
                  {entry.thrown && (
                    <details>
                      <summary>Stack trace</summary>
                      <pre>{entry.thrown}</pre>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

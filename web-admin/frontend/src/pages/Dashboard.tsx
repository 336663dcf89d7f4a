// The dashboard: the library at a glance, scan and analysis progress as they happen, problems, disk, uptime.

import { useEffect, useState } from 'preact/hooks';
import { ErrorNote } from '../components/ErrorNote';
import { PageHeader } from '../components/PageHeader';
import { Progress } from '../components/Progress';
import { RescanButton } from '../components/RescanButton';
import * as format from '../lib/format';
import { useResource, useServerEvents, useThrottled } from '../lib/hooks';
import type { AnalysisQueue, LibraryProblem, LibraryStats, ServerEvent, SystemInfo } from '../lib/types';

interface ScanState {
  running: boolean;
  done: number;
  total?: number;
  lastSeconds?: number;
}

interface AnalysisState {
  queued: number;
  done: number;
  running: number;
}

export function Dashboard() {
  const stats = useResource<LibraryStats>('/library/stats');
  const system = useResource<SystemInfo>('/system');
  const problems = useResource<LibraryProblem[]>('/library/problems');
  const queue = useResource<AnalysisQueue>('/analysis/queue');
  const [scan, setScan] = useState<ScanState>({ running: false, done: 0 });
  const [analysis, setAnalysis] = useState<AnalysisState>();
  const uptime = useUptime(system.data);

  const refreshLibrary = useThrottled(() => {
    stats.reload();
    problems.reload();
  }, 1500);

  const connected = useServerEvents((event: ServerEvent) => {
    const p = event.properties;
    switch (event.topic) {
      case 'org/deckhand/library/scan/STARTED':
        setScan({ running: true, done: 0 });
        break;
      case 'org/deckhand/library/scan/PROGRESS':
        setScan({ running: true, done: Number(p.done ?? 0), total: Number(p.total ?? 0) || undefined });
        break;
      case 'org/deckhand/library/scan/COMPLETED':
        setScan({ running: false, done: Number(p.done ?? 0), lastSeconds: Number(p['duration.seconds'] ?? 0) });
        refreshLibrary();
        break;
      case 'org/deckhand/analysis/queue/PROGRESS':
        setAnalysis({ queued: Number(p.queued ?? 0), done: Number(p.done ?? 0), running: Number(p.running ?? 0) });
        break;
      case 'org/deckhand/library/file/ADDED':
      case 'org/deckhand/library/file/REMOVED':
      case 'org/deckhand/analysis/track/COMPLETED':
      case 'org/deckhand/analysis/track/FAILED':
        refreshLibrary();
        break;
    }
  });

  const analysed = analysis ?? (queue.data && {
    queued: queue.data.queued, done: queue.data.analysedSinceStart, running: queue.data.running.length });
  const workers = queue.data?.workers;
  const s = stats.data;
  const formats = s ? Object.entries(s.tracksByFormat).sort((a, b) => b[1] - a[1]) : [];
  const largest = formats.length ? formats[0][1] : 1;

  return (
    <section aria-labelledby="page-title">
      <PageHeader title="Dashboard">
        <span class={`live ${connected ? 'on' : ''}`} role="status">
          {connected ? 'Live' : 'Connecting to live updates…'}
        </span>
      </PageHeader>
      <ErrorNote error={stats.error} what="Library statistics" />
      <div class="cards">
        <article class="card" aria-labelledby="card-tracks">
          <h2 id="card-tracks">Library</h2>
          <p class="figure"><span data-testid="track-count">{s ? format.count(s.tracks) : '…'}</span> tracks</p>
          <dl class="facts">
            <dt>Total duration</dt><dd>{s ? format.span(s.totalDurationSeconds) : '…'}</dd>
            <dt>Total size</dt><dd>{s ? format.bytes(s.totalSizeBytes) : '…'}</dd>
            <dt>Missing files</dt><dd>{s ? format.count(s.missing) : '…'}</dd>
            <dt>Duplicate groups</dt><dd>{s ? format.count(s.duplicateGroups) : '…'}</dd>
          </dl>
        </article>

        <article class="card" aria-labelledby="card-formats">
          <h2 id="card-formats">Formats</h2>
          {formats.length === 0 && <p class="muted">No tracks yet.</p>}
          <ul class="bars">
            {formats.map(([name, n]) => (
              <li key={name}>
                <span class="bar-label">{name}</span>
                <span class="bar" style={{ width: `${Math.max(2, (n / largest) * 100)}%` }} aria-hidden="true" />
                <span class="bar-value">{format.count(n)}</span>
              </li>
            ))}
          </ul>
        </article>

        <article class="card" aria-labelledby="card-progress">
          <h2 id="card-progress">Scan and analysis</h2>
          {scan.running
            ? <Progress label="Scanning the music folders" done={scan.done} total={scan.total} />
            : <p>{scan.lastSeconds !== undefined
              ? `Last scan: ${format.count(scan.done)} files in ${format.num(scan.lastSeconds)} s.`
              : 'No scan running.'}</p>}
          {analysed && (analysed.queued > 0
            ? <Progress label={workers ? `Analysing, ${workers} ${workers === 1 ? 'track' : 'tracks'} at a time`
                : 'Analysing'} done={analysed.done}
                total={analysed.done + analysed.queued} />
            : <p>Analysis is up to date{analysed.done ? ` (${format.count(analysed.done)} tracks since start)` : ''}.</p>)}
          <p><a href="/queue">Open the analysis queue</a></p>
          <RescanButton onScanned={refreshLibrary} />
        </article>

        <article class="card" aria-labelledby="card-problems">
          <h2 id="card-problems">Problems</h2>
          <ErrorNote error={problems.error} />
          {problems.data && problems.data.length === 0 && <p class="ok">Every file was read.</p>}
          {problems.data && problems.data.length > 0 && (
            <ul class="problems">
              {problems.data.slice(0, 8).map((problem) => (
                <li key={problem.path + problem.reason}>
                  {problem.trackId != null
                    ? <a href={`/tracks/${problem.trackId}`}>{format.fileName(problem.path)}</a>
                    : <span class="path" title={problem.path}>{format.fileName(problem.path)}</span>}
                  <span class="reason">{problem.reason}</span>
                </li>
              ))}
            </ul>
          )}
          {problems.data && problems.data.length > 8 && <p class="muted">and {problems.data.length - 8} more</p>}
          {problems.data && problems.data.length > 0 && <p><a href="/problems">Open the problems list</a></p>}
        </article>

        <article class="card" aria-labelledby="card-server">
          <h2 id="card-server">Server</h2>
          <ErrorNote error={system.error} />
          {system.data && (
            <dl class="facts">
              <dt>Version</dt><dd data-testid="version">{system.data.version}</dd>
              <dt>Uptime</dt><dd>{format.span(uptime)}</dd>
              <dt>Data folder</dt><dd class="path">{system.data.folders.data}</dd>
              <dt>Data folder size</dt>
              <dd data-testid="data-size">{system.data.disk ? format.bytes(system.data.disk.dataBytes) : 'not reported'}</dd>
              <dt>Free on its disk</dt>
              <dd>{system.data.disk ? format.bytes(system.data.disk.freeBytes) : 'not reported'}</dd>
              <dt>Memory</dt>
              <dd>{format.bytes(system.data.memory.heapUsedBytes)} of {format.bytes(system.data.memory.heapMaxBytes)}</dd>
              <dt>Java</dt><dd>{system.data.jvm.version} on {system.data.jvm.os} {system.data.jvm.arch}</dd>
            </dl>
          )}
        </article>
      </div>
    </section>
  );
}

/** The server's uptime in seconds, counting on in the browser between reloads. */
function useUptime(system: SystemInfo | undefined): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const [loadedAt, setLoadedAt] = useState(Date.now());
  useEffect(() => setLoadedAt(Date.now()), [system]);
  return system ? system.uptimeSeconds + (now - loadedAt) / 1000 : 0;
}

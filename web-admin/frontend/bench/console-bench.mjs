// Measures the web console in Debian's Chromium against a running server, as a user meets it:
//   - first load: the bytes transferred (compressed, headers included) for the console's own files, from an empty
//     cache, and the time until the dashboard shows the track count;
//   - search: from the last keypress of a query typed into the library's search box (80 ms between keys) to the
//     frame in which the table shows the rows of that query; each query typed ROUNDS times, p50 and max;
//   - scrolling: frame intervals while the table scrolls 200,000 px (about 5,500 rows) at 3,000 px/s; p95 and the
//     share of frames longer than 50 ms.
// Prints one line per figure, beside its goal and the ratio to it.
// Usage: node bench/console-bench.mjs URL PASSWORD   (from web-admin/frontend, after npm ci)

import { chromium } from '@playwright/test';

const [url, password] = process.argv.slice(2);
if (!url || !password) {
  console.error('usage: node bench/console-bench.mjs URL PASSWORD');
  process.exit(2);
}
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const QUERIES = ['electronic', 'bpm:120..128', 'key:8A~ energy:>5', 'björk', 'format:flac duration:<1m',
  'morning drive'];
const FIRST_LOAD_GOAL_BYTES = 60 * 1024;
const SEARCH_GOAL_MS = 200;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const signedIn = await context.request.post('/api/v1/session', {
    headers: { Authorization: `Basic ${Buffer.from(`admin:${password}`).toString('base64')}` },
  });
  if (signedIn.status() !== 204) {
    throw new Error(`POST /api/v1/session answered ${signedIn.status()}: ${await signedIn.text()}`);
  }

  const loadStarted = Date.now();
  await page.goto('/');
  await page.getByTestId('track-count').filter({ hasText: /\d/ }).waitFor();
  const loadMs = Date.now() - loadStarted;
  const tracks = await page.getByTestId('track-count').textContent();
  const transferred = await page.evaluate(() => {
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    return entries.filter((entry) => !new URL(entry.name).pathname.startsWith('/api/'))
      .reduce((sum, entry) => sum + entry.transferSize, 0);
  });
  report(`first load, ${tracks} tracks`, `${(transferred / 1024).toFixed(1)} KB transferred, dashboard in ${loadMs} ms`,
    `${FIRST_LOAD_GOAL_BYTES / 1024} KB`, transferred / FIRST_LOAD_GOAL_BYTES);

  await page.getByRole('link', { name: 'Library' }).click();
  const box = page.getByRole('searchbox', { name: 'Search the library' });
  await page.getByRole('grid', { name: 'Tracks' }).locator('[data-track-id]').first().waitFor();
  await page.evaluate(() => {
    document.getElementById('library-search').addEventListener('keydown', () => {
      window.lastKeyAt = performance.now();
    });
  });
  const latencies = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of QUERIES) {
      await box.fill('');
      await page.waitForSelector('[data-rendered-query=""]');
      await box.pressSequentially(query, { delay: 80 });
      const renderedAt = await page.waitForFunction((expected) => {
        const grid = document.querySelector('[role=grid]');
        return grid?.getAttribute('data-rendered-query') === expected && performance.now();
      }, query, { polling: 'raf', timeout: 30_000 });
      const ms = (await renderedAt.jsonValue()) - (await page.evaluate(() => window.lastKeyAt));
      const requestMs = await page.evaluate((expected) => {
        const asked = performance.getEntriesByType('resource').filter((entry) => {
          const address = new URL(entry.name);
          return address.pathname === '/api/v1/tracks' && address.searchParams.get('q') === expected
            && !address.searchParams.has('cursor');
        });
        return asked.length ? asked[asked.length - 1].duration : NaN;
      }, query);
      latencies.push({ query, ms, requestMs, rows: await page.getByRole('grid').getAttribute('data-row-count') });
    }
  }
  const sorted = latencies.map((l) => l.ms).sort((a, b) => a - b);
  const p50 = sorted[Math.floor(sorted.length / 2)];
  const worst = sorted[sorted.length - 1];
  for (const query of QUERIES) {
    const mine = latencies.filter((l) => l.query === query).map((l) => l.ms).sort((a, b) => a - b);
    console.log(`  ${query.padEnd(26)} ${String(latencies.find((l) => l.query === query).rows).padStart(7)} rows  `
      + `median ${mine[Math.floor(mine.length / 2)].toFixed(0)} ms`);
  }
  const requests = latencies.map((l) => l.requestMs).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  report(`last keypress to rendered rows, p50 of ${sorted.length}`, `${p50.toFixed(0)} ms (max ${worst.toFixed(0)} ms;`
    + ` of which the first page's request, p50 ${requests[Math.floor(requests.length / 2)].toFixed(0)} ms)`,
    `${SEARCH_GOAL_MS} ms`, p50 / SEARCH_GOAL_MS);

  await box.fill('');
  await page.waitForSelector('[data-rendered-query=""]');
  const frames = await page.evaluate(() => new Promise((resolve) => {
    const grid = document.querySelector('[role=grid]');
    const intervals = [];
    let last = performance.now();
    const started = last;
    const step = (now) => {
      intervals.push(now - last);
      last = now;
      grid.scrollTop = ((now - started) / 1000) * 3000;
      if (grid.scrollTop < 200_000 && now - started < 70_000) {
        requestAnimationFrame(step);
      } else {
        resolve({ intervals, rows: grid.getAttribute('data-row-count'), top: grid.scrollTop });
      }
    };
    requestAnimationFrame(step);
  }));
  const intervals = frames.intervals.slice(1).sort((a, b) => a - b);
  const p95 = intervals[Math.floor(intervals.length * 0.95)];
  const long = intervals.filter((i) => i > 50).length / intervals.length;
  report(`scrolling ${frames.rows} rows, ${intervals.length} frames`, `p95 frame ${p95.toFixed(1)} ms, `
    + `${(long * 100).toFixed(1)} % over 50 ms`, '33 ms (30 fps)', p95 / 33.3);
} finally {
  await browser.close();
}

function report(what, figure, goal, ratio) {
  console.log(`${what}: ${figure}; goal ${goal}; ratio to goal ${ratio.toFixed(2)}`);
}

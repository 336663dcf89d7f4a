// Measures how soon a mix started from the console plays in the browser, in Debian's Chromium against a running,
// analysed server: from the click on "Start the mix" (a search as the seed) to the first moment the mix page's
// <audio> element has played audio (currentTime above zero), ROUNDS times; p50 and max. The <audio> element is
// started by the script as soon as the mix page shows it (muted: a headless browser has no sound card). Each mix is
// stopped over the API before the next round, so that the server's limit of mixes is never reached.
// Usage: node bench/mixer-bench.mjs URL PASSWORD [QUERY]   (from web-admin/frontend, after npm ci)

import { chromium } from '@playwright/test';

const [url, password, query = 'bpm:100..140'] = process.argv.slice(2);
if (!url || !password) {
  console.error('usage: node bench/mixer-bench.mjs URL PASSWORD [QUERY]');
  process.exit(2);
}
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const GOAL_MS = 1500;

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
  const times = [];
  for (let round = 0; round < ROUNDS; round++) {
    await page.goto('/mixes');
    await page.getByLabel('Search', { exact: true }).fill(query);
    await page.getByTestId('mix-hit-count').waitFor();
    await page.evaluate(() => {
      window.startClickedAt = undefined;
      document.querySelector('form.mix-start button[type=submit]').addEventListener('click', () => {
        window.startClickedAt = performance.now();
      }, { once: true });
    });
    await page.getByRole('button', { name: 'Start the mix' }).click();
    const audio = page.getByTestId('mix-audio');
    await audio.waitFor({ state: 'attached', timeout: 30_000 });
    const playedAt = await audio.evaluate((element) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the <audio> element played nothing in 30 s')), 30_000);
      element.addEventListener('timeupdate', function played() {
        if (element.currentTime > 0) {
          element.removeEventListener('timeupdate', played);
          clearTimeout(timer);
          resolve(performance.now());
        }
      });
      element.muted = true;
      element.play().catch(reject);
    }));
    const ms = playedAt - await page.evaluate(() => window.startClickedAt);
    times.push(ms);
    const id = new URL(page.url()).pathname.split('/').pop();
    await audio.evaluate((element) => element.pause());
    await context.request.post(`/api/v1/mixes/${id}/stop`, { headers: { 'X-Requested-With': 'deckhand' } });
    await context.request.delete(`/api/v1/mixes/${id}`, { headers: { 'X-Requested-With': 'deckhand' } });
    console.log(`  round ${round + 1}: mix ${id} played after ${ms.toFixed(0)} ms`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const p50 = sorted[Math.floor(sorted.length / 2)];
  console.log(`click on "Start the mix" to audio in the browser's <audio>, p50 of ${sorted.length}: ${p50.toFixed(0)} ms`
    + ` (max ${sorted[sorted.length - 1].toFixed(0)} ms); goal ${GOAL_MS} ms; ratio to goal ${(p50 / GOAL_MS).toFixed(2)}`);
} finally {
  await browser.close();
}

// The console as a DJ meets it, against the packaged server on a real library: a waveform coloured by frequency with
// a zoomed, scrollable view and cue points past the first bar, a rescan and the problems list, an AIFF file the
// browser cannot play marked as such, settings checked as their help says, a failed search that empties the results,
// the analysis queue without its running track among the waiting, JSON answers gzip-compressed; a light theme beside
// the dark one, remembered; every page without sideways scrolling on a phone; and axe-core finding nothing on any page
// in either theme, at desktop and phone sizes.

import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { BADGE_TEXT, camelotColour } from '../src/lib/camelot';
import { env, screenshot, signIn } from './env';

test.describe.configure({ mode: 'serial' });

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 860 };
const PAGES = ['/', '/library', '/mixes', '/tracklists', '/queue', '/renamer', '/problems', '/plugins', '/notifications',
  '/settings', '/logs'];
const MIXER_PID = 'org.deckhand.mixer';
/** The header the console sends with every request that changes something, as the server asks of a session. */
const CHANGE = { 'X-Requested-With': 'deckhand' };

interface ApiTrack {
  id: number;
  file: { format: string };
  analyses: Record<string, { values: Record<string, unknown> }>;
}

let context: BrowserContext;
let page: Page;
let track: ApiTrack;

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext({ viewport: DESKTOP, colorScheme: 'dark' });
  page = await context.newPage();
  await signIn(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  track = await analysedTrack(page);
});

test.afterAll(async () => {
  await context.close();
});

test('the waveform is coloured by frequency band in the legend\'s colours, not yellow everywhere', async () => {
  await page.goto(`/tracks/${track.id}`);
  await expect(page.getByTestId('waveform')).toBeVisible();
  await expect.poll(async () => (await canvasColours(page, 'waveform')).length).toBeGreaterThan(1000);
  const colours = await canvasColours(page, 'waveform');
  const legend = await legendColours(page);
  const shares = legend.map((swatch) => colours.filter((colour) => distance(colour, swatch) < 40).length
    / colours.length);
  const yellow = colours.filter(([r, g, b]) => r > 180 && g > 180 && b < 120).length / colours.length;
  expect(yellow, 'share of saturated yellow pixels').toBeLessThan(0.05);
  expect(shares.reduce((sum, share) => sum + share, 0), 'share of pixels in a legend colour')
    .toBeGreaterThan(0.85);
  expect(shares.filter((share) => share > 0.02).length, 'bands seen across the track').toBeGreaterThanOrEqual(2);
  await screenshot(page, 'polish-waveform');
});

test('the zoomed view shows bars around the playhead, scrolls and zooms', async () => {
  const zoom = page.getByTestId('waveform-zoom');
  await expect(zoom).toBeVisible();
  await expect(zoom).toHaveAttribute('aria-label', /bars 1 to \d+/);
  await expect.poll(async () => (await canvasColours(page, 'waveform-zoom')).length).toBeGreaterThan(500);
  const span = Number(await zoom.getAttribute('data-span'));
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(zoom).toHaveAttribute('data-span', String(span / 2));
  const before = Number(await zoom.getAttribute('data-centre'));
  await zoom.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const bar = 4 * Number(track.analyses.beatgrid.values.beatPeriodSeconds);
  await expect.poll(async () => Number(await zoom.getAttribute('data-centre'))).toBeCloseTo(before + 2 * bar, 1);
  await page.getByRole('slider', { name: 'Scroll the zoomed waveform' }).fill('20');
  await expect.poll(async () => Number(await zoom.getAttribute('data-centre'))).toBeCloseTo(20, 0);
  await expect(zoom).not.toHaveAttribute('aria-label', /bars 1 to/);
  await screenshot(page, 'polish-waveform-zoomed');
});

test('the intro ends at least a phrase in, before the outro', async () => {
  const grid = track.analyses.beatgrid.values;
  const firstDownbeat = Number(grid.firstDownbeatSeconds);
  const intro = Number(grid.introEndSeconds);
  const outro = Number(grid.outroStartSeconds);
  expect(intro - firstDownbeat, 'intro length in bars').toBeGreaterThanOrEqual(
    Number(grid.beatPeriodSeconds) * 4 * 1.99);
  expect(intro).toBeLessThan(outro);
});

test('an AIFF track, which Chromium cannot play, is marked so', async () => {
  const aiff = await firstTrack(page, 'format:aiff');
  await page.goto(`/tracks/${aiff}`);
  await expect(page.getByTestId('unplayable')).toContainText('This browser cannot play AIFF files');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeDisabled();
  await screenshot(page, 'polish-aiff');
});

test('the problems page lists what the API lists, and a rescan runs to the end', async () => {
  const problems = await (await page.request.get('/api/v1/library/problems')).json() as { path: string }[];
  expect(problems.length, 'the library holds a broken file').toBeGreaterThan(0);
  await navigate(page, 'Problems');
  await expect(page.getByRole('heading', { level: 1, name: 'Problems' })).toBeVisible();
  await expect(page.getByTestId('problem-count')).toHaveText(`${problems.length} ${problems.length === 1 ? 'file'
    : 'files'}`);
  await expect(page.locator('.problem-table tbody tr')).toHaveCount(problems.length);
  await page.getByRole('button', { name: 'Rescan the music folders' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Scanned \d+ files\.$/ })).toBeVisible({ timeout: 60_000 });
  await screenshot(page, 'polish-problems');
});

test('a bit rate outside 32 to 320 is refused by the server in the words of the form', async () => {
  const before = await mixerBitRate(page);
  const refused = await page.request.put(`/api/v1/settings/${MIXER_PID}`, { data: { bitRateKbps: 1000 },
    headers: CHANGE });
  expect(refused.status()).toBe(400);
  const problem = await refused.json() as { detail: string };
  expect(problem.detail).toBe('MP3 bit rate must be from 32 to 320, not 1000.');
  expect(await mixerBitRate(page)).toBe(before);
});

test('the settings form says what is wrong beside the field, and saves nothing', async () => {
  const before = await mixerBitRate(page);
  await navigate(page, 'Settings');
  const form = page.locator(`form[data-pid="${MIXER_PID}"]`);
  const field = form.getByLabel('MP3 bit rate');
  await field.fill('1000');
  await form.getByRole('button', { name: /^Save/ }).click();
  await expect(form.getByRole('alert')).toHaveText('MP3 bit rate must be from 32 to 320, not 1000.');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  expect(await mixerBitRate(page)).toBe(before);
  await screenshot(page, 'polish-settings-refused');
  await form.getByRole('button', { name: 'Undo changes' }).click();
});

test('a malformed query empties the results instead of counting the last ones', async () => {
  await navigate(page, 'Library');
  const search = page.getByRole('searchbox', { name: 'Search the library' });
  await search.fill('format:flac');
  await expect(page.getByRole('grid', { name: 'Tracks' })).toHaveAttribute('data-rendered-query', 'format:flac');
  await expect(page.getByTestId('result-count')).toHaveText(/^\d+ tracks?$/);
  await search.fill('bpm:12..x');
  await expect(page.locator('.query-error')).toContainText('at character');
  await expect(page.getByTestId('result-count')).toHaveText('No tracks: the search failed');
  await expect(page.locator('[data-track-id]')).toHaveCount(0);
  await search.fill('');
  await expect(page.getByTestId('result-count')).toHaveText(`${env.tracks} tracks`);
});

test('the analysis queue never lists its running track as waiting too', async () => {
  const ids = await allTrackIds(page);
  for (const id of ids) {
    expect((await page.request.post(`/api/v1/tracks/${id}/analyse`, { headers: CHANGE })).status()).toBeLessThan(300);
  }
  await navigate(page, 'Analysis queue');
  let seenRunning = 0;
  await expect.poll(async () => {
    const running = await hrefs(page, '.running a');
    const waiting = await hrefs(page, '.waiting a');
    expect(running.filter((href) => waiting.includes(href)), 'running and waiting at once').toEqual([]);
    seenRunning += running.length;
    return seenRunning;
  }, { timeout: 60_000, intervals: [100] }).toBeGreaterThan(0);
  const queue = await (await page.request.get('/api/v1/analysis/queue')).json() as {
    queued: number; waiting: number; running: { trackId: number }[]; next: { trackId: number }[] };
  const running = queue.running.map((item) => item.trackId);
  expect(queue.next.filter((item) => running.includes(item.trackId))).toEqual([]);
  expect(queue.waiting).toBe(Math.max(0, queue.queued - running.length));
});

test('JSON answers come gzip-compressed, audio does not', async () => {
  const rows = await page.request.get('/api/v1/tracks', { params: { limit: 100 },
    headers: { 'Accept-Encoding': 'gzip' } });
  expect(rows.headers()['content-encoding']).toBe('gzip');
  const audio = await page.request.get(`/api/v1/tracks/${track.id}/audio`, {
    headers: { 'Accept-Encoding': 'gzip', Range: 'bytes=0-1023' } });
  expect(audio.status()).toBe(206);
  expect(audio.headers()['content-encoding']).toBeUndefined();
});

test('the light theme is chosen in the top bar and remembered', async () => {
  await page.goto('/');
  const dark = await background(page);
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  const toggle = page.getByRole('button', { name: 'Light theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  const light = await background(page);
  expect(luminance(light)).toBeGreaterThan(luminance(dark) + 0.5);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Light theme' })).toHaveAttribute('aria-pressed', 'true');
  await screenshot(page, 'polish-light-dashboard');
  await page.getByRole('button', { name: 'Light theme' }).click();
  await expect(page.getByRole('button', { name: 'Light theme' })).toHaveAttribute('aria-pressed', 'false');
});

test('a system that prefers light gets the light theme until the user chooses', async ({ browser }) => {
  const fresh = await signedIn(browser, PHONE, 'light');
  const phone = fresh.pages()[0];
  expect(await phone.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  await fresh.close();
});

test('every Camelot key badge is readable, 10B and 11B among them', async () => {
  const codes = Array.from({ length: 12 }, (_, i) => [`${i + 1}A`, `${i + 1}B`]).flat();
  const tab = await context.newPage();
  await tab.setContent(`<!doctype html><html lang="en"><head><title>Key badges</title></head><body><main>${codes
    .map((code) => `<span style="display:inline-block;padding:1px 6px;border-radius:5px;font:700 15px sans-serif;`
      + `color:${BADGE_TEXT};background:${camelotColour(code)}">${code}</span>`).join(' ')}</main></body></html>`);
  const results = await new AxeBuilder({ page: tab }).withRules(['color-contrast']).analyze();
  expect(results.violations.flatMap((violation) => violation.nodes.map((node) => node.target.join(' ')))).toEqual([]);
  expect(results.passes.flatMap((rule) => rule.nodes).length, 'badges checked').toBe(codes.length);
  await tab.close();
});

for (const theme of ['dark', 'light'] as const) {
  for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    test(`axe finds nothing on any page, ${theme} theme, ${size}`, async ({ browser }) => {
      const session = await signedIn(browser, viewport, theme);
      const tab = session.pages()[0];
      for (const path of [...PAGES, `/tracks/${track.id}`]) {
        await open(tab, path);
        const results = await new AxeBuilder({ page: tab }).analyze();
        expect(results.violations.map((violation) => `${path}: ${violation.id}: ${violation.help} at ${
          violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
        if (size === 'phone') {
          const overflow = await tab.evaluate(() => document.documentElement.scrollWidth
            - document.documentElement.clientWidth);
          expect(overflow, `${path} scrolls sideways by ${overflow} px on a phone`).toBeLessThanOrEqual(0);
          expect(await clippedHeaders(tab), `${path}: columns cut off`).toEqual([]);
          await screenshot(tab, `polish-phone-${theme}${path.replace(/\//g, '-') || '-dashboard'}`);
        }
      }
      await session.close();
    });
  }
}

/** Follows a link of the main navigation. */
async function navigate(tab: Page, name: string): Promise<void> {
  await tab.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

/** A new signed-in browser context at that size, whose system prefers that colour scheme. */
async function signedIn(browser: Browser, viewport: { width: number; height: number },
    colorScheme: 'dark' | 'light'): Promise<BrowserContext> {
  const fresh = await browser.newContext({ viewport, colorScheme });
  const tab = await fresh.newPage();
  await signIn(tab);
  await expect(tab.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  return fresh;
}

/** Opens a page of the console and waits until its data has loaded. */
async function open(tab: Page, path: string): Promise<void> {
  await tab.goto(path);
  await expect(tab.locator('h1')).toBeVisible();
  await tab.waitForLoadState('networkidle');
  if (path === '/library') {
    await expect(tab.locator('[data-track-id]').first()).toBeVisible();
  }
  if (path.startsWith('/tracks/')) {
    await expect(tab.getByTestId('waveform')).toBeVisible();
  }
}

/** Header cells of tables and of the track grid that reach past the right edge of what contains them. */
function clippedHeaders(tab: Page): Promise<string[]> {
  return tab.evaluate(() => {
    const clipped: string[] = [];
    for (const cell of document.querySelectorAll<HTMLElement>('.grid-head [role=columnheader], table.list th')) {
      const box = cell.getBoundingClientRect();
      if (box.width === 0) {
        continue;
      }
      const scroller = cell.closest('.track-grid, .renamer-scroll, .panel, .card') as HTMLElement | null;
      const limit = scroller && scroller.scrollWidth > scroller.clientWidth ? Infinity
        : (scroller?.getBoundingClientRect().right ?? window.innerWidth) + 1;
      if (box.right > Math.min(limit, window.innerWidth + 1)) {
        clipped.push(cell.textContent ?? '');
      }
    }
    return clipped;
  });
}

/** A FLAC track with a waveform and a beat grid, the longest one. */
async function analysedTrack(tab: Page): Promise<ApiTrack> {
  const response = await tab.request.get('/api/v1/tracks', { params: { q: 'format:flac', limit: 100 } });
  const body = await response.json() as { tracks: (ApiTrack & { audio: { durationSeconds: number } })[] };
  const found = body.tracks.filter((t) => 'waveform' in t.analyses && 'beatgrid' in t.analyses)
    .sort((a, b) => b.audio.durationSeconds - a.audio.durationSeconds)[0];
  expect(found, 'a FLAC track with a waveform and a beat grid').toBeDefined();
  return found;
}

async function firstTrack(tab: Page, query: string): Promise<number> {
  const body = await (await tab.request.get('/api/v1/tracks', { params: { q: query, limit: 1 } })).json() as {
    tracks: { id: number }[] };
  expect(body.tracks.length, `a track for ${query}`).toBeGreaterThan(0);
  return body.tracks[0].id;
}

async function allTrackIds(tab: Page): Promise<number[]> {
  const body = await (await tab.request.get('/api/v1/tracks', { params: { limit: 200 } })).json() as {
    tracks: { id: number }[] };
  return body.tracks.map((t) => t.id);
}

async function mixerBitRate(tab: Page): Promise<unknown> {
  const settings = await (await tab.request.get('/api/v1/settings')).json() as {
    pid: string; fields: { id: string; value: unknown }[] }[];
  const mixer = settings.find((setting) => setting.pid === MIXER_PID);
  expect(mixer, 'the mixer has settings').toBeDefined();
  return mixer?.fields.find((field) => field.id === 'bitRateKbps')?.value;
}

function hrefs(tab: Page, selector: string): Promise<string[]> {
  return tab.locator(selector).evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

/** The colour of every pixel of a canvas that is coloured (not the grey background, the grid or the playhead). */
function canvasColours(tab: Page, testId: string): Promise<[number, number, number][]> {
  return tab.getByTestId(testId).evaluate((element) => {
    const canvas = element as HTMLCanvasElement;
    const { data } = (canvas.getContext('2d') as CanvasRenderingContext2D)
      .getImageData(0, 0, canvas.width, canvas.height);
    const colours: [number, number, number][] = [];
    for (let i = 0; i < data.length; i += 4) {
      const spread = Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]);
      if (spread > 60) {
        colours.push([data[i], data[i + 1], data[i + 2]]);
      }
    }
    return colours;
  });
}

/** The colours of the legend's low, mid and high swatches. */
function legendColours(tab: Page): Promise<[number, number, number][]> {
  return tab.locator('.legend .swatch.low, .legend .swatch.mid, .legend .swatch.high').evaluateAll((swatches) =>
    swatches.map((swatch) => (getComputedStyle(swatch).backgroundColor.match(/\d+/g) ?? []).slice(0, 3)
      .map(Number) as [number, number, number]));
}

function distance(a: number[], b: number[]): number {
  return Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]);
}

async function background(tab: Page): Promise<number[]> {
  const colour = await tab.evaluate(() => getComputedStyle(document.body).backgroundColor);
  return (colour.match(/\d+/g) ?? []).slice(0, 3).map(Number);
}

function luminance([r, g, b]: number[]): number {
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

// The mixer page against the packaged server on a real, analysed library, at a desktop and a phone size: a mix
// started from a search, from ticked tracks and from a track page, its plan edited (a track taken out, one put next,
// one moved up and down), skipped (the page follows the mixer's event within seconds, not its 10 s fallback poll),
// extended and stopped; its stream and playlist addresses copied and shown as a QR code; the stream played by the page's <audio> element; the tracklist
// and CUE sheet; a render downloaded; axe-core finds no accessibility violation; nothing scrolls sideways.

import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, expect, type Page, request as http, test } from '@playwright/test';
import { screenshot, signIn } from './env';

test.describe.configure({ mode: 'serial' });

/** A query of WebConsoleIT's library that finds tracks in one key (5B) at 105 to 120 BPM: three recordings, one of
 * them in three formats, which a ±16 % window chains into a plan of three. */
const QUERY = 'key:5B';
/** A BPM window, per cent, wide enough for every hit of the query to follow another. */
const BPM_WINDOW = '16';

interface Entry {
  trackId: string; artist?: string | null; title?: string | null; startSeconds: number | null; editable: boolean;
}
interface Mix {
  id: string; state: string; nowPlaying: Entry | null; next: Entry[]; plan: Entry[]; listeners: number;
  streams: Record<string, string>;
}

const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 860 }, isMobile: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true },
];

for (const size of SIZES) {
  test.describe(`the mixer at ${size.name} size`, () => {
    let context: BrowserContext;
    let page: Page;
    let mixId = '';

    test.beforeAll(async ({ browser }: { browser: Browser }) => {
      context = await browser.newContext({ viewport: size.viewport, isMobile: size.isMobile, hasTouch: size.isMobile,
        permissions: ['clipboard-read', 'clipboard-write'] });
      page = await context.newPage();
      await signIn(page);
      await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    });

    test.afterAll(async () => {
      for (const mix of await mixes(page)) {
        await page.request.delete(`/api/v1/mixes/${mix.id}`, { headers: { 'X-Requested-With': 'deckhand' } });
      }
      await context.close();
    });

    test('the nav leads to the mixer, whose page has no accessibility violation and no sideways scroll', async () => {
      await page.getByRole('link', { name: 'Mixer' }).click();
      await expect(page).toHaveURL(/\/mixes$/);
      await expect(page.getByRole('heading', { level: 1, name: 'Mixer' })).toBeVisible();
      await expect(page.getByText('Page not found')).toHaveCount(0);
      await page.getByLabel('Search', { exact: true }).fill(QUERY);
      await expect(page.getByTestId('mix-hit-count')).toContainText('match');
      await expectNoAxeViolations(page);
      await expectNoSidewaysScroll(page);
      await screenshot(page, `mixer-${size.name}`);
    });

    test('a mix starts from a search, with the first hit playing and its plan drawn from the hits', async () => {
      const hits = await apiSearch(page, QUERY);
      expect(hits.length).toBeGreaterThan(1);
      await page.getByLabel('the first hit of a search', { exact: false }).check();
      await expect(page.getByLabel('BPM window, ±%')).not.toHaveValue('');
      await page.getByLabel('BPM window, ±%').fill(BPM_WINDOW);
      await page.getByRole('button', { name: 'Start the mix' }).click();
      await expect(page).toHaveURL(/\/mixes\/[A-Za-z0-9_-]+$/);
      mixId = new URL(page.url()).pathname.split('/').pop() as string;
      await expect(page.getByRole('heading', { level: 1, name: `Mix ${mixId}` })).toBeVisible();
      const mix = await apiMix(page, mixId);
      expect(mix.plan.length).toBeGreaterThan(1);
      for (const entry of mix.plan) {
        expect(hits).toContain(Number(entry.trackId));
      }
      await expect(page.getByTestId('plan').locator('li')).toHaveCount(mix.plan.length);
      await expect(page.getByTestId('now-playing').locator('.deck-name')).toHaveText(name(mix.plan[0]));
      await expect(page.getByTestId('next-up').locator('.deck-name')).toHaveText(name(mix.plan[1]));
      await expect(page.getByTestId('mix-state')).toHaveText(/Playing|Paused/);
    });

    test('a planned track is taken out, and a track of the library put next', async () => {
      await ensureEditable(page, mixId, 1);
      const before = await apiMix(page, mixId);
      const last = before.plan.filter((entry) => entry.editable).pop() as Entry;
      expect(last.startSeconds).toBeNull();
      await page.getByRole('button', { name: `Remove ${name(last)} from the plan` }).click();
      await expect(page.getByText(`${name(last)} is out of the plan.`)).toBeVisible();
      expect((await apiMix(page, mixId)).plan.map((entry) => entry.trackId)).not.toContain(last.trackId);

      const others = (await apiSearch(page, 'key:8B')).map(String)
        .filter((id) => !before.plan.some((entry) => entry.trackId === id));
      expect(others.length).toBeGreaterThan(0);
      await page.getByLabel('Play a track of the library next').fill('key:8B');
      const offered = page.getByRole('list', { name: 'Tracks to play next' }).getByRole('button');
      await expect(offered.first()).toBeVisible();
      const planned = new Set(before.plan.map((entry) => `Play next: ${name(entry)}`));
      const labels = await offered.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label')));
      const pick = labels.findIndex((label) => label !== null && !planned.has(label));
      expect(pick).toBeGreaterThanOrEqual(0);
      await offered.nth(pick).click();
      await expect(page.getByText(/ plays next\.$/)).toBeVisible();
      const after = await apiMix(page, mixId);
      const at = after.plan.findIndex((entry) => others.includes(entry.trackId));
      expect(at).toBeGreaterThan(0);
      expect(after.plan.slice(0, at).every((entry) => before.plan.some((old) => old.trackId === entry.trackId)))
        .toBe(true);
      await expect(page.getByTestId('plan').locator('li')).toHaveCount(after.plan.length);
    });

    test('a planned track moves up and down from the keyboard, and the plan on the page follows', async () => {
      await ensureEditable(page, mixId, 2);
      const before = await apiMix(page, mixId);
      const editable = before.plan.filter((entry) => entry.editable);
      expect(editable.length).toBeGreaterThan(1);
      const track = editable[editable.length - 1];
      const at = before.plan.findIndex((entry) => entry.trackId === track.trackId);
      const rows = page.getByTestId('plan').locator('li');
      await expect(page.getByRole('button', { name: `Move ${name(editable[0])} up` })).toBeDisabled();

      await page.getByRole('button', { name: `Move ${name(track)} up` }).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByText(`${name(track)} moved up.`)).toBeVisible();
      expect((await apiMix(page, mixId)).plan[at - 1].trackId).toBe(track.trackId);
      await expect(rows.nth(at - 1)).toContainText(name(track));

      await page.getByRole('button', { name: `Move ${name(track)} down` }).click();
      await expect(page.getByText(`${name(track)} moved down.`)).toBeVisible();
      expect((await apiMix(page, mixId)).plan.map((entry) => entry.trackId))
        .toEqual(before.plan.map((entry) => entry.trackId));
      await expect(rows.nth(at)).toContainText(name(track));
    });

    test('skip mixes into the next track within seconds, and the tracklist and CUE sheet follow', async () => {
      const before = await apiMix(page, mixId);
      const playing = before.nowPlaying as Entry;
      const later = before.plan.slice(before.plan.findIndex((entry) => entry.trackId === playing.trackId) + 1);
      expect(later.length).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Skip to the next track' }).click();
      await expect(page.getByText(/^Mixing into /)).toBeVisible();
      await expect(page.getByTestId('now-playing').locator('.deck-name')).toHaveText(
        new RegExp(`^(${later.map((entry) => escape(name(entry))).join('|')})$`), { timeout: 20_000 });
      await expect.poll(() => page.getByTestId('tracklist').locator('li').count()).toBeGreaterThan(1);
      await page.getByRole('button', { name: 'Show the CUE sheet' }).click();
      const sheet = page.getByTestId('cue-sheet');
      await expect(sheet).toContainText(`FILE "${mixId}.mp3" MP3`);
      await expect(sheet).toContainText('INDEX 01 00:00:00');
      await expect(sheet).toContainText('TRACK 02 AUDIO');
    });

    test('the page\'s <audio> element plays the stream: its time advances and the server counts a listener',
      async () => {
        const audio = page.getByTestId('mix-audio');
        await audio.evaluate(async (element: HTMLAudioElement) => {
          element.muted = true;
          await element.play();
        });
        await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime),
          { timeout: 15_000 }).toBeGreaterThan(2);
        await expect(page.getByTestId('mix-listeners')).toHaveText(/^[1-9]/);
        expect((await apiMix(page, mixId)).listeners).toBeGreaterThanOrEqual(1);
      });

    test('after a skip the page shows the new track within 3 s: the mixer\'s event, not the 10 s poll', async () => {
      let before = await apiMix(page, mixId);
      if (before.next.length === 0) {
        const extended = await page.request.post(`/api/v1/mixes/${mixId}/extend`, {
          headers: { 'X-Requested-With': 'deckhand' }, data: { count: 5 } });
        expect(extended.status()).toBe(200);
        before = await extended.json() as Mix;
      }
      test.skip(before.next.length === 0, 'no track is left to skip to');
      const deck = page.getByTestId('now-playing').locator('.deck-name');
      await expect(deck).toHaveText(name(before.nowPlaying as Entry));
      await page.getByRole('button', { name: 'Skip to the next track' }).click();
      await expect(deck).not.toHaveText(name(before.nowPlaying as Entry), { timeout: 3_000 });
      await expect(deck).toHaveText(new RegExp(`^(${before.next.map((entry) => escape(name(entry))).join('|')})$`));
    });

    test('the page has no accessibility violation and no sideways scroll while a mix plays', async () => {
      await expectNoAxeViolations(page);
      await expectNoSidewaysScroll(page);
      await screenshot(page, `mix-${size.name}`);
    });

    test('the stream and playlist addresses are copied with one click and shown as a QR code', async () => {
      const mix = await apiMix(page, mixId);
      const mp3 = new URL(mix.streams.mp3, page.url()).href;
      await page.getByRole('button', { name: 'Copy the MP3 stream address' }).click();
      await expect(page.getByText('MP3 stream address copied.')).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(mp3);
      await expect(page.getByRole('img', { name: 'QR code of the MP3 stream address' })).toHaveAttribute(
        'data-qr-text', mp3);

      await page.getByRole('button', { name: 'Copy the M3U playlist address' }).click();
      await expect(page.getByText('M3U playlist address copied.')).toBeVisible();
      const m3u = await page.evaluate(() => navigator.clipboard.readText());
      expect(m3u).toBe(new URL(mix.streams.m3u, page.url()).href);
      // A player has no session: the copied address alone opens the playlist, which lists the MP3 stream.
      const player = await http.newContext();
      try {
        const playlist = await player.get(m3u);
        expect(playlist.status()).toBe(200);
        expect(await playlist.text()).toContain(`/stream/${mixId}.mp3?token=`);
      } finally {
        await player.dispose();
      }
      await page.getByRole('button', { name: 'Show the M3U playlist as a QR code' }).click();
      await expect(page.getByRole('img', { name: 'QR code of the M3U playlist address' })).toHaveAttribute(
        'data-qr-text', m3u);
    });

    test('extend plans more tracks or says why it cannot', async () => {
      await page.getByRole('button', { name: /^Plan \d+ more$/ }).click();
      await expect(page.getByText(/tracks? added/)).toBeVisible();
    });

    test('stop ends the mix: its state, its controls and the API agree', async () => {
      page.once('dialog', (dialog) => dialog.accept());
      await page.getByRole('button', { name: 'Stop', exact: true }).click();
      await expect(page.getByTestId('mix-state')).toHaveText('Stopped');
      await expect(page.getByRole('button', { name: 'Skip to the next track' })).toBeDisabled();
      expect((await apiMix(page, mixId)).state).toBe('STOPPED');
    });

    test('a mix starts from a track page, with the options chosen', async () => {
      const seed = (await apiSearch(page, QUERY))[0];
      await page.goto(`/tracks/${seed}`);
      await page.getByRole('link', { name: 'Start a mix from here' }).click();
      await expect(page).toHaveURL(new RegExp(`/mixes\\?track=${seed}$`));
      await expect(page.getByLabel(/^this track/)).toBeChecked();
      // The options start at the server's defaults, which arrive after the form: fill only once they are in.
      await expect(page.getByLabel('Crossfade, bars')).not.toHaveValue('');
      await page.getByLabel('Crossfade, bars').fill('8');
      await page.getByLabel('Energy curve').selectOption('WARM_UP');
      await expect(page.getByText('energy rises evenly from 3 to 8')).toBeVisible();
      await page.getByRole('button', { name: 'Start the mix' }).click();
      await expect(page).toHaveURL(/\/mixes\/[A-Za-z0-9_-]+$/);
      const id = new URL(page.url()).pathname.split('/').pop() as string;
      const mix = await apiMix(page, id);
      expect(mix.plan[0].trackId).toBe(String(seed));
      await expect(page.getByTestId('plan').locator('li').first()).toContainText(name(mix.plan[0]));
      await stopByApi(page, id);
    });

    if (size.name === 'desktop') {
      test('a mix starts from ticked tracks, the first ticked first', async () => {
        await page.goto('/mixes');
        await page.getByLabel('Search', { exact: true }).fill(QUERY);
        const boxes = page.getByRole('list', { name: 'Search results to tick' }).getByRole('checkbox');
        await expect(boxes.first()).toBeVisible();
        const hits = await apiSearch(page, QUERY);
        await boxes.nth(1).check();
        await boxes.nth(0).check();
        await expect(page.getByLabel(/^the tracks I tick below \(2 ticked\)/)).toBeChecked();
        await page.getByRole('button', { name: 'Start the mix' }).click();
        await expect(page).toHaveURL(/\/mixes\/[A-Za-z0-9_-]+$/);
        const id = new URL(page.url()).pathname.split('/').pop() as string;
        const mix = await apiMix(page, id);
        expect(mix.plan[0].trackId).toBe(String(hits[1]));
        for (const entry of mix.plan) {
          expect([hits[0], hits[1]]).toContain(Number(entry.trackId));
        }
        await stopByApi(page, id);
      });

      test('a render of the mix runs to the end and its file and CUE sheet download', async () => {
        await page.goto(`/mixes/${mixId}`);
        await page.getByLabel('Format').selectOption('mp3');
        await page.getByRole('button', { name: 'Render the mix' }).click();
        const audioLink = page.getByRole('link', { name: 'Download the audio' });
        await expect(audioLink).toBeVisible({ timeout: 120_000 });
        const audio = await page.request.get(await audioLink.getAttribute('href') as string);
        expect(audio.status()).toBe(200);
        expect(audio.headers()['content-type']).toBe('audio/mpeg');
        expect((await audio.body()).length).toBeGreaterThan(10_000);
        const cue = await page.request.get(await page.getByRole('link', { name: 'its CUE sheet' })
          .getAttribute('href') as string);
        expect(cue.status()).toBe(200);
        expect(await cue.text()).toContain('INDEX 01 00:00:00');
        await screenshot(page, 'mix-rendered');
      });
    }
  });
}

function name(entry: Entry): string {
  if (entry.artist && entry.title) {
    return `${entry.artist} – ${entry.title}`;
  }
  return entry.title || entry.artist || `Track ${entry.trackId}`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function apiMix(page: Page, id: string): Promise<Mix> {
  const response = await page.request.get(`/api/v1/mixes/${id}`);
  expect(response.status()).toBe(200);
  return await response.json() as Mix;
}

/**
 * Puts tracks of the library next until at least `count` planned tracks are open to edits: the render takes the
 * track after the playing one early, and a short plan may have no other.
 */
async function ensureEditable(page: Page, id: string, count: number): Promise<void> {
  for (const query of ['key:8B', QUERY, 'key:8A', 'key:4B', 'key:6B']) {
    for (const trackId of await apiSearch(page, query)) {
      const mix = await apiMix(page, id);
      if (mix.plan.filter((entry) => entry.editable).length >= count) {
        await expect(page.getByTestId('plan').locator('li')).toHaveCount(mix.plan.length);
        return;
      }
      if (!mix.plan.some((entry) => entry.trackId === String(trackId))) {
        const next = await page.request.post(`/api/v1/mixes/${id}/plan/next`, {
          headers: { 'X-Requested-With': 'deckhand' }, data: { trackId: String(trackId) } });
        expect(next.status()).toBe(200);
      }
    }
  }
  throw new Error(`the library has too few tracks to leave ${count} planned tracks open to edits`);
}

async function mixes(page: Page): Promise<Mix[]> {
  const response = await page.request.get('/api/v1/mixes');
  return response.ok() ? await response.json() as Mix[] : [];
}

async function stopByApi(page: Page, id: string): Promise<void> {
  const response = await page.request.post(`/api/v1/mixes/${id}/stop`, { headers: { 'X-Requested-With': 'deckhand' } });
  expect(response.status()).toBe(200);
}

/** The ids of the tracks a search finds, in the order the API gives them. */
async function apiSearch(page: Page, query: string): Promise<number[]> {
  const response = await page.request.get('/api/v1/tracks', { params: { q: query, limit: 50 } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { tracks: { id: number }[] }).tracks.map((track) => track.id);
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes
    .map((node) => node.target.join(' ')).join(', ')})`)).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth }));
  expect(widths.scroll, 'the page is no wider than the window').toBeLessThanOrEqual(widths.client);
}

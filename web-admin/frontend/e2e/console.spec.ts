// The console against the packaged server on a real library: sign-in, dashboard, search, track detail with its
// waveform and player, plugin upload, settings, a pasted tracklist with its CUE sheet, queue and logs. The tests run
// in order in one browser session.

import { expect, test, type Page } from '@playwright/test';
import { env, screenshot, signIn } from './env';

test.describe.configure({ mode: 'serial' });

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
});

test.afterAll(async () => {
  await page.close();
});

test('a wrong password is refused', async () => {
  await signIn(page, `${env.password}-wrong`);
  await expect(page.getByRole('alert')).toHaveText('The password is wrong.');
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  const session = await page.request.get('/api/v1/session');
  expect(session.status()).toBe(401);
  await screenshot(page, 'sign-in-refused');
});

test('signing in opens the dashboard, which shows the track count', async () => {
  await signIn(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByTestId('track-count')).toHaveText(env.tracks.toLocaleString('en'));
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  await screenshot(page, 'dashboard');
});

test('a BPM search shows exactly the tracks the API finds', async () => {
  const expected = await apiSearch(page, 'bpm:120..130');
  expect(expected.length).toBeGreaterThan(0);
  await page.getByRole('link', { name: 'Library' }).click();
  const search = page.getByRole('searchbox', { name: 'Search the library' });
  await search.fill('bpm:120..130');
  const grid = page.getByRole('grid', { name: 'Tracks' });
  await expect(grid).toHaveAttribute('data-rendered-query', 'bpm:120..130');
  await expect(page.getByTestId('result-count')).toHaveText(`${expected.length} ${expected.length === 1 ? 'track'
    : 'tracks'}`);
  const shown = await grid.locator('[data-track-id]').evaluateAll((rows) =>
    rows.map((row) => Number(row.getAttribute('data-track-id'))));
  expect(shown.sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
  for (const bpm of await grid.locator('.c-bpm[role=gridcell]').allTextContents()) {
    expect(Number(bpm)).toBeGreaterThanOrEqual(120);
    expect(Number(bpm)).toBeLessThanOrEqual(130);
  }
  await screenshot(page, 'library-bpm-search');
});

test('a malformed query is explained inline, where it is wrong', async () => {
  await page.getByRole('searchbox', { name: 'Search the library' }).fill('bpm:12..x');
  const error = page.locator('.query-error');
  await expect(error).toContainText('at character');
  await expect(error.locator('mark')).toHaveText('x');
  await screenshot(page, 'library-query-error');
  await page.getByRole('searchbox', { name: 'Search the library' }).fill('');
  await expect(page.getByTestId('result-count')).toHaveText(`${env.tracks} tracks`);
});

test('the table sorts by a column and moves by keyboard', async () => {
  await page.getByRole('columnheader', { name: 'BPM' }).getByRole('button').click();
  const grid = page.getByRole('grid', { name: 'Tracks' });
  await expect(grid).toHaveAttribute('data-rendered-sort', 'bpm');
  await expect(page.getByRole('columnheader', { name: 'BPM' })).toHaveAttribute('aria-sort', 'ascending');
  const bpms = (await grid.locator('.c-bpm[role=gridcell]').allTextContents())
    .filter((text) => text !== '–').map(Number);
  expect(bpms).toEqual([...bpms].sort((a, b) => a - b));
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  await expect(grid).toHaveAttribute('aria-activedescendant', 'track-row-1');
  await screenshot(page, 'library-sorted');
});

test('a track shows its waveform drawn on the canvas, and plays', async () => {
  const target = await playableTrack(page);
  await page.getByRole('searchbox', { name: 'Search the library' }).fill('');
  await page.locator(`[data-track-id="${target}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/tracks/${target}$`));
  const canvas = page.getByTestId('waveform');
  await expect(canvas).toBeVisible();
  await expect.poll(() => drawnShare(page), { message: 'share of the canvas painted by the waveform' })
    .toBeGreaterThan(0.05);
  await expect.poll(() => colouredColumns(page), { message: 'columns in band colours' }).toBeGreaterThan(20);
  await screenshot(page, 'track');

  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForFunction(() => {
    const audio = document.querySelector('audio');
    return audio !== null && !audio.paused && audio.readyState >= 3 && audio.currentTime > 0.3;
  }, undefined, { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await screenshot(page, 'track-playing');
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
});

test('an uploaded plugin loads, and its result appears on a track', async () => {
  test.skip(!env.plugin, 'DECKHAND_E2E_PLUGIN names no plugin jar');
  const track = page.url();
  await page.getByRole('link', { name: 'Plugins' }).click();
  await page.getByLabel('Plugin jar (an OSGi bundle)').setInputFiles(env.plugin as string);
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Uploaded' })).toBeVisible();
  const plugin = page.locator('[data-plugin-id="org.deckhand.plugin.example"]');
  await expect(plugin.locator('header .state')).toHaveText('active', { timeout: 30_000 });
  await screenshot(page, 'plugins');

  await page.goto(track);
  await expect(page.locator('[data-analyser="example.zcr"]')).toBeVisible({ timeout: 120_000 });
  await expect(page.locator('[data-analyser="example.zcr"]')).toContainText('zeroCrossingRate');
  await screenshot(page, 'track-with-plugin-result');
});

test('a changed setting is saved', async () => {
  await page.getByRole('link', { name: 'Settings' }).click();
  const form = page.locator('form[data-pid="org.deckhand.watcher"]');
  const field = form.getByLabel('Rescan interval', { exact: false });
  await field.fill('42');
  await form.getByRole('button', { name: /^Save/ }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');
  await expect(field).toHaveValue('42');
  await expect.poll(async () => {
    const settings = await (await page.request.get('/api/v1/settings')).json() as
      { pid: string; fields: { id: string; value: unknown }[] }[];
    return settings.find((setting) => setting.pid === 'org.deckhand.watcher')?.fields
      .find((f) => f.id === 'rescanIntervalMinutes')?.value;
  }, { message: 'the rescan interval as the API reports it' }).toBe(42);
  await screenshot(page, 'settings');
});

test('a Subsonic player account set in the settings signs a Subsonic client in', async () => {
  const form = page.locator('#subsonic-player');
  await form.getByLabel('User name').fill('kitchen');
  await form.getByLabel('Player password (at least 8 characters)').fill('short');
  await form.getByRole('button', { name: 'Save player account' }).click();
  await expect(form.getByRole('alert')).toContainText('at least 8 characters');
  await form.getByLabel('Player password (at least 8 characters)').fill('vinyl-on-the-counter');
  await form.getByRole('button', { name: 'Save player account' }).click();
  await expect(form.getByRole('status').filter({ hasText: 'Set for the user kitchen.' })).toBeVisible();
  const ping = await page.request.get('/rest/ping.view', {
    params: { u: 'kitchen', p: 'vinyl-on-the-counter', v: '1.16.1', c: 'e2e', f: 'json' },
  });
  const body = await ping.json() as { 'subsonic-response': { status: string } };
  expect(body['subsonic-response'].status).toBe('ok');
  await screenshot(page, 'settings-subsonic');
});

test('the analysis queue lists the analysers, the uploaded plugin\'s among them', async () => {
  await page.getByRole('link', { name: 'Analysis queue' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Analysers' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'example.zcr' })).toBeVisible();
  await screenshot(page, 'queue');
});

test('a pasted tracklist is matched to the library, linked to a recording, and gives its CUE sheet', async () => {
  await page.getByRole('link', { name: 'Tracklists' }).click();
  await page.getByLabel('pasted text').check();
  await page.getByLabel('Mix title (optional)').fill('Console test mix');
  await page.getByLabel('Tracklist, one track a line').fill(
    '[00:00] Zoe Testwell - Morning Drive\n[00:20] Nobody Here - Not In This Library');
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Console test mix' })).toBeVisible();
  await expect(page.getByTestId('tracklist-counts')).toContainText('1 of 2 in the library');
  const entries = page.getByRole('table', { name: 'Entries' });
  await expect(entries.locator('[data-position="1"]')).toHaveAttribute('data-match', 'MATCHED');
  await expect(entries.locator('[data-position="1"]')).toContainText('Morning Drive');
  await expect(entries.locator('[data-position="2"]')).toHaveAttribute('data-match', 'MISSING');
  await screenshot(page, 'tracklist');

  await page.getByLabel('Find the recording (search the library)').fill('format:flac');
  await page.getByRole('button', { name: 'Find' }).click();
  await page.getByRole('list', { name: 'Recordings found' }).getByRole('button', { name: 'Link' }).first().click();
  const cueLink = page.getByTestId('cue-download');
  await expect(cueLink).toBeVisible();
  const cue = await page.request.get(await cueLink.getAttribute('href') as string);
  expect(cue.status()).toBe(200);
  const sheet = await cue.text();
  expect(sheet).toContain('TITLE "Console test mix"');
  expect(sheet).toMatch(/TRACK 01 AUDIO[\s\S]*INDEX 01 00:00:00[\s\S]*TRACK 02 AUDIO[\s\S]*INDEX 01 00:20:00/);
  await page.getByRole('button', { name: 'Write it beside the recording' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Wrote \/.*\.cue$/ })).toBeVisible();
  page.once('dialog', (dialog) => dialog.dismiss());
  await page.getByRole('button', { name: 'Write it beside the recording' }).click();
  await expect(page.getByRole('alert')).toContainText('A CUE sheet is already beside the recording');

  await entries.getByLabel('Match for entry 1').selectOption('missing');
  await expect(entries.locator('[data-position="1"]')).toHaveAttribute('data-match', 'MISSING');
  await expect(page.getByTestId('tracklist-counts')).toContainText('0 of 2 in the library');
  await page.getByRole('link', { name: 'Tracklists' }).click();
  await expect(page.getByRole('table', { name: 'Tracklists' })).toContainText('Console test mix');
  await screenshot(page, 'tracklists');
});

test('on a phone the library keeps its essential columns', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('link', { name: 'Library' }).click();
  const grid = page.getByRole('grid', { name: 'Tracks' });
  await expect(grid.locator('[data-track-id]').first()).toBeVisible();
  await expect(grid.locator('.c-format[role=gridcell]').first()).toBeHidden();
  await expect(grid.locator('.c-key[role=gridcell]').first()).toBeVisible();
  await screenshot(page, 'library-phone');
  await page.setViewportSize({ width: 1280, height: 860 });
});

test('the logs show the server\'s recent lines, filtered by level', async () => {
  await page.getByRole('link', { name: 'Logs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logs' })).toBeVisible();
  await expect(page.locator('.log-table tbody tr').first()).toBeVisible();
  await page.getByLabel('Level').selectOption('WARN');
  await expect(page.locator('.log-table .level.info')).toHaveCount(0);
  await screenshot(page, 'logs');
});

test('signing out ends the session', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect((await page.request.get('/api/v1/session')).status()).toBe(401);
});

/** The ids of every track a query finds, through the API with the browser's session. */
async function apiSearch(page: Page, query: string): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const response = await page.request.get('/api/v1/tracks', {
      params: { q: query, limit: 1000, ...(cursor ? { cursor } : {}) },
    });
    expect(response.status()).toBe(200);
    const body = await response.json() as { tracks: { id: number }[]; nextCursor: string | null };
    ids.push(...body.tracks.map((track) => track.id));
    cursor = body.nextCursor;
  } while (cursor);
  return ids;
}

/** A track with a waveform whose file the browser can play (FLAC, MP3, Ogg, Opus, WAV or M4A). */
async function playableTrack(page: Page): Promise<number> {
  const response = await page.request.get('/api/v1/tracks', { params: { q: 'format:flac OR format:mp3', limit: 50 } });
  const body = await response.json() as { tracks: { id: number; analyses: Record<string, unknown> }[] };
  const track = body.tracks.find((t) => 'waveform' in t.analyses && 'beatgrid' in t.analyses);
  expect(track, 'a FLAC or MP3 track with a waveform').toBeDefined();
  return (track as { id: number }).id;
}

/** The share of the waveform canvas's pixels that differ from its background. */
function drawnShare(page: Page): Promise<number> {
  return page.getByTestId('waveform').evaluate((element) => {
    const canvas = element as HTMLCanvasElement;
    const { data } = (canvas.getContext('2d') as CanvasRenderingContext2D)
      .getImageData(0, 0, canvas.width, canvas.height);
    const [r, g, b] = [data[0], data[1], data[2]];
    let drawn = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) > 30) {
        drawn++;
      }
    }
    return drawn / (data.length / 4);
  });
}

/** How many pixel columns of the canvas's middle row are coloured (not grey), as the band colours make them. */
function colouredColumns(page: Page): Promise<number> {
  return page.getByTestId('waveform').evaluate((element) => {
    const canvas = element as HTMLCanvasElement;
    const row = Math.floor(canvas.height / 2);
    const { data } = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, row, canvas.width, 1);
    let coloured = 0;
    for (let i = 0; i < data.length; i += 4) {
      const spread = Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]);
      if (spread > 60) {
        coloured++;
      }
    }
    return coloured;
  });
}

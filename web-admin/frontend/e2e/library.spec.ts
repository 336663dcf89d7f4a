// The library pages against the packaged server (LibraryBrowsingIT's library: songs 1 and 2 of the corpus's
// real-formats folder in several formats, song 3 as a FLAC with a cover): Browse with album covers as thumbnails,
// ticking tracks in the library, adding them to a new crate and starting a mix of them, a smart crate, a mix started
// from a crate, the duplicates as groups; then the same pages at a phone's size, with nothing wider than the screen.
// The tests run in order in one browser session.

import { expect, test, type Page } from '@playwright/test';
import { env, screenshot, signIn } from './env';

test.describe.configure({ mode: 'serial' });

let page: Page;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await signIn(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});

test.afterAll(async () => {
  await page.close();
});

test('Browse shows the albums with their covers as thumbnails the server made, and an album opens its tracks', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Browse' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Browse' })).toBeVisible();
  const albums = page.getByRole('list', { name: 'Albums' });
  await expect(albums.getByRole('listitem')).toHaveCount(await apiTotal(page, '/api/v1/library/albums'));
  const cover = albums.locator('img');
  await expect(cover).toHaveCount(1);
  await expect(cover).toHaveAttribute('src', /\/artwork\?size=300$/);
  await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(300);
  await screenshot(page, 'browse-albums');

  await albums.getByRole('button').filter({ has: page.locator('img') }).click();
  await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
  await expect(page.locator('.album-list li')).toHaveCount(1);
  await page.getByRole('button', { name: '← Albums' }).click();

  await page.getByRole('tab', { name: 'Artists' }).click();
  await page.getByRole('button', { name: /Various Test Artists/ }).click();
  await expect(page.getByText('Albums by')).toContainText('Various Test Artists');
  await expect(albums.getByRole('listitem'))
    .toHaveCount(await apiTotal(page, `/api/v1/library/albums?artist=${encodeURIComponent('Various Test Artists')}`));

  await page.getByRole('tab', { name: 'Years' }).click();
  await expect(page.getByRole('button', { name: /1996/ })).toBeVisible();
  await page.getByRole('button', { name: /1996/ }).click();
  await expect(page.getByRole('searchbox', { name: 'Search the library' })).toHaveValue('year:1996');
  await expect(page.getByTestId('result-count')).toHaveText('1 track');
});

test('tracks ticked in the library go into a new crate in one action', async () => {
  await page.getByRole('searchbox', { name: 'Search the library' }).fill('');
  const grid = page.getByRole('grid', { name: 'Tracks' });
  await expect(grid).toHaveAttribute('data-rendered-query', '');
  const rows = grid.locator('[data-track-id]');
  await expect(rows).toHaveCount(env.tracks);
  const picked = [Number(await rows.nth(0).getAttribute('data-track-id')),
    Number(await rows.nth(2).getAttribute('data-track-id'))];
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(2).getByRole('checkbox').check();
  await expect(page.getByTestId('selected-count')).toHaveText('2 selected');
  await expect(page).toHaveURL(/\/library/);
  await page.getByLabel('Crate', { exact: true }).selectOption('new');
  await page.getByLabel("New crate's name").fill('Console crate');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Selected tracks' }).getByRole('status'))
    .toHaveText('2 added to “Console crate”, which now holds 2.');
  await screenshot(page, 'library-bulk-actions');

  const crates = await (await page.request.get('/api/v1/crates')).json() as { id: number; name: string }[];
  const crate = crates.find((c) => c.name === 'Console crate');
  expect(crate).toBeDefined();
  const tracks = await (await page.request.get(`/api/v1/crates/${crate?.id}/tracks`)).json() as
    { tracks: { id: number }[] };
  expect(tracks.tracks.map((t) => t.id)).toEqual(picked);
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByTestId('selected-count')).toHaveCount(0);

  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(2).getByRole('checkbox').check();
  await page.getByRole('region', { name: 'Selected tracks' }).getByRole('button', { name: 'Start a mix' }).click();
  await expect(page).toHaveURL(/\/mixes\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole('heading', { name: 'Planned order' })).toBeVisible();
  const mixId = new URL(page.url()).pathname.split('/').pop() as string;
  const mix = await (await page.request.get(`/api/v1/mixes/${mixId}`)).json() as { plan: { trackId: string }[] };
  expect(Number(mix.plan[0].trackId)).toBe(picked[0]);
  for (const entry of mix.plan) {
    expect(picked).toContain(Number(entry.trackId));
  }
  await page.request.delete(`/api/v1/mixes/${mixId}`, { headers: { 'X-Requested-With': 'deckhand' } });
  await page.goBack();
  await expect(rows).toHaveCount(env.tracks);
});

test('a smart crate lists what its query finds, and a crate starts a mix', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Crates' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Crates' })).toBeVisible();
  await page.getByLabel('Name').fill('Soundtracks');
  await page.getByLabel(/Query, for a smart crate/).fill('genre:soundtrack');
  await page.getByRole('button', { name: 'Make the crate' }).click();
  const crate = page.getByRole('article', { name: 'Crate Soundtracks' });
  await expect(crate).toContainText('Smart crate: genre:soundtrack');
  await expect(crate.getByRole('list', { name: 'Tracks' }).getByRole('listitem')).toHaveCount(1);
  await expect(crate.getByRole('button', { name: /^Remove/ })).toHaveCount(0);

  await page.getByRole('list', { name: 'Crates' }).getByRole('link', { name: 'Console crate' }).click();
  const handMade = page.getByRole('article', { name: 'Crate Console crate' });
  await expect(handMade.getByRole('list', { name: 'Tracks' }).getByRole('listitem')).toHaveCount(2);
  await screenshot(page, 'crates');
  await handMade.getByRole('button', { name: 'Start a mix' }).click();
  await expect(page).toHaveURL(/\/mixes\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole('heading', { name: 'Planned order' })).toBeVisible();
  const mixId = new URL(page.url()).pathname.split('/').pop() as string;
  const mix = await page.request.get(`/api/v1/mixes/${mixId}`);
  expect(mix.status()).toBe(200);
  expect((await mix.json()).seed).toMatch(/^crate \d+$/);
  await page.request.delete(`/api/v1/mixes/${mixId}`, { headers: { 'X-Requested-With': 'deckhand' } });
  await page.goBack();

  await handMade.getByRole('button', { name: /^Remove/ }).first().click();
  await expect(handMade.getByRole('list', { name: 'Tracks' }).getByRole('listitem')).toHaveCount(1);
  await expect(handMade.getByRole('status')).toHaveText('Removed from the crate; the track stays in the library.');
});

test('Duplicates shows the copies of one recording as groups, with their formats', async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Duplicates' }).click();
  await expect(page.getByTestId('duplicate-count')).toHaveText('2 groups');
  const groups = page.locator('.duplicate-group');
  const formats = await groups.evaluateAll((items) => items.map((item) =>
    [...item.querySelectorAll('tbody tr td:first-child')].map((cell) => cell.textContent?.split(' ')[0]).sort()));
  expect(formats.sort((a, b) => b.length - a.length)).toEqual([['flac', 'mp3', 'opus'], ['flac', 'wav']]);
  await screenshot(page, 'duplicates');
});

test('on a phone, the library pages fit the screen', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [path, heading] of [['/browse', 'Browse'], ['/crates', 'Crates'], ['/duplicates', 'Duplicates'],
    ['/library', 'Library']]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    if (path === '/browse') {
      await expect(page.getByRole('list', { name: 'Albums' }).getByRole('listitem'))
        .toHaveCount(await apiTotal(page, '/api/v1/library/albums'));
    }
    if (path === '/library') {
      await page.getByRole('grid', { name: 'Tracks' }).locator('[data-track-id]').first().getByRole('checkbox')
        .check();
      await expect(page.getByTestId('selected-count')).toHaveText('1 selected');
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    await screenshot(page, `phone-${heading.toLowerCase()}`);
  }
});

/** The total of a paged answer of the API. */
async function apiTotal(page: Page, path: string): Promise<number> {
  const response = await page.request.get(path);
  expect(response.status()).toBe(200);
  return (await response.json() as { total: number }).total;
}

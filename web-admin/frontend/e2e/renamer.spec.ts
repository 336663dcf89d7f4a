// The renamer's page against the packaged server on real files (RenamerIT starts it): a malformed template is shown
// where it is wrong as it is typed, a good one previews the first moves, the batch is applied after a confirmation
// on a desktop, and undone on a phone. DECKHAND_E2E_MUSIC names the music folder; the tree is as before at the end.

import { expect, test, type Page } from '@playwright/test';
import { env, screenshot, signIn } from './env';

test.describe.configure({ mode: 'serial' });

const MUSIC = process.env.DECKHAND_E2E_MUSIC ?? '';
const RULE = 'default: $albumartist/$format/$track - $artist - $title';

let page: Page;

test.beforeAll(async ({ browser }) => {
  expect(MUSIC, 'set DECKHAND_E2E_MUSIC to the music folder').not.toBe('');
  page = await browser.newPage();
  await signIn(page);
});

test.afterAll(async () => {
  await page.close();
});

function rules(): ReturnType<Page['getByLabel']> {
  return page.getByLabel(/^Rules, one a line/);
}

test('a malformed template is explained where it is wrong, as it is typed', async () => {
  await page.getByRole('link', { name: 'Renamer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Renamer' })).toBeVisible();
  await expect(rules()).toHaveValue('default: $albumartist/$album%aunique{}/$track $title');
  await rules().fill('default: $artist/%upper{$title');
  const fault = page.locator('.template-error');
  await expect(fault).toContainText('character 9: %upper{ is never closed by }');
  await expect(fault.locator('mark')).toHaveText('%');
  await expect(rules()).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Apply…' })).toHaveCount(0);
  await screenshot(page, 'renamer-malformed');
});

test('a good template previews the first moves with their counts, touching nothing', async () => {
  await rules().fill(RULE);
  await expect(page.locator('.template-error')).toHaveCount(0);
  await expect(page.getByTestId('considered')).toHaveText(env.tracks.toLocaleString('en'));
  await expect(page.getByTestId('moves')).toHaveText((env.tracks + 1).toLocaleString('en'));
  await expect(page.getByTestId('errors')).toHaveText('0');
  const moves = page.getByRole('table', { name: 'Planned moves' });
  await expect(moves.getByRole('cell', { name: `${MUSIC}/Various Test Artists/OPUS/07 - Дмитрий Тестов - Песня без `
    + 'слов.opus', exact: true })).toBeVisible();
  const batches = await (await page.request.get('/api/v1/renamer/batches')).json() as { status: string }[];
  expect(batches.every((batch) => batch.status === 'UNDONE'), 'only the REST test\'s undone batch').toBe(true);
  await screenshot(page, 'renamer-preview');
});

test('apply asks first, then moves every file and shows the batch completed', async () => {
  await page.getByRole('button', { name: 'Apply…' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText(`Move ${env.tracks + 1} files?`);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await page.getByRole('button', { name: 'Apply…' }).click();
  await page.getByRole('button', { name: `Move ${env.tracks + 1} files` }).click();
  await expect(page.getByRole('status')).toContainText(/Batch \d+ started/);
  const row = page.getByRole('table', { name: 'Batches' }).locator('tbody tr').first();
  await expect(row.getByTestId('batch-status')).toHaveText('completed', { timeout: 60_000 });
  await expect(row.locator('td.num').nth(1)).toHaveText(String(env.tracks + 1));
  const tracks = await (await page.request.get('/api/v1/tracks?limit=100')).json() as
    { tracks: { file: { path: string } }[] };
  expect(tracks.tracks.length).toBe(env.tracks);
  expect(tracks.tracks.every((track) => track.file.path.startsWith(`${MUSIC}/Various Test Artists/`))).toBe(true);
  await screenshot(page, 'renamer-applied');
});

test('on a phone the page fits its width, and undo moves the files back', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Renamer' })).toBeVisible();
  const row = page.getByRole('table', { name: 'Batches' }).locator('tbody tr').first();
  await expect(row.getByTestId('batch-status')).toHaveText('completed');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'the page scrolls sideways on a phone').toBeLessThanOrEqual(0);
  await row.getByRole('button', { name: 'Undo…' }).click();
  await row.getByRole('button', { name: 'Move them back' }).click();
  await expect(row.getByTestId('batch-status')).toHaveText('undone', { timeout: 60_000 });
  await expect(row.locator('td.num').nth(3)).toHaveText(String(env.tracks + 1));
  await expect(page.getByTestId('considered')).toHaveText(env.tracks.toLocaleString('en'));
  await expect(page.locator('.template-error'), 'the preview planned while the undo moved files').toHaveCount(0);
  await screenshot(page, 'renamer-phone-undone');
  await page.setViewportSize({ width: 1280, height: 860 });
});

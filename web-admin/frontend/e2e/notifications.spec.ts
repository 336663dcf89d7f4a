// The Notifications page against the packaged server: a user adds an ntfy channel, sends a test and sees it arrive
// at a stand-in for an ntfy server on 127.0.0.1 that answers as ntfy's publish API does; the topic address and the
// access token are never shown again; a message the stand-in refuses (413, as ntfy answers a message over its
// limit) shows as rejected in the history with its code, and the next one is delivered; the channel is deleted. At
// desktop and phone sizes.

import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { screenshot, signIn } from './env';

test.describe.configure({ mode: 'serial' });

/** What the stand-in received: one entry per published message. */
interface Published {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const TOKEN = 'tk_e2e0secret0token0value';
let page: Page;
let ntfy: Server;
let topicUrl: string;
const published: Published[] = [];
/** The stand-in refuses, as too large, every message whose title names this key. */
const REFUSED_KEY = 'e2e refused key';
const DELIVERED_KEY = 'e2e delivered key';
/** What the console sends with a request that changes something, as the server requires of a signed-in browser. */
const CHANGE = { 'X-Requested-With': 'deckhand' };

test.beforeAll(async ({ browser }) => {
  ntfy = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      published.push({ path: request.url ?? '', headers: request.headers, body });
      if (String(request.headers.title ?? '').includes(REFUSED_KEY)) {
        response.writeHead(413, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ code: 41301, http: 413, error: 'limit reached: message too large',
          link: 'https://ntfy.sh/docs/publish/#limitations' }) + '\n');
        return;
      }
      const topic = (request.url ?? '/').slice(1);
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ id: `msg${published.length}`, time: Math.floor(Date.now() / 1000),
        event: 'message', topic, message: body }) + '\n');
    });
  });
  await new Promise<void>((resolve) => ntfy.listen(0, '127.0.0.1', resolve));
  topicUrl = `http://127.0.0.1:${(ntfy.address() as AddressInfo).port}/deckhand-e2e`;
  page = await browser.newPage();
  await signIn(page);
});

test.afterAll(async () => {
  await page.close();
  await new Promise((resolve) => ntfy.close(resolve));
});

test('a channel added in the console gets a test message, and its secrets are never shown again', async () => {
  await page.getByRole('link', { name: 'Notifications' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await page.getByRole('button', { name: 'Add a channel' }).click();
  const form = page.getByRole('form', { name: 'Add a channel' });
  await form.getByRole('combobox', { name: /^Type/ }).selectOption({ label: 'ntfy' });
  await form.getByLabel('Name', { exact: true }).fill('Phone');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(form.getByRole('alert')).toContainText('Topic URL: needed for this channel.');

  await form.getByLabel('Topic URL').fill(topicUrl);
  await form.getByLabel('Access token (optional)').fill(TOKEN);
  await form.getByRole('combobox', { name: /^Send/ }).selectOption({ label: 'warnings and up' });
  await form.getByLabel('Messages a minute, at most').fill('1000');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(form.getByRole('alert')).toHaveText('Messages a minute: a whole number from 1 to 600.');
  await form.getByLabel('Messages a minute, at most').fill('30');
  await form.getByRole('button', { name: 'Add' }).click();

  const row = page.getByRole('table', { name: 'Channels' }).getByRole('row').filter({ hasText: 'Phone' });
  await expect(row.getByTestId('channel-state')).toHaveText('active');
  await expect(row).toContainText('warnings and up');

  await row.getByRole('button', { name: 'Send a test' }).click();
  await expect(row.getByRole('status')).toContainText('Delivered');
  expect(published).toHaveLength(1);
  expect(published[0].path).toBe('/deckhand-e2e');
  expect(published[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
  expect(String(published[0].headers.title)).not.toBe('');
  await expect(page.getByRole('table', { name: 'History' }).locator('[data-delivery-state="DELIVERED"]'))
    .toHaveCount(1);

  const channels = await page.request.get('/api/v1/notifications/channels');
  const text = await channels.text();
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain('deckhand-e2e');
  await screenshot(page, 'notifications');
});

test('editing a channel keeps its secrets unless new ones are typed', async () => {
  const row = page.getByRole('table', { name: 'Channels' }).getByRole('row').filter({ hasText: 'Phone' });
  await row.getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('form', { name: 'Change Phone' });
  await expect(form.getByLabel('Topic URL')).toHaveValue('');
  await expect(form.getByLabel('Topic URL')).toHaveAttribute('placeholder', 'set; type to replace it');
  await form.getByLabel('Name', { exact: true }).fill('Phone in the pocket');
  await form.getByRole('button', { name: 'Save' }).click();

  const renamed = page.getByRole('table', { name: 'Channels' }).getByRole('row')
    .filter({ hasText: 'Phone in the pocket' });
  await renamed.getByRole('button', { name: 'Send a test' }).click();
  await expect(renamed.getByRole('status')).toContainText('Delivered');
  expect(published).toHaveLength(2);
  expect(published[1].path).toBe('/deckhand-e2e');
  expect(published[1].headers.authorization).toBe(`Bearer ${TOKEN}`);
});

test('a message the receiver refuses shows as rejected with its code, and the channel goes on', async () => {
  const row = page.getByRole('table', { name: 'Channels' }).getByRole('row')
    .filter({ hasText: 'Phone in the pocket' });
  await row.getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('form', { name: 'Change Phone in the pocket' });
  await form.getByRole('combobox', { name: /^Send/ }).selectOption({ label: 'everything (info and up)' });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(row).toContainText('everything (info and up)');

  // Creating an API key is a security message, sent at once: the stand-in refuses the first and takes the second.
  const keys: string[] = [];
  for (const name of [REFUSED_KEY, DELIVERED_KEY]) {
    const created = await page.request.post('/api/v1/keys', { headers: CHANGE, data: { name } });
    expect(created.status()).toBe(201);
    keys.push((await created.json() as { id: string }).id);
    await expect.poll(() => published.filter((one) => String(one.headers.title).includes(name)).length,
      { timeout: 15_000 }).toBe(1);
  }

  const history = page.getByRole('table', { name: 'History' });
  const rejected = history.getByRole('row').filter({ hasText: REFUSED_KEY });
  await expect(rejected).toContainText('rejected by the receiver', { timeout: 15_000 });
  await expect(rejected).toContainText('413');
  await expect(rejected).toContainText('limit reached: message too large');
  const delivered = history.getByRole('row').filter({ hasText: DELIVERED_KEY });
  await expect(delivered).toContainText('delivered', { timeout: 15_000 });
  await expect(row.getByTestId('channel-state')).toHaveText('active');
  await expect(row).toContainText('delivered');
  await screenshot(page, 'notifications-rejected');

  for (const id of keys) {
    expect((await page.request.delete(`/api/v1/keys/${id}`, { headers: CHANGE })).status()).toBe(204);
  }
});

test('on a phone the page fits the screen', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth
    - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, 'notifications-phone');
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('a deleted channel is gone', async () => {
  page.once('dialog', (dialog) => dialog.accept());
  const row = page.getByRole('table', { name: 'Channels' }).getByRole('row')
    .filter({ hasText: 'Phone in the pocket' });
  await row.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No channel yet')).toBeVisible();
  const channels = await page.request.get('/api/v1/notifications/channels');
  expect(await channels.json()).toEqual([]);
});

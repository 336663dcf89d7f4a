// Run after WebConsoleIT restarted the server: the setting changed through the console before is still there.

import { expect, test } from '@playwright/test';
import { screenshot, signIn } from './env';

test('a setting changed in the console survives a restart', async ({ page }) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Settings' }).click();
  const form = page.locator('form[data-pid="org.deckhand.watcher"]');
  await expect(form.getByLabel('Rescan interval', { exact: false })).toHaveValue('42');
  await screenshot(page, 'settings-after-restart');
});

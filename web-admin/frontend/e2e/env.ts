// What the tests know about the server they drive, from the environment that WebConsoleIT (or a developer) sets.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`set ${name}: the e2e tests need DECKHAND_URL, DECKHAND_PASSWORD and DECKHAND_E2E_TRACKS`);
  }
  return value;
}

export const env = {
  password: required('DECKHAND_PASSWORD'),
  /** How many tracks the library holds. */
  tracks: Number(required('DECKHAND_E2E_TRACKS')),
  /** The example analyser plugin's jar, to upload. */
  plugin: process.env.DECKHAND_E2E_PLUGIN,
  screenshots: process.env.DECKHAND_E2E_SCREENSHOTS ?? 'test-results/screenshots',
};

/** Saves a full-page screenshot of the page as a test artefact. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(env.screenshots, { recursive: true });
  await page.screenshot({ path: join(env.screenshots, `${name}.png`), fullPage: true });
}

/** Signs in through the sign-in form. */
export async function signIn(page: Page, password = env.password): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Password (user admin)').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

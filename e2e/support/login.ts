import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Signs in through the login form as `<role>@demo.glia.local`. */
export async function signIn(page: Page, role: string, password = 'glia-demo'): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(`${role}@demo.glia.local`);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  expect(page.url()).not.toContain('/login');
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
}

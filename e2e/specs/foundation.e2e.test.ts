import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newTablet } from '../support/browser.ts';
import { signIn, signOut } from '../support/login.ts';
import { startServer, type RunningServer } from '../support/server.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = (await newTablet(browser, server.baseURL)).page;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('foundation: a front-desk user registers and finds a patient, the medical director sees the audit entry', () => {
  it('prints the demo logins on first start', () => {
    expect(server.output()).toContain('front-desk@demo.glia.local');
    expect(server.output()).toContain('glia-demo');
  });

  it('sends an anonymous visitor to the sign-in page', async () => {
    await page.goto('/patients');
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('refuses a wrong password with a visible message', async () => {
    await page.getByLabel('E-mail').fill('front-desk@demo.glia.local');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('e-mail address or password is not right');
  });

  it('signs the front desk in and shows the DEMO banner', async () => {
    await signIn(page, 'front-desk');
    expect(await page.getByText('Demo clinic: all patients are fictional').isVisible()).toBe(true);
  });

  it('validates the new-patient form as the user types', async () => {
    await page.goto('/patients/new');
    const phone = page.getByLabel('Phone', { exact: true });
    await phone.fill('12');
    await phone.blur();
    await expect.poll(() => page.getByText('must have between 7 and 15 digits').count()).toBeGreaterThan(0);
    await phone.fill('(555) 010-9988');
  });

  it('registers a patient and opens the chart with the new MRN', async () => {
    await page.getByLabel('Given name').fill('Imogen');
    await page.getByLabel('Family name').fill('Tallis');
    await page.getByLabel('Date of birth').fill('1990-06-15');
    await page.getByLabel('Sex at birth').selectOption('female');
    await page.getByRole('button', { name: 'Register patient' }).click();
    await page.waitForURL(/\/patients\/[0-9a-f-]{36}/);
    await expect.poll(() => page.getByText(/RB-\d+/).first().textContent()).toMatch(/RB-\d+/);
    await page.getByRole('heading', { name: /Tallis/ }).first().waitFor();
  });

  it('finds the patient by name in the patient list', async () => {
    await page.goto('/patients');
    await page.getByLabel('Search patients').fill('Tallis');
    const row = page.getByRole('row', { name: /Tallis, Imogen/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('(555) 010-9988');
  });

  it('shows the registration and the read in the audit trail to the medical director', async () => {
    await signOut(page);
    await signIn(page, 'medical-director');
    await page.goto('/admin/audit');
    const entries = page.getByRole('table', { name: 'Audit entries' });
    await entries.waitFor();
    const created = entries.getByRole('row').filter({ hasText: 'patient.create' }).filter({ hasText: 'front-desk@demo.glia.local' });
    await created.first().waitFor();
    await expect.poll(() => created.count()).toBeGreaterThanOrEqual(1);
    await expect.poll(() => entries.getByRole('row').filter({ hasText: 'patient.search' }).count()).toBeGreaterThanOrEqual(1);
  });
});

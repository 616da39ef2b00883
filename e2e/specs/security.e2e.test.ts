/**
 * Security in the browser: the app works under its strict Content-Security-
 * Policy, a user enrols in two-step sign-in (TOTP computed with otplib here)
 * and signs in with it, and the medical director filters, verifies and
 * exports the audit trail.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { generate } from 'otplib';
import { launchBrowser, newTablet } from '../support/browser.ts';
import { signIn, signOut } from '../support/login.ts';
import { startServer, type RunningServer } from '../support/server.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;
const cspViolations: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = (await newTablet(browser, server.baseURL)).page;
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(msg.text())) cspViolations.push(msg.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Waits until the next 30-second TOTP step, so a code is not the one just used (codes are single-use). */
async function nextTotpStep(): Promise<void> {
  const step = Math.floor(Date.now() / 30_000);
  while (Math.floor(Date.now() / 30_000) === step) await new Promise((r) => setTimeout(r, 250));
}

async function typeCode(code: string, label: string): Promise<void> {
  const group = page.getByRole('group', { name: label }).or(page.locator(`[aria-labelledby]`).filter({ has: page.locator('input') })).first();
  await group.locator('input').first().click();
  await page.keyboard.type(code);
}

describe('hardened HTTP: the web app under a strict CSP', () => {
  it('serves the app and the API with CSP, nosniff and no-store', async () => {
    const html = await fetch(`${server.baseURL}/login`);
    expect(html.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(html.headers.get('x-content-type-options')).toBe('nosniff');
    const api = await fetch(`${server.baseURL}/api/patients`);
    expect(api.status).toBe(401);
    expect(api.headers.get('cache-control')).toBe('no-store');
    expect(api.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('refuses a state-changing request from a foreign origin', async () => {
    const res = await fetch(`${server.baseURL}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ email: 'nurse@demo.glia.local', password: 'glia-demo' }),
    });
    expect(res.status).toBe(403);
  });

  it('works in the browser without a single CSP violation, and the demo banner says MFA is off', async () => {
    await signIn(page, 'nurse');
    expect(await page.getByText('MFA sign-in is off for the demo logins').isVisible()).toBe(true);
    await page.goto('/patients');
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    await page.goto('/inventory');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await signOut(page);
    expect(cspViolations).toEqual([]);
  });
});

describe('two-step sign-in (TOTP)', () => {
  let secret = '';

  it('enrols with the QR code / key and shows the recovery codes once', async () => {
    await signIn(page, 'prescriber');
    await page.getByRole('link', { name: 'Sign-in security' }).click();
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    await page.getByRole('img', { name: 'QR code to add Glia to your authenticator app' }).waitFor();
    secret = (await page.getByTestId('mfa-secret').textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    await typeCode(await generate({ secret }), '2. Enter the 6-digit code the app shows.');
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await codes.first().waitFor();
    await expect.poll(() => codes.count()).toBe(10);
    await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await page.getByText('unused recovery codes left').waitFor();
    await signOut(page);
  });

  it('asks for the code after the password, refuses a wrong one, and signs in with the right one', async () => {
    await page.goto('/login');
    await page.getByLabel('E-mail').fill('prescriber@demo.glia.local');
    await page.getByLabel('Password').fill('glia-demo');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Two-step sign-in' }).waitFor();
    // The session is not open yet.
    expect((await page.request.get('/api/auth/me')).status()).toBe(401);

    const current = await generate({ secret });
    await typeCode(current === '123456' ? '654321' : '123456', 'Code from your authenticator app');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not right');

    await nextTotpStep();
    await typeCode(await generate({ secret }), 'Code from your authenticator app');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(new URL(page.url()).pathname).not.toBe('/login');
    await signOut(page);
  }, 120_000);
});

describe('audit report', () => {
  it('filters by action, verifies the chain and exports CSV', async () => {
    await signIn(page, 'medical-director');
    await page.goto('/admin/audit');
    await page.getByLabel('Action').fill('auth.mfa*');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const entries = page.getByRole('table', { name: 'Audit entries' });
    await entries.getByRole('row').filter({ hasText: 'auth.mfa-enrol' }).first().waitFor();
    // The table re-renders when the filtered page arrives: poll rather than count once.
    await expect.poll(() => entries.getByRole('row').filter({ hasText: 'prescriber@demo.glia.local' }).count()).toBeGreaterThanOrEqual(3);
    await expect.poll(() => entries.getByRole('row').filter({ hasText: 'auth.login' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Verify the trail' }).click();
    await page.getByText('The audit trail is intact').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^glia-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('seq,occurred_at_utc,user_email,user_id,action,outcome,resource_type,resource_id,patient_id,client_ip,request_id,details,hash');
    expect(lines.slice(1).every((line) => line.includes('auth.mfa'))).toBe(true);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(cspViolations).toEqual([]);
    await signOut(page);
  });
});

describe('care teams and break the glass', () => {
  it('an admin limits charts to care teams; a nurse breaks the glass with a reason; the medical director sees it', async () => {
    await signIn(page, 'admin');
    await page.goto('/admin/clinic');
    await page.getByRole('switch', { name: "Limit charts to each patient's care team" }).check();
    await page.getByRole('button', { name: 'Save security settings' }).click();
    await page.getByText('Security settings saved').waitFor();
    await signOut(page);

    await signIn(page, 'nurse');
    const me = (await (await page.request.get('/api/auth/me')).json()) as { user: { id: string } };
    const patients = (await (await page.request.get('/api/patients')).json()) as { id: string; primaryClinician: { id: string } | null }[];
    const target = patients.find((p) => p.primaryClinician?.id !== me.user.id)!;
    await page.goto(`/patients/${target.id}`);
    await page.getByText("Not on this patient's care team").waitFor();
    const reason = page.getByLabel('Reason for emergency access');
    await reason.fill('short');
    expect(await page.getByRole('button', { name: 'Break the glass and open the chart' }).isDisabled()).toBe(true);
    await reason.fill('Patient arrived early in distress; covering for the primary nurse');
    await page.getByRole('button', { name: 'Break the glass and open the chart' }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expect.poll(() => page.getByText("Not on this patient's care team").count()).toBe(0);
    await signOut(page);

    await signIn(page, 'medical-director');
    await page.goto('/admin/audit');
    const list = page.getByRole('region', { name: 'Emergency access (break the glass)' }).or(page.locator('section[aria-labelledby="break-glass-title"]')).first();
    await list.getByText('Patient arrived early in distress; covering for the primary nurse').waitFor();
    expect(cspViolations).toEqual([]);
    await signOut(page);
  });
});

describe('lost phone', () => {
  it('an admin resets a user\'s two-step sign-in; the user then signs in with the password alone (demo clinic: not required)', async () => {
    await signIn(page, 'admin');
    await page.goto('/admin/users');
    await page.getByRole('row').filter({ hasText: 'prescriber@demo.glia.local' }).getByRole('button', { name: /^Edit/ }).click();
    await page.getByRole('button', { name: 'Reset two-step sign-in' }).click();
    await page.getByRole('button', { name: 'Confirm reset' }).click();
    await page.getByText('Two-step sign-in reset').first().waitFor();
    await page.keyboard.press('Escape');
    await signOut(page);
    await signIn(page, 'prescriber');
    expect(cspViolations).toEqual([]);
  });
});

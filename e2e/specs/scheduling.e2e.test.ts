import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newTablet } from '../support/browser.ts';
import { signIn } from '../support/login.ts';
import { startServer, type RunningServer } from '../support/server.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;
const TZ = 'America/Chicago';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = (await newTablet(browser, server.baseURL)).page;
  await signIn(page, 'prescriber');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const localDate = (iso: string): string => new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
const localTime = (iso: string): string => {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: TZ, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.hour}:${p.minute}`;
};

interface Plan { id: string; patientId: string; patientName: string; version: number; appointments: { id: string; startsAt: string; status: string }[] }

describe('whole-series booking on the chair calendar (Farah Haddad)', () => {
  let planId: string;

  it('a prescriber signs a fresh 6-infusion induction plan for the eligible, consented demo patient (set up through the API)', async () => {
    const plans = (await (await page.request.get('/api/plans?status=active')).json()) as Plan[];
    const demo = plans.find((p) => p.patientName.startsWith('Farah'))!;
    expect(demo.appointments.filter((a) => a.status === 'booked')).toHaveLength(6);
    const stop = await page.request.post(`/api/plans/${demo.id}/status`, { data: { status: 'stopped', reason: 'Restarting the induction on a new plan', version: demo.version } });
    expect(stop.status()).toBe(200);
    const protocols = (await (await page.request.get('/api/protocols')).json()) as { id: string; key: string }[];
    const created = await page.request.post(`/api/patients/${demo.patientId}/plans`, {
      data: { protocolId: protocols.find((p) => p.key === 'iv-induction')!.id, indication: 'treatment-resistant depression', signature: { password: 'glia-demo' } },
    });
    expect(created.status()).toBe(201);
    planId = ((await created.json()) as Plan).id;
  });

  it('books all 6 infusions in one action and sees them on the chair calendar', async () => {
    await page.goto('/schedule?view=plans');
    const card = page.getByRole('region', { name: 'Plan of Farah Haddad' });
    await card.getByRole('button', { name: 'Propose 6 sessions' }).click();
    const proposal = card.getByRole('table', { name: 'Proposed series for Farah Haddad' });
    await proposal.waitFor();
    await expect.poll(() => proposal.locator('tbody tr').count()).toBe(6);
    await card.getByRole('button', { name: 'Book all 6' }).click();
    // The calendar opens on the day of the first infusion, with Farah in a chair.
    await page.getByRole('tab', { name: 'Day by chair', selected: true }).waitFor();
    const plan = (await (await page.request.get(`/api/plans/${planId}`)).json()) as Plan;
    const booked = plan.appointments.filter((a) => a.status === 'booked');
    expect(booked).toHaveLength(6);
    const first = booked[0]!;
    await page.getByRole('gridcell', { name: `Farah Haddad ${localTime(first.startsAt)}` }).waitFor();
    expect(new URL(page.url()).searchParams.get('date')).toBe(localDate(first.startsAt));
    await page.getByRole('table', { name: 'Day list' }).getByText('Farah Haddad').first().waitFor();
  });

  it('refuses to move the second infusion to 20 hours after the first, with rule 14\'s explanation, before saving', async () => {
    const plan = (await (await page.request.get(`/api/plans/${planId}`)).json()) as Plan;
    const [first, second] = plan.appointments.filter((a) => a.status === 'booked');
    const target = new Date(Date.parse(first!.startsAt) + 20 * 3_600_000).toISOString();
    await page.goto(`/schedule?view=day&date=${localDate(second!.startsAt)}`);
    await page.getByRole('button', { name: `Move Farah Haddad at ${localTime(second!.startsAt)}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Date').fill(localDate(target));
    await dialog.getByLabel('Start time').fill(localTime(target));
    await dialog.getByLabel('Reason').fill('Patient asked for the next morning');
    await dialog.getByRole('button', { name: 'Check rules' }).click();
    const alert = dialog.getByRole('alert');
    await alert.getByText('This move is not allowed').waitFor();
    await alert.getByText(/at least 24 h is required between sessions \(rule 14\)/).waitFor();
    await alert.getByText('Clinical rule 14').waitFor();
    expect(await dialog.getByRole('button', { name: 'Save move' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();
    const after = (await (await page.request.get(`/api/plans/${planId}`)).json()) as Plan;
    expect(after.appointments.find((a) => a.id === second!.id)!.startsAt).toBe(second!.startsAt);
  });

  it('shows the queued reminders with the pre-visit instructions in the outbox', async () => {
    await page.goto('/schedule?view=outbox');
    const table = page.getByRole('table', { name: 'Reminder outbox' });
    await table.getByText('Farah Haddad').first().waitFor();
    await expect.poll(() => table.getByText('queued').count()).toBeGreaterThan(0);
  });
});

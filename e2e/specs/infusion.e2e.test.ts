// The infusion day in Chromium: check-in with the rule 18 checklist, start, readings every
// 10 minutes on a test-driven clock, a rule 22 alert on a second open board within a second,
// pause and resume, stop, recovery, discharge refused then allowed (rule 28), the signed note
// and the discharge instructions PDF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, newTablet } from '../support/browser.ts';
import { signIn } from '../support/login.ts';
import { startServer, type RunningServer } from '../support/server.ts';

let server: RunningServer;
let browser: Browser;
let tablet: Page;
let board: Page;
let sessionUrl = '';

beforeAll(async () => {
  // Test mode: the clinic's clock moves when the test says so; sign-ins outlive a 2-hour morning.
  server = await startServer({ GLIA_TEST_CLOCK: '1', GLIA_SESSION_IDLE_MINUTES: '600' });
  browser = await launchBrowser();
  tablet = (await newTablet(browser, server.baseURL)).page;
  board = (await newTablet(browser, server.baseURL)).page;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function advance(minutes: number): Promise<void> {
  const res = await tablet.request.post('/api/test/clock', { data: { advanceMinutes: minutes } });
  expect(res.ok()).toBe(true);
  await tablet.reload();
  await tablet.getByRole('heading', { name: 'Monitoring' }).waitFor();
}

async function pick(page: Page, label: string, value: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).selectOption(value);
}

interface ReadingInput { sbp: number; dbp: number; hr: number; spo2: number; rr?: number; moaas?: string; dissociation?: string }

/** Charts a reading on the tablet's flowsheet and waits for the server's answer. */
async function chartReading(r: ReadingInput): Promise<void> {
  const form = tablet.getByRole('form', { name: 'New reading' });
  await form.getByLabel('Systolic (mmHg)').fill(String(r.sbp));
  await form.getByLabel('Diastolic (mmHg)').fill(String(r.dbp));
  await form.getByLabel('Heart rate (bpm)').fill(String(r.hr));
  await form.getByLabel('SpO2 (%)').fill(String(r.spo2));
  if (r.rr !== undefined) await form.getByLabel('Resp. rate (/min)').fill(String(r.rr));
  if (r.moaas !== undefined) await pick(tablet, 'Sedation MOAA/S', r.moaas);
  if (r.dissociation !== undefined) await pick(tablet, 'Dissociation (observer 0-4)', r.dissociation);
  await form.getByLabel('Crisis symptoms assessed: none present').check();
  const answered = tablet.waitForResponse((res) => res.url().endsWith('/readings') && res.request().method() === 'POST');
  await form.getByRole('button', { name: 'Chart reading' }).click();
  expect((await answered).status()).toBe(201);
  await expect.poll(() => form.getByLabel('Systolic (mmHg)').inputValue(), { timeout: 5000 }).toBe('');
}

const phase = (page: Page, name: string): Locator => page.getByLabel(`Phase: ${name}`);

describe('an infusion session from check-in to the signed note', () => {
  it('shows the living demo board and checks in the patient booked next', async () => {
    await signIn(tablet, 'nurse');
    await tablet.goto('/chairs');
    await tablet.getByRole('heading', { name: 'Chairs' }).waitFor();
    await expect.poll(() => tablet.getByText('Infusing', { exact: true }).count(), { timeout: 5000 }).toBeGreaterThan(0);
    await expect.poll(() => tablet.getByText('Recovery', { exact: true }).count()).toBeGreaterThan(0);
    await tablet.getByRole('button', { name: 'Check in Rashid Karimi' }).click();
    await tablet.getByRole('heading', { name: 'Rashid Karimi' }).waitFor();
    sessionUrl = new URL(tablet.url()).pathname;
    expect(sessionUrl).toMatch(/^\/sessions\//);
    await phase(tablet, 'Arrived').waitFor();
  });

  it('keeps the start disabled until the pre-start checklist is complete and the dose is prepared', async () => {
    const start = tablet.getByRole('button', { name: 'Start infusion' });
    expect(await start.isDisabled()).toBe(true);
    const checklist = tablet.getByRole('list', { name: 'Pre-start checklist' });
    expect(await checklist.textContent()).toContain('Record the escort');
    const form = tablet.getByRole('form', { name: 'Check-in' });
    await form.getByLabel('Escort name').fill('Leila Karimi');
    await form.getByLabel('Escort phone').fill('12');
    await expect.poll(() => form.getByText('Must have between 7 and 15 digits').count(), { timeout: 5000 }).toBe(1);
    await form.getByLabel('Escort phone').fill('(555) 010-1217');
    await form.getByLabel('Hours since last solid food').fill('8');
    await form.getByLabel('Hours since last clear liquid').fill('3');
    await form.getByRole('button', { name: 'Save check-in' }).click();
    await phase(tablet, 'Pre-checks').waitFor();
    await expect.poll(async () => checklist.textContent(), { timeout: 5000 }).toContain('Enter baseline BP');
    await chartReading({ sbp: 124, dbp: 78, hr: 72, spo2: 98, rr: 14 });
    await expect.poll(async () => (await checklist.textContent()) ?? '', { timeout: 5000 }).not.toMatch(/Enter baseline|Record the escort|Fasting does not/);
    expect(await start.isDisabled()).toBe(true);
    const prepare = tablet.getByRole('form', { name: 'Prepare dose' });
    await prepare.getByLabel('Ketamine lot').selectOption({ index: 1 });
    await prepare.getByRole('button', { name: 'Prepare dose and draw' }).click();
    await tablet.getByLabel('Prepared dose').waitFor();
    expect(await tablet.getByLabel('Prepared dose').textContent()).toMatch(/39 mg .*0\.5 mg\/kg × 78 kg/);
    await phase(tablet, 'Ready to start').waitFor();
    expect(await start.isDisabled()).toBe(false);
  });

  it('starts the pump and charts readings every 10 minutes', async () => {
    await tablet.getByRole('button', { name: 'Start infusion' }).click();
    await phase(tablet, 'Infusing').waitFor();
    for (const hr of [78, 80]) {
      await advance(10);
      await chartReading({ sbp: 130, dbp: 82, hr, spo2: 98, rr: 14, moaas: '4', dissociation: '2' });
    }
    const flowsheet = tablet.getByRole('table', { name: 'Flowsheet' });
    await expect.poll(() => flowsheet.getByRole('row').count(), { timeout: 5000 }).toBe(4);
    await expect.poll(() => tablet.getByText(/due in 9:\d\d/).count()).toBe(1);
    expect(await tablet.getByTestId('pk-label').textContent()).toMatch(/population model.*not a measurement/);
  });

  it('raises the rule 22 alert on a second open board within a second of the second 185/112', async () => {
    await signIn(board, 'prescriber');
    await board.goto('/chairs');
    await board.getByText('Live', { exact: true }).waitFor();
    const card = board.getByRole('article', { name: /Rashid Karimi/ });
    await card.waitFor();
    await advance(10);
    await chartReading({ sbp: 185, dbp: 112, hr: 88, spo2: 97 });
    await advance(5);
    await chartReading({ sbp: 185, dbp: 112, hr: 90, spo2: 97 });
    const chartedAt = Date.now();
    const alert = card.getByRole('listitem').filter({ hasText: 'Rule 22' }).filter({ hasText: 'Act now' });
    await alert.waitFor({ timeout: 1000 });
    expect(Date.now() - chartedAt).toBeLessThan(1000);
    expect(await alert.textContent()).toMatch(/185/);
    expect(await card.textContent()).toContain('185/112');
  });

  it('pauses with a reason, acknowledges the alert, resumes and stops', async () => {
    await tablet.getByLabel('Reason (pause, rate change, early stop)').fill('BP 185/112 twice (rule 22), prescriber assessing');
    await tablet.getByRole('button', { name: 'Pause' }).click();
    await phase(tablet, 'Paused').waitFor();
    await tablet.getByRole('button', { name: 'Acknowledge rule 22 alert' }).first().click();
    await expect.poll(() => tablet.getByRole('button', { name: 'Acknowledge rule 22 alert' }).count(), { timeout: 5000 }).toBe(0);
    await advance(5);
    await chartReading({ sbp: 138, dbp: 86, hr: 80, spo2: 98, rr: 14 });
    await tablet.getByRole('button', { name: 'Resume' }).click();
    await phase(tablet, 'Infusing').waitFor();
    await advance(10);
    await chartReading({ sbp: 132, dbp: 82, hr: 78, spo2: 98, rr: 14, moaas: '4', dissociation: '1' });
    await tablet.getByRole('button', { name: 'Stop infusion' }).click();
    await phase(tablet, 'Recovery').waitFor();
    const events = await tablet.getByRole('table', { name: 'Pump and session events' }).textContent();
    expect(events).toMatch(/Pump started.*Paused.*Resumed.*Stopped/s);
  });

  it('refuses discharge before the minimum observation time, listing what is missing, and discharges after it', async () => {
    await advance(15);
    await chartReading({ sbp: 128, dbp: 80, hr: 74, spo2: 98, rr: 14, moaas: '5', dissociation: '0' });
    await tablet.getByRole('button', { name: 'Discharge', exact: true }).click();
    const refused = tablet.getByRole('alert').filter({ hasText: 'Discharge refused' });
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/Only \d+ min since the infusion ended; discharge is allowed from 60 min/);
    expect(await tablet.getByRole('list', { name: 'Unmet discharge criteria' }).textContent()).toMatch(/Aldrete.*|escort/i);
    for (let i = 0; i < 3; i += 1) {
      await advance(15);
      await chartReading({ sbp: 124, dbp: 78, hr: 72, spo2: 98, rr: 14, moaas: '5', dissociation: '0' });
    }
    const recovery = tablet.getByRole('form', { name: 'Recovery assessment' });
    await recovery.getByLabel(/Escort present/).check();
    await recovery.getByRole('button', { name: 'Save recovery assessment' }).click();
    await tablet.getByText('All discharge criteria are met.').waitFor();
    await phase(tablet, 'Ready for discharge').waitFor();
    await tablet.getByRole('button', { name: 'Discharge', exact: true }).click();
    await phase(tablet, 'Discharged').waitFor();
  });

  it('prints the discharge instructions as a PDF', async () => {
    const href = await tablet.getByRole('link', { name: 'Discharge instructions (PDF)' }).getAttribute('href');
    const pdf = await tablet.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('signs the session note, which is then locked', async () => {
    const form = tablet.getByRole('form', { name: 'Sign note' });
    expect(await form.getByLabel(/Summary/).inputValue()).toMatch(/Alert rule 22/);
    await form.getByLabel('Your password to sign').fill('glia-demo');
    await form.getByRole('button', { name: 'Sign and lock note' }).click();
    await tablet.getByText(/Signed by .* — locked\./).waitFor();
    expect(await tablet.getByLabel('Signed note').textContent()).toMatch(/Rashid Karimi/);
  });

  it('wastes the rest of the draw with a witness and closes the session', async () => {
    const waste = tablet.getByRole('form', { name: 'Witnessed waste' });
    const left = /([\d.]+) mL drawn and not given/.exec((await waste.textContent()) ?? '')![1]!;
    await waste.getByLabel('Waste (mL)').fill(left);
    await waste.getByLabel('Witness e-mail').fill('prescriber@demo.glia.local');
    await waste.getByLabel('Witness password').fill('glia-demo');
    await waste.getByRole('button', { name: 'Record waste' }).click();
    await expect.poll(() => tablet.getByRole('form', { name: 'Witnessed waste' }).count(), { timeout: 5000 }).toBe(0);
    await tablet.getByRole('button', { name: 'Close session' }).click();
    await tablet.getByText('Session closed; the administration record is closed.').waitFor();
  });
});

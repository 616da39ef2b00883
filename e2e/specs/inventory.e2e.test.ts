import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newTablet } from '../support/browser.ts';
import { signIn, signOut } from '../support/login.ts';
import { startServer, type RunningServer } from '../support/server.ts';

let server: RunningServer;
let browser: Browser;
let tablet: Page;
let secondDevice: Page;

const LOT = 'E2E-7781';

interface ApiLot {
  id: string;
  lotNumber: string;
  locations: { locationId: string; locationName: string; balanceMl: number }[];
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  tablet = (await newTablet(browser, server.baseURL)).page;
  secondDevice = (await newTablet(browser, server.baseURL)).page;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function apiGet<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.ok()).toBe(true);
  return (await res.json()) as T;
}

describe('controlled-substance ledger: receive, witnessed waste, count discrepancy, report', () => {
  it('receives a lot with a second person verifying on the same tablet', async () => {
    await signIn(tablet, 'nurse');
    const products = await apiGet<{ id: string; concentrationMgPerMl: number }[]>(tablet, '/api/inventory/products');
    const locations = await apiGet<{ id: string; name: string }[]>(tablet, '/api/inventory/locations');
    await tablet.goto('/inventory/receive');
    await tablet.getByLabel('Product').selectOption(products.find((p) => p.concentrationMgPerMl === 50)!.id);
    await tablet.getByLabel('Put into').selectOption(locations.find((l) => l.name === 'Infusion suite cabinet')!.id);
    await tablet.getByLabel('Lot number').fill(LOT);
    await tablet.getByLabel('Expiry date').fill('2030-12-31');
    await tablet.getByLabel(/^Supplier \*?$/).fill('Northwind Medical Supply (demo)');
    await tablet.getByLabel('Invoice or packing slip number').fill('NW-E2E-1');
    await tablet.getByLabel('Vials received').fill('2');
    await expect.poll(() => tablet.getByText('20.00 mL = 1000.00 mg').count()).toBe(1);
    // Validation as you type: a malformed e-mail is flagged before submitting.
    await tablet.getByLabel('Verifier e-mail').fill('not-an-email');
    await expect.poll(() => tablet.getByText('Must be a valid e-mail address').count()).toBe(1);
    await tablet.getByLabel('Verifier e-mail').fill('medical-director@demo.glia.local');
    await tablet.getByLabel('Verifier password').fill('glia-demo');
    await tablet.getByRole('button', { name: 'Record receipt' }).click();
    await tablet.getByRole('heading', { name: `Lot ${LOT}` }).waitFor();
    await expect.poll(() => tablet.getByLabel('Balance 20.00 mL').count()).toBe(1);
  });

  it('shows the new lot in the overview by lot and location', async () => {
    await tablet.goto('/inventory');
    const stock = tablet.getByRole('table', { name: 'Stock by lot and location' });
    await stock.waitFor();
    const row = stock.getByRole('row').filter({ hasText: LOT });
    await row.waitFor();
    expect(await row.textContent()).toContain('Infusion suite cabinet');
    expect(await row.textContent()).toContain('20.00');
    expect(await tablet.getByText('Expiring soon').isVisible()).toBe(true);
  });

  it('draws a dose, records it given and sends the rest for a witness on a second device', async () => {
    await tablet.getByRole('link', { name: LOT }).click();
    await tablet.getByRole('heading', { name: `Lot ${LOT}` }).waitFor();
    await tablet.getByRole('button', { name: 'Draw', exact: true }).click();
    const drawDialog = tablet.getByRole('dialog', { name: `Draw from lot ${LOT}` });
    await drawDialog.getByLabel('Dose (mg)').fill('45');
    await expect.poll(() => drawDialog.getByText('0.90 mL = 45.00 mg').count()).toBe(1);
    await drawDialog.getByRole('button', { name: 'Draw', exact: true }).click();

    const record = tablet.getByRole('dialog', { name: 'Administration record' });
    await record.getByLabel('Drawn 0.90 mL').waitFor();
    await record.getByRole('form', { name: 'Record the dose given' }).getByLabel('Patient').fill('Rivera');
    await tablet.getByRole('option', { name: /Rivera, Ana/ }).click();
    await record.getByLabel('Volume given (mL)').fill('0.8');
    await record.getByRole('button', { name: 'Record dose given' }).click();
    await record.getByLabel('Given 0.80 mL').waitFor();
    await expect.poll(() => record.getByText('open', { exact: true }).count()).toBe(1);

    await record.getByLabel('Volume wasted (mL)').fill('0.1');
    await record.getByLabel('The witness signs on their own device').check();
    await record.getByRole('button', { name: 'Send for witnessing' }).click();
    await tablet.getByText('Waiting for a witness').waitFor();
  });

  it('lets a second licensed nurse witness the waste on her own device', async () => {
    await signIn(secondDevice, 'nurse2');
    await secondDevice.goto('/inventory/wastes');
    const card = secondDevice.getByLabel(`Waste of 0.10 mL, lot ${LOT}`);
    await card.waitFor();
    expect(await card.textContent()).toContain('Rivera, Ana');
    await card.getByRole('button', { name: 'Witness' }).click();
    const dialog = secondDevice.getByRole('dialog', { name: 'Witness this waste' });
    await dialog.getByLabel('Your password (signs as witness)').fill('glia-demo');
    await dialog.getByRole('button', { name: 'Sign as witness' }).click();
    await secondDevice.getByText('Waste witnessed').waitFor();
    await secondDevice.getByText('Nothing to witness').waitFor();
  });

  it('closes the administration record once drawn = given + wasted (rule 34)', async () => {
    await tablet.reload();
    await tablet.getByRole('button', { name: /Open the record of draw/ }).last().click();
    const record = tablet.getByRole('dialog', { name: 'Administration record' });
    await record.getByLabel('Wasted 0.10 mL').waitFor();
    expect(await record.textContent()).toContain('waste witnessed by Avery Lindqvist');
    await record.getByRole('button', { name: 'Close record' }).click();
    await record.getByText('closed', { exact: true }).waitFor();
    await tablet.keyboard.press('Escape');
    const ledger = tablet.getByRole('table', { name: 'Ledger entries' });
    await expect.poll(() => ledger.getByRole('row').filter({ hasText: 'Waste' }).filter({ hasText: 'Avery Lindqvist' }).count()).toBe(1);
  });

  it('records a blind shift count that finds a shortage and opens an investigation', async () => {
    const lots = await apiGet<ApiLot[]>(tablet, '/api/inventory/lots?inStock=true');
    const cabinet = lots.flatMap((l) => l.locations).find((p) => p.locationName === 'Infusion suite cabinet')!;
    await tablet.goto('/inventory/counts/new');
    await tablet.getByLabel('Location').selectOption(cabinet.locationId);
    for (const lot of lots) {
      const here = lot.locations.find((p) => p.locationId === cabinet.locationId && p.balanceMl > 0);
      if (!here) continue;
      const counted = lot.lotNumber === LOT ? here.balanceMl - 1.5 : here.balanceMl;
      await tablet.getByLabel(`Counted mL, lot ${lot.lotNumber} at Infusion suite cabinet`).fill(counted.toFixed(2));
    }
    await tablet.getByLabel('Your password (signs the count)').fill('glia-demo');
    await tablet.getByRole('button', { name: 'Sign and record the count' }).click();
    await tablet.getByText('Discrepancy: an investigation is open for the medical director (rule 37)').waitFor();
    const result = tablet.getByRole('table', { name: 'Count result' });
    expect(await result.getByRole('row').filter({ hasText: LOT }).textContent()).toContain('−1.50');
  });

  it('lets the medical director resolve the discrepancy with her signature', async () => {
    await signOut(tablet);
    await signIn(tablet, 'medical-director');
    await tablet.goto('/inventory/counts');
    await tablet.getByRole('button', { name: 'Resolve' }).click();
    const dialog = tablet.getByRole('dialog', { name: 'Resolve the discrepancy' });
    await dialog.getByLabel('Adjust the ledger to the count').check();
    await dialog.getByLabel('Explanation').fill('Recounted together: one partial vial was under-read at receipt. Ledger adjusted.');
    await dialog.getByLabel('Your password (signs the resolution)').fill('glia-demo');
    await dialog.getByRole('button', { name: 'Sign and resolve' }).click();
    await tablet.getByText('No count discrepancy is waiting for the medical director.').waitFor();
    const history = tablet.getByRole('table', { name: 'Counts' });
    // Newest first: this count's row, above the demo's earlier resolved count.
    await expect.poll(() => history.getByRole('row').nth(1).textContent()).toContain('Resolved: ledger adjusted to the count (Dr. Priya Raman)');
  });

  it('shows the inventory report and downloads it as a PDF', async () => {
    await tablet.goto('/inventory/reports');
    await tablet.getByRole('button', { name: 'Show report' }).click();
    const table = tablet.getByRole('table', { name: 'Inventory report (Schedule III)' });
    await table.waitFor();
    await expect.poll(() => table.getByRole('row').filter({ hasText: LOT }).count()).toBe(1);
    const [download] = await Promise.all([tablet.waitForEvent('download'), tablet.getByRole('link', { name: 'Download PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^glia-inventory-schedule-III-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.pdf$/);
    const file = await download.path();
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(2000);
  });
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, newTablet } from '../support/browser.ts';
import { signIn } from '../support/login.ts';
import { startServer, type RunningServer } from '../support/server.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

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

async function openPatient(familyName: string, tab: string): Promise<void> {
  await page.goto(`/patients?q=${familyName}`);
  await page.getByRole('link', { name: new RegExp(familyName) }).first().click();
  await page.getByRole('tab', { name: tab }).click();
}

/** Picks an answer in the radio group of one scale item ("1. …"). */
async function answer(item: string, option: string): Promise<void> {
  await page.getByRole('radiogroup', { name: new RegExp(`^${item.replace('.', '\\.')} `) }).getByRole('radio', { name: option, exact: true }).check();
}

async function drawSignature(canvas: Locator): Promise<void> {
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 40; i++) {
    await page.mouse.move(box.x + 30 + i * ((box.width - 60) / 40), box.y + box.height / 2 + Math.sin(i / 3) * (box.height / 3), { steps: 2 });
  }
  await page.mouse.up();
}

describe('from referral to a signed "eligible" decision and a signed consent PDF (Rashid Karimi)', () => {
  it('shows the Today page first, with the open suicide-risk alert for this prescriber, and acknowledges it', async () => {
    await page.goto('/');
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    const alerts = page.getByRole('table', { name: 'Open suicide-risk alerts' });
    await alerts.getByText('PHQ-9 item 9').waitFor();
    await alerts.getByRole('button', { name: 'Acknowledge alert' }).click();
    await page.getByText('No open suicide-risk alert for you.').waitFor();
    await page.getByRole('group', { name: 'Filter by stage' }).getByText(/Awaiting evaluation/).click();
    await page.getByRole('table', { name: 'Patients: Awaiting evaluation' }).getByRole('link', { name: /Nakamura/ }).waitFor();
  });

  it('records the referral: the patient becomes "referred"', async () => {
    await openPatient('Karimi', 'Intake');
    await page.getByRole('combobox', { name: /^Source/ }).selectOption('psychiatrist');
    await page.getByRole('combobox', { name: /^Indication/ }).selectOption('depression');
    await page.getByLabel('Referring clinician').fill('Dr. Amir Sadeghi');
    await page.getByLabel('Reason for referral').fill('Treatment-resistant depression after two antidepressants.');
    await page.getByRole('button', { name: 'Record referral' }).click();
    await page.getByRole('list', { name: 'Referrals' }).getByText('Dr. Amir Sadeghi').waitFor();
    await page.getByRole('heading', { name: 'Stage Referred' }).waitFor();
    await page.getByRole('radiogroup', { name: 'Childbearing potential' }).getByRole('radio', { name: 'No', exact: true }).check();
    await page.getByRole('button', { name: 'Save intake profile' }).click();
    await page.getByText('Intake profile saved').waitFor();
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByRole('tab', { name: 'Intake' }).click();
    await page.getByRole('heading', { name: 'Stage Intake in progress' }).waitFor();
  });

  it('takes the history: diagnosis, two failed trials, a benzodiazepine, substance use, weight (weight 700 kg refused as you type)', async () => {
    await page.getByRole('tab', { name: 'History' }).click();
    const code = page.getByRole('combobox', { name: 'ICD-10-CM code' });
    await code.fill('F33.2');
    await code.press('Escape');
    await page.getByRole('button', { name: 'Add diagnosis' }).click();
    await page.getByRole('table', { name: 'Problem list' }).getByRole('cell', { name: 'F33.2', exact: true }).waitFor();

    const trialForm = page.getByRole('form', { name: 'Add an antidepressant trial' });
    for (const [drug, outcome] of [['sertraline', 'non-response'], ['venlafaxine', 'partial-response']] as const) {
      await trialForm.getByRole('textbox', { name: /^Antidepressant/ }).fill(drug);
      await trialForm.getByRole('textbox', { name: /^Weeks/ }).fill('8');
      await trialForm.getByRole('combobox', { name: /^Outcome/ }).selectOption(outcome);
      await trialForm.getByRole('button', { name: 'Add trial' }).click();
      await page.getByRole('table', { name: 'Antidepressant trials' }).getByRole('cell', { name: drug, exact: true }).waitFor();
    }
    await page.getByText('Failed adequate trials: 2 of 2').waitFor();

    const medForm = page.getByRole('form', { name: 'Add a medication' });
    await medForm.getByRole('textbox', { name: /^Medication/ }).fill('lorazepam');
    await medForm.getByRole('textbox', { name: 'Dose', exact: true }).fill('1');
    await medForm.getByRole('textbox', { name: 'Times per day' }).fill('3');
    await medForm.getByRole('button', { name: 'Add medication' }).click();
    await page.getByText('Benzodiazepine · 30 mg DZE/day').waitFor();

    await page.getByRole('form', { name: 'Record a substance-use assessment' }).getByRole('button', { name: 'Record assessment' }).click();
    await page.getByText(/Latest: .* no current use/).waitFor();

    const obsForm = page.getByRole('form', { name: 'Record a measurement or test' });
    const weight = obsForm.getByRole('textbox', { name: /^Weight \(kg\)/ });
    await weight.fill('700');
    await expect.poll(() => obsForm.getByText('Must be between 20 and 350 kg').count()).toBeGreaterThan(0);
    await weight.fill('82.5');
    await obsForm.getByRole('button', { name: 'Record weight' }).click();
    await page.getByText('Current weight 82.5 kg (today)').waitFor();
  });

  it('enters PHQ-9, GAD-7 and C-SSRS with the score shown as the answers are given', async () => {
    await page.getByRole('tab', { name: 'Scales' }).click();
    const answers = ['More than half the days', 'Nearly every day', 'Several days', 'More than half the days', 'Several days', 'More than half the days', 'Several days', 'Several days', 'Not at all'];
    for (const [i, option] of answers.entries()) await answer(`${i + 1}.`, option);
    await expect.poll(() => page.getByRole('status', { name: 'Score' }).textContent()).toContain('Total: 13 of 27');
    await page.getByRole('button', { name: 'Save PHQ-9' }).click();
    await page.getByRole('table', { name: 'Scores' }).getByRole('cell', { name: 'PHQ-9' }).first().waitFor();

    await page.getByRole('combobox', { name: 'Scale', exact: true }).selectOption('GAD-7');
    for (let i = 1; i <= 7; i++) await answer(`${i}.`, 'Several days');
    await expect.poll(() => page.getByRole('status', { name: 'Score' }).textContent()).toContain('Total: 7 of 21');
    await page.getByRole('button', { name: 'Save GAD-7' }).click();
    await page.getByRole('table', { name: 'Scores' }).getByRole('cell', { name: 'GAD-7' }).first().waitFor();

    await page.getByRole('combobox', { name: 'Scale', exact: true }).selectOption('C-SSRS-Screener');
    for (const q of ['Q1.', 'Q2.', 'Q6.']) await answer(q, 'no');
    await expect.poll(() => page.getByRole('status', { name: 'Score' }).textContent()).toContain('no risk identified');
    await page.getByRole('button', { name: 'Save C-SSRS-Screener' }).click();
    await page.getByRole('table', { name: 'Scores' }).getByRole('cell', { name: 'C-SSRS-Screener' }).first().waitFor();
  });

  it('signs "eligible" only once the rule 8 warnings are acknowledged', async () => {
    await page.getByRole('tab', { name: 'Eligibility' }).click();
    await page.getByText('Benzodiazepines total 30 mg diazepam-equivalent per day', { exact: false }).waitFor();
    await page.getByRole('radio', { name: 'Eligible', exact: true }).check();
    await page.getByLabel('Your password to sign the decision').fill('glia-demo');
    await page.getByRole('button', { name: 'Sign decision' }).click();
    await page.getByText('Not ready to sign “eligible”').waitFor();
    for (const box of await page.getByRole('checkbox', { name: /Acknowledge rule 8 warning/ }).all()) await box.check();
    await page.getByLabel('Your password to sign the decision').fill('glia-demo');
    await page.getByRole('button', { name: 'Sign decision' }).click();
    await page.getByRole('list', { name: 'Acknowledged warnings' }).getByText(/Rule 8 \(benzodiazepine-above-dze-threshold\) acknowledged by Dr\. Samuel Okafor/).waitFor();
    await page.getByText(/Signed by Dr\. Samuel Okafor, MD on/).waitFor();
  });

  it('signs the consent on the tablet with a drawn signature and a witness, and the PDF downloads', async () => {
    await page.getByRole('tab', { name: 'Consent' }).click();
    await page.getByText('No current IV ketamine consent').waitFor();
    await page.getByLabel("Patient's full name (typed by the patient)").fill('Rashid Karimi');
    await drawSignature(page.getByRole('img', { name: 'Patient signature' }));
    await page.getByRole('combobox', { name: /^Witness/ }).selectOption({ label: 'Jamie Castillo' });
    await page.getByLabel('Witness password').fill('glia-demo');
    await page.getByLabel('Your password (clinician obtaining consent)').fill('glia-demo');
    await page.getByRole('button', { name: 'Sign consent' }).click();
    await page.getByText('Consent on file').waitFor();
    const row = page.getByRole('table', { name: 'Signed consents' });
    await row.getByText('Jamie Castillo, RN').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: /Download PDF/ }).click()]);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/^consent-RB-\d+-iv-ketamine-off-label-v1\.pdf$/);
  });
});

describe('a positive pregnancy test within the window blocks until overridden with a reason (rule 4, Chloe Nakamura)', () => {
  it('shows the rule 4 block, refuses "eligible" without an override, and signs with an override and its reason', async () => {
    await openPatient('Nakamura', 'Eligibility');
    const block = page.getByLabel('Rule 4 block');
    await block.getByText('The pregnancy test of').waitFor();
    await page.getByRole('radio', { name: 'Eligible', exact: true }).check();
    await page.getByLabel('Your password to sign the decision').fill('glia-demo');
    await page.getByRole('button', { name: 'Sign decision' }).click();
    await page.getByText('Override every block with a reason (1 left).').waitFor();

    await block.getByRole('checkbox', { name: 'Override rule 4 block' }).check();
    const reason = block.getByLabel('Reason for overriding rule 4');
    await reason.fill('too short');
    await expect.poll(() => block.getByText('Say why, in at least 10 characters').count()).toBe(1);
    await reason.fill('Serum beta-hCG negative today; the urine test was a false positive.');
    await page.getByLabel('Your password to sign the decision').fill('glia-demo');
    await page.getByRole('button', { name: 'Sign decision' }).click();
    await page.getByRole('list', { name: 'Overrides' }).getByText(/Rule 4 \(pregnancy-test-positive\) overridden by Dr\. Samuel Okafor .* re-authenticated\. Reason: Serum beta-hCG negative today/).waitFor();
  });
});

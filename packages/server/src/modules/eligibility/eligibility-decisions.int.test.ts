/**
 * Signed eligibility decisions: blocks pass only with an override (reason,
 * re-authentication), warnings need acknowledgement, the decision and its
 * overrides are stored signed and the database refuses to change them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../testing/index.ts';
import { caller, cleanChart, eligibility, expectStatus, newPatient, PASSWORD, SIGNATURE_PNG, userIdOf, type Call } from '../intake/intake-fixtures.ts';

let t: TestApp;
let prescriber: Call;
let nurse: Call;
const sign = { password: PASSWORD };

async function demoPatient(call: Call, name: string): Promise<string> {
  const [row] = await call('GET', `/api/patients?q=${encodeURIComponent(name)}`).then((r) => r.json());
  return row.id;
}
async function count(table: string, patientId: string): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(t.testDb.database.db, sql`SELECT count(*) AS n FROM ${sql.raw(table)} WHERE patient_id = ${patientId}`);
  return Number(row!.n);
}

beforeAll(async () => {
  t = await createTestApp();
  prescriber = caller(t, await t.loginAs('prescriber'));
  nurse = caller(t, await t.loginAs('nurse'));
});
afterAll(() => t.close());

describe('a positive pregnancy test within the window (rule 4, demo patient Chloe Nakamura)', () => {
  let chloe: string;
  let key: string;
  beforeAll(async () => {
    chloe = await demoPatient(prescriber, 'Nakamura');
  });

  it('shows a rule 4 block with its facts and sources on the panel', async () => {
    const panel = await eligibility(prescriber, chloe);
    expect(panel.status).toBe('blocked');
    const block = panel.findings.find((f) => f.rule === 4)!;
    expect(block).toMatchObject({ severity: 'block', code: 'pregnancy-test-positive', sources: ['S51', 'S4', 'S5'] });
    expect(panel.decisionRequirements.overridesNeeded).toEqual([block.key]);
    key = block.key;
  });

  it('refuses "eligible" without an override with 422 naming rule 4, and stores nothing', async () => {
    const res = await prescriber('POST', `/api/patients/${chloe}/eligibility/decisions`, { decision: 'eligible', signature: sign });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'RULE_BLOCKED', rule: 4 });
    expect(await count('eligibility_decisions', chloe)).toBe(0);
  });

  it('refuses an override without a real reason (400 on the reason field)', async () => {
    const res = await prescriber('POST', `/api/patients/${chloe}/eligibility/decisions`, { decision: 'eligible', overrides: [{ key, reason: 'ok' }], signature: sign });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('overrides.0.reason');
  });

  it('refuses the override when the password is wrong (403), storing nothing', async () => {
    const res = await prescriber('POST', `/api/patients/${chloe}/eligibility/decisions`, { decision: 'eligible', overrides: [{ key, reason: 'Confirmed false positive by serum hCG today.' }], signature: { password: 'wrong' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().errors[0].field).toBe('signature.password');
    expect(await count('eligibility_decisions', chloe)).toBe(0);
    expect(await count('eligibility_overrides', chloe)).toBe(0);
  });

  it('refuses an override from a stale panel with 409', async () => {
    const res = await prescriber('POST', `/api/patients/${chloe}/eligibility/decisions`, { decision: 'eligible', overrides: [{ key: 'r4.pregnancy-test-positive.deadbeef', reason: 'Confirmed false positive by serum hCG.' }], signature: sign });
    expect(res.statusCode).toBe(409);
  });

  it('does not let a nurse sign a decision (403)', async () => {
    const res = await nurse('POST', `/api/patients/${chloe}/eligibility/decisions`, { decision: 'eligible', overrides: [{ key, reason: 'Confirmed false positive by serum hCG.' }], signature: sign });
    expect(res.statusCode).toBe(403);
  });

  it('passes the block only with an override: who, when, why, re-authenticated; the stage becomes eligible', async () => {
    const reason = 'Serum beta-hCG negative today; urine result was a false positive (lab report scanned).';
    const res = expectStatus(await prescriber('POST', `/api/patients/${chloe}/eligibility/decisions`, { decision: 'eligible', note: 'Eligible after override.', overrides: [{ key, reason }], signature: sign }), 201);
    const decision = res.json();
    expect(decision).toMatchObject({ decision: 'eligible', statusAtDecision: 'blocked', signature: { displayName: 'Dr. Samuel Okafor' } });
    expect(decision.overrides).toEqual([expect.objectContaining({ rule: 4, findingCode: 'pregnancy-test-positive', reason, reauthenticated: true, overriddenBy: expect.objectContaining({ displayName: 'Dr. Samuel Okafor' }) })]);
    expect(decision.facts.pregnancyTests).toEqual([expect.objectContaining({ result: 'positive' })]);
    const panel = expectStatus(await prescriber('GET', `/api/patients/${chloe}/eligibility`), 200).json();
    expect(panel.latestDecision.overrides[0].reason).toBe(reason);
    const intake = expectStatus(await prescriber('GET', `/api/patients/${chloe}/intake`), 200).json();
    expect(intake.stage).toBe('eligible');
    const [audit] = await queryRows<{ details: { overrides: { rule: number }[] } }>(t.testDb.database.db, sql`SELECT details FROM audit_events WHERE action = 'eligibility.decide' AND patient_id = ${chloe}`);
    expect(audit!.details.overrides).toEqual([{ rule: 4, code: 'pregnancy-test-positive' }]);
  });

  it('locks the signed decision and its override in the database', async () => {
    const db = t.testDb.database.db;
    await expect(db.execute(sql`UPDATE eligibility_decisions SET note = 'changed' WHERE patient_id = ${chloe}`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM eligibility_decisions WHERE patient_id = ${chloe}`)).rejects.toThrow();
    await expect(db.execute(sql`UPDATE eligibility_overrides SET reason = 'changed but long enough' WHERE patient_id = ${chloe}`)).rejects.toThrow();
    const [row] = await queryRows<{ note: string }>(db, sql`SELECT note FROM eligibility_decisions WHERE patient_id = ${chloe}`);
    expect(row!.note).toBe('Eligible after override.');
  });

  it('corrects a signed decision only by a re-authenticated addendum', async () => {
    const [decision] = expectStatus(await prescriber('GET', `/api/patients/${chloe}/eligibility/decisions`), 200).json();
    expect((await prescriber('POST', `/api/patients/${chloe}/eligibility/decisions/${decision.id}/addenda`, { text: 'Lab report attached.', signature: { password: 'nope' } })).statusCode).toBe(403);
    const res = expectStatus(await prescriber('POST', `/api/patients/${chloe}/eligibility/decisions/${decision.id}/addenda`, { text: 'Serum hCG lab report attached to the chart.', signature: sign }), 201);
    expect(res.json()).toMatchObject({ recordType: 'eligibility-decision', recordId: decision.id, patientId: chloe });
    const [again] = expectStatus(await prescriber('GET', `/api/patients/${chloe}/eligibility/decisions`), 200).json();
    expect(again.addenda).toHaveLength(1);
  });

  it("refuses an addendum through another patient's URL (404) and adds nothing", async () => {
    const [decision] = expectStatus(await prescriber('GET', `/api/patients/${chloe}/eligibility/decisions`), 200).json();
    const other = await demoPatient(prescriber, 'Washington');
    const res = await prescriber('POST', `/api/patients/${other}/eligibility/decisions/${decision.id}/addenda`, { text: 'Wrong chart.', signature: sign });
    expect(res.statusCode).toBe(404);
    const [again] = expectStatus(await prescriber('GET', `/api/patients/${chloe}/eligibility/decisions`), 200).json();
    expect(again.addenda).toHaveLength(1);
  });
});

describe('warnings need acknowledgement (rule 8, demo patient Darnell Washington)', () => {
  it('refuses "eligible" with an unacknowledged warning (422, rule 8), then signs with every warning acknowledged', async () => {
    const darnell = await demoPatient(prescriber, 'Washington');
    const panel = await eligibility(prescriber, darnell);
    expect(panel.status).toBe('blocked');
    expect(panel.decisionRequirements.overridesNeeded).toEqual([]);
    expect(panel.findings.find((f) => f.code === 'benzodiazepine-above-dze-threshold')).toMatchObject({ rule: 8, severity: 'warning' });
    const refused = await prescriber('POST', `/api/patients/${darnell}/eligibility/decisions`, { decision: 'eligible', signature: sign });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().rule).toBe(8);
    const acknowledgements = panel.decisionRequirements.acknowledgementsNeeded.map((key) => ({ key }));
    const signed = expectStatus(await prescriber('POST', `/api/patients/${darnell}/eligibility/decisions`, { decision: 'eligible', acknowledgements, signature: sign }), 201).json();
    expect(signed.acknowledgements.map((a: { findingCode: string }) => a.findingCode).sort()).toEqual(['benzodiazepine-above-dze-threshold', 'cns-depressant-sedation']);
    expect(signed.acknowledgements[0]).toMatchObject({ acknowledgedBy: { displayName: 'Dr. Samuel Okafor' }, acknowledgedAt: expect.any(String) });
  });
});

describe("another patient's ids in a decision body", () => {
  it("refuses an override naming another patient's finding (409) and stores nothing", async () => {
    const a = await newPatient(prescriber);
    await cleanChart(t, prescriber, a, { trials: ['sertraline'] });
    const b = await newPatient(prescriber);
    await cleanChart(t, prescriber, b, { trials: ['sertraline'] });
    await prescriber('POST', `/api/patients/${b}/medications`, { name: 'phenelzine', dose: 15, doseUnit: 'mg', frequencyPerDay: 3 });
    const panelB = await eligibility(prescriber, b);
    const foreign = panelB.findings.find((f) => f.code === 'maoi-intensify-bp-checks')!.key;
    const res = await prescriber('POST', `/api/patients/${a}/eligibility/decisions`, { decision: 'not-eligible', acknowledgements: [{ key: foreign }], signature: sign });
    expect(res.statusCode).toBe(409);
    expect(await count('eligibility_decisions', a)).toBe(0);
    expect(await count('eligibility_acknowledgements', a)).toBe(0);
  });

  it('refuses a consent naming a template that does not exist (400), storing nothing', async () => {
    const a = await newPatient(prescriber);
    const res = await prescriber('POST', `/api/patients/${a}/consents`, {
      templateId: '00000000-0000-4000-8000-000000000000', patientTypedName: 'Test Patient', patientSignaturePng: SIGNATURE_PNG,
      witnessId: await userIdOf(t, 'nurse@demo.glia.local'), witnessSignature: sign, signature: sign,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('templateId');
    expect(await count('patient_consents', a)).toBe(0);
  });
});

describe('decisions that follow the findings', () => {
  it('signs "not eligible" with a block open and no override', async () => {
    const id = await newPatient(prescriber);
    await cleanChart(t, prescriber, id, { trials: ['sertraline'] });
    const res = expectStatus(await prescriber('POST', `/api/patients/${id}/eligibility/decisions`, { decision: 'not-eligible', note: 'Only one adequate trial.', signature: sign }), 201);
    expect(res.json()).toMatchObject({ decision: 'not-eligible', statusAtDecision: 'blocked', overrides: [] });
    expect(expectStatus(await prescriber('GET', `/api/patients/${id}/intake`), 200).json().stage).toBe('not-eligible');
  });

  it('does not need an override for a missing consent: consent follows the decision (rule 2)', async () => {
    const id = await newPatient(prescriber);
    await cleanChart(t, prescriber, id, { consent: false });
    const panel = await eligibility(prescriber, id);
    expect(panel.status).toBe('blocked');
    expect(panel.decisionRequirements.satisfiedByConsent).toHaveLength(1);
    expectStatus(await prescriber('POST', `/api/patients/${id}/eligibility/decisions`, { decision: 'eligible', signature: sign }), 201);
  });

  it('refuses a decision for a patient who is only referred (409)', async () => {
    const ana = await demoPatient(prescriber, 'Rivera');
    const res = await prescriber('POST', `/api/patients/${ana}/eligibility/decisions`, { decision: 'not-eligible', signature: sign });
    expect(res.statusCode).toBe(409);
  });
});

describe('evaluation notes', () => {
  it('signs a note with re-authentication, locks it, and takes addenda', async () => {
    const id = await newPatient(prescriber);
    const note = expectStatus(await prescriber('POST', `/api/patients/${id}/evaluation-notes`, { text: 'Comprehensive evaluation: TRD, two failed trials.', signature: sign }), 201).json();
    expect(note.signature.displayName).toBe('Dr. Samuel Okafor');
    await expect(t.testDb.database.db.execute(sql`UPDATE evaluation_notes SET text = 'x' WHERE id = ${note.id}`)).rejects.toThrow();
    expectStatus(await prescriber('POST', `/api/patients/${id}/evaluation-notes/${note.id}/addenda`, { text: 'ECG ordered.', signature: sign }), 201);
    const [listed] = expectStatus(await prescriber('GET', `/api/patients/${id}/evaluation-notes`), 200).json();
    expect(listed.addenda).toHaveLength(1);
    expect((await nurse('POST', `/api/patients/${id}/evaluation-notes`, { text: 'x', signature: sign })).statusCode).toBe(403);
  });
});

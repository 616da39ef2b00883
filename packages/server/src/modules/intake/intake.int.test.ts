/**
 * Referral, stages and history through the API: impossible values are refused
 * with the field and the reason and nothing is half-saved; ids of another
 * patient in URLs are refused (404) with nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../testing/index.ts';
import { caller, clinicToday, daysBefore, expectStatus, newPatient, profile, type Call } from './intake-fixtures.ts';

let t: TestApp;
let desk: Call;
let nurse: Call;
let billing: Call;
let today: string;

async function rows(table: string, patientId: string): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(t.testDb.database.db, sql`SELECT count(*) AS n FROM ${sql.raw(table)} WHERE patient_id = ${patientId}`);
  return Number(row!.n);
}

beforeAll(async () => {
  t = await createTestApp();
  desk = caller(t, await t.loginAs('front-desk'));
  nurse = caller(t, await t.loginAs('nurse'));
  billing = caller(t, await t.loginAs('billing'));
  today = clinicToday(t);
});
afterAll(() => t.close());

describe('referral and stages', () => {
  let id: string;

  it('records a referral at the front desk and shows the patient as referred', async () => {
    id = await newPatient(desk);
    const ref = expectStatus(await desk('POST', `/api/patients/${id}/referrals`, {
      receivedOn: today, source: 'primary-care', referringClinician: 'Dr. Helen Marsh', reason: 'Recurrent depression, two failed SSRIs', indication: 'depression',
    }), 201).json();
    expect(ref).toMatchObject({ source: 'primary-care', indication: 'depression' });
    const intake = expectStatus(await desk('GET', `/api/patients/${id}/intake`), 200).json();
    expect(intake).toMatchObject({ stage: 'referred', allowedStages: ['intake'], stageHistory: [{ fromStage: null, toStage: 'referred' }] });
  });

  it('moves to "intake in progress" with the first history entry', async () => {
    expectStatus(await nurse('POST', `/api/patients/${id}/allergies`, { substance: 'penicillin', reaction: 'hives', severity: 'moderate' }), 201);
    expect(expectStatus(await nurse('GET', `/api/patients/${id}/intake`), 200).json().stage).toBe('intake');
  });

  it('moves to awaiting evaluation by hand, but never to an eligibility outcome', async () => {
    expect(expectStatus(await nurse('POST', `/api/patients/${id}/stage`, { stage: 'awaiting-evaluation' }), 200).json().stage).toBe('awaiting-evaluation');
    const res = await nurse('POST', `/api/patients/${id}/stage`, { stage: 'eligible' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('stage');
  });

  it('lists and counts patients by stage', async () => {
    const list = expectStatus(await desk('GET', '/api/intake/patients?stage=awaiting-evaluation'), 200).json();
    expect(list.map((p: { patientId: string }) => p.patientId)).toContain(id);
    expect(list.every((p: { stage: string }) => p.stage === 'awaiting-evaluation')).toBe(true);
    const counts = expectStatus(await desk('GET', '/api/intake/stage-counts'), 200).json();
    expect(counts.counts['awaiting-evaluation']).toBeGreaterThanOrEqual(3);
    expect(counts.counts.referred).toBeGreaterThanOrEqual(2);
  });

  it('refuses to start treatment without an eligible decision and consent', async () => {
    const [chloe] = await desk('GET', '/api/patients?q=Petrova').then((r) => r.json());
    const prescriber = caller(t, await t.loginAs('prescriber'));
    expect((await desk('POST', `/api/patients/${chloe.id}/stage`, { stage: 'in-treatment' })).statusCode).toBe(403);
    const res = await prescriber('POST', `/api/patients/${chloe.id}/stage`, { stage: 'in-treatment' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'RULE_BLOCKED', rule: 2 });
  });

  it('keeps billing out of intake (403)', async () => {
    expect((await billing('GET', `/api/patients/${id}/intake`)).statusCode).toBe(403);
    expect((await billing('GET', '/api/intake/patients')).statusCode).toBe(403);
  });

  it('refuses a stale profile edit with 409', async () => {
    await profile(nurse, id, { childbearingPotential: false });
    const res = await nurse('PUT', `/api/patients/${id}/intake/profile`, {
      childbearingPotential: true, cardiovascularRisk: false, cardiovascularNotes: null, liverRisk: false, liverNotes: null, highDosePainCoursesPlanned: false,
      contraindications: [], psychosisHistory: null, maniaHistory: null, suicideAttempts: null, lastSuicideAttemptOn: null, psychiatricNotes: null, version: 1,
    });
    expect(res.statusCode).toBe(409);
  });
});

describe('impossible values are refused with the field and the reason, nothing saved', () => {
  const cases: [string, string, Record<string, unknown>, string, string | RegExp][] = [
    ['weight 0 kg', 'observations', { kind: 'weight', observedOn: 'TODAY', weightKg: 0 }, 'weightKg', 'must be more than 0'],
    ['weight 700 kg', 'observations', { kind: 'weight', observedOn: 'TODAY', weightKg: 700 }, 'weightKg', 'must be between 20 and 350 kg'],
    ['weight 12 kg', 'observations', { kind: 'weight', observedOn: 'TODAY', weightKg: 12 }, 'weightKg', 'must be between 20 and 350 kg'],
    ['height 90 cm', 'observations', { kind: 'height', observedOn: 'TODAY', heightCm: 90 }, 'heightCm', 'must be between 120 and 230 cm'],
    ['BP 400/20', 'observations', { kind: 'vitals', observedOn: 'TODAY', systolicMmHg: 400, diastolicMmHg: 20 }, 'systolicMmHg', 'must be at most 300'],
    ['BP 120/130 (diastolic above systolic)', 'observations', { kind: 'vitals', observedOn: 'TODAY', systolicMmHg: 120, diastolicMmHg: 130 }, 'systolicMmHg', 'must be higher than the diastolic pressure'],
    ['BP 120/10', 'observations', { kind: 'vitals', observedOn: 'TODAY', systolicMmHg: 120, diastolicMmHg: 10 }, 'diastolicMmHg', 'must be at least 20'],
    ['heart rate 400', 'observations', { kind: 'vitals', observedOn: 'TODAY', systolicMmHg: 120, diastolicMmHg: 80, heartRateBpm: 400 }, 'heartRateBpm', 'must be at most 250'],
    ['a pregnancy test dated tomorrow', 'observations', { kind: 'pregnancy-test', observedOn: 'TOMORROW', result: 'negative', method: 'urine' }, 'observedOn', /must not be in the future/],
    ['an ECG dated tomorrow', 'observations', { kind: 'ecg', observedOn: 'TOMORROW', result: 'normal' }, 'observedOn', /must not be in the future/],
    ['an LFT result that is not normal/abnormal', 'observations', { kind: 'lft', observedOn: 'TODAY', result: 'high' }, 'result', /expected one of|Invalid option/i],
    ['an impossible date', 'observations', { kind: 'ecg', observedOn: '2026-02-30', result: 'normal' }, 'observedOn', 'must be a date as YYYY-MM-DD'],
    ['an unknown ICD-10 code', 'problems', { code: 'XYZ' }, 'code', /is not a valid ICD-10-CM code/],
    ['a code of the wrong shape', 'problems', { code: '33.2F' }, 'code', 'is not a valid ICD-10-CM code: must start with a letter'],
    ['a valid code outside the list without a description', 'problems', { code: 'F43.8' }, 'description', /is required for F43.8/],
    ['a trial of 0 weeks', 'antidepressant-trials', { drug: 'sertraline', weeks: 0, adequate: true, outcome: 'non-response', currentEpisode: true }, 'weeks', 'must be more than 0'],
    ['an unknown trial outcome', 'antidepressant-trials', { drug: 'sertraline', weeks: 6, adequate: true, outcome: 'meh', currentEpisode: true }, 'outcome', /Invalid option|expected one of/i],
    ['a substance-use assessment in the future', 'substance-use-assessments', { assessedOn: 'TOMORROW', currentUse: false, misuseSuspected: false, activeAbuse: false }, 'assessedOn', /must not be in the future/],
    ['a drug screen date without its result', 'substance-use-assessments', { assessedOn: 'TODAY', currentUse: false, misuseSuspected: true, activeAbuse: false, urineDrugScreenOn: 'TODAY' }, 'urineDrugScreenResult', /give both/],
    ['an unknown field', 'allergies', { substance: 'latex', color: 'red' }, 'color', 'is not a known field'],
  ];

  it.each(cases)('refuses %s', async (_title, path, rawBody, field, reason) => {
    const id = await newPatient(nurse);
    const tomorrow = daysBefore(today, -1);
    const body = JSON.parse(JSON.stringify(rawBody).replaceAll('"TODAY"', `"${today}"`).replaceAll('"TOMORROW"', `"${tomorrow}"`));
    const res = await nurse('POST', `/api/patients/${id}/${path}`, body);
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json().errors.find((e: { field: string }) => e.field === field);
    expect(error, res.body).toBeDefined();
    if (typeof reason === 'string') expect(error.reason).toBe(reason);
    else expect(error.reason).toMatch(reason);
    for (const table of ['observations', 'problems', 'antidepressant_trials', 'substance_use_assessments', 'allergies', 'intake_records', 'intake_stage_changes']) {
      expect({ table, n: await rows(table, id) }).toEqual({ table, n: 0 });
    }
  });

  it('refuses an observation instant that falls on another clinic day than its date', async () => {
    const id = await newPatient(nurse);
    const res = await nurse('POST', `/api/patients/${id}/observations`, { kind: 'vitals', observedOn: daysBefore(today, 1), observedAt: t.clock.now().toISOString(), systolicMmHg: 120, diastolicMmHg: 80 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('observedAt');
  });
});

describe('history with the clinical core', () => {
  let id: string;
  beforeAll(async () => {
    id = await newPatient(nurse);
  });

  it('flags a benzodiazepine with its diazepam equivalent (rule 8)', async () => {
    const med = expectStatus(await nurse('POST', `/api/patients/${id}/medications`, { name: 'Ativan', dose: 1, doseUnit: 'mg', frequencyPerDay: 3, route: 'oral' }), 201).json();
    expect(med.flags).toMatchObject({ recognized: true, benzodiazepine: true, diazepamEquivalentMgPerDay: 30, cnsDepressant: true });
  });

  it('says which trials rule 1 counts and why not', async () => {
    expectStatus(await nurse('POST', `/api/patients/${id}/antidepressant-trials`, { drug: 'sertraline', doseMgPerDay: 150, weeks: 8, adequate: true, outcome: 'non-response', currentEpisode: true }), 201);
    const short = expectStatus(await nurse('POST', `/api/patients/${id}/antidepressant-trials`, { drug: 'escitalopram', weeks: 2, adequate: true, outcome: 'non-response', currentEpisode: true }), 201).json();
    expect(short).toMatchObject({ counted: false, notCountedReason: 'too-short' });
    const history = expectStatus(await nurse('GET', `/api/patients/${id}/history`), 200).json();
    expect(history.failedAdequateTrials).toEqual({ count: 1, countedAs: ['sertraline'], required: 2 });
  });

  it('takes a curated ICD-10 code with its description and a valid unlisted code with the clinician\'s own', async () => {
    expect(expectStatus(await nurse('POST', `/api/patients/${id}/problems`, { code: 'f332' }), 201).json()).toMatchObject({ code: 'F33.2', inCuratedList: true, indication: 'depression' });
    expect(expectStatus(await nurse('POST', `/api/patients/${id}/problems`, { code: 'F43.8', description: 'Other reactions to severe stress', indication: 'ptsd' }), 201).json()).toMatchObject({ inCuratedList: false, indication: 'ptsd' });
    expect((await nurse('POST', `/api/patients/${id}/problems`, { code: 'F33.2' })).statusCode).toBe(409);
  });

  it('searches the ICD-10 codes a ketamine clinic uses', async () => {
    const codes = expectStatus(await nurse('GET', '/api/icd10?q=postpartum'), 200).json();
    expect(codes.map((c: { code: string }) => c.code)).toContain('F53.0');
    const byCode = expectStatus(await nurse('GET', '/api/icd10?q=F43.1'), 200).json();
    expect(byCode.every((c: { code: string }) => c.code.startsWith('F43.1'))).toBe(true);
  });

  it('gives the current weight and its age for dosing (rule 9)', async () => {
    expectStatus(await nurse('POST', `/api/patients/${id}/observations`, { kind: 'weight', observedOn: daysBefore(today, 10), weightKg: 80 }), 201);
    expectStatus(await nurse('POST', `/api/patients/${id}/observations`, { kind: 'weight', observedOn: daysBefore(today, 2), weightKg: 78.45 }), 201);
    const history = expectStatus(await nurse('GET', `/api/patients/${id}/history`), 200).json();
    expect(history.currentWeight).toEqual({ weightKg: 78.5, observedOn: daysBefore(today, 2), ageDays: 2 });
  });

  it('refuses observations changed or deleted in the database', async () => {
    await expect(t.testDb.database.db.execute(sql`UPDATE observations SET weight_kg = 90 WHERE patient_id = ${id}`)).rejects.toThrow();
  });
});

describe("another patient's ids in the URL are refused with 404 and change nothing", () => {
  let a: string;
  let b: string;
  let problemId: string;
  let medicationId: string;
  beforeAll(async () => {
    a = await newPatient(nurse);
    b = await newPatient(nurse);
    problemId = expectStatus(await nurse('POST', `/api/patients/${a}/problems`, { code: 'F33.2' }), 201).json().id;
    medicationId = expectStatus(await nurse('POST', `/api/patients/${a}/medications`, { name: 'sertraline', dose: 100, doseUnit: 'mg', frequencyPerDay: 1 }), 201).json().id;
  });

  it('refuses resolving patient A\'s problem through patient B', async () => {
    expect((await nurse('PATCH', `/api/patients/${b}/problems/${problemId}`, { status: 'resolved' })).statusCode).toBe(404);
    const history = expectStatus(await nurse('GET', `/api/patients/${a}/history`), 200).json();
    expect(history.problems[0].status).toBe('active');
  });

  it('refuses stopping patient A\'s medication through patient B', async () => {
    expect((await nurse('PATCH', `/api/patients/${b}/medications/${medicationId}`, { active: false, stoppedOn: today })).statusCode).toBe(404);
    const history = expectStatus(await nurse('GET', `/api/patients/${a}/history`), 200).json();
    expect(history.medications[0].active).toBe(true);
  });

  it('answers 404 for an unknown patient and 400 for a malformed id', async () => {
    expect((await nurse('GET', '/api/patients/00000000-0000-4000-8000-000000000000/history')).statusCode).toBe(404);
    expect((await nurse('POST', '/api/patients/00000000-0000-4000-8000-000000000000/observations', { kind: 'weight', observedOn: today, weightKg: 70 })).statusCode).toBe(404);
    expect((await nurse('GET', '/api/patients/nope/eligibility')).statusCode).toBe(400);
  });
});

describe('clinic rule configuration', () => {
  it('lets the medical director change a threshold the clinical core then uses, and refuses unknown keys', async () => {
    const md = caller(t, await t.loginAs('medical-director'));
    expect((await nurse('PUT', '/api/clinic/rule-config', { overrides: {} })).statusCode).toBe(403);
    const bad = await md('PUT', '/api/clinic/rule-config', { overrides: { eligibility: { rule4: { windowDays: 3 } } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/unknown configuration key: windowDays/);
    const ok = expectStatus(await md('PUT', '/api/clinic/rule-config', { overrides: { eligibility: { rule1: { minFailedAdequateTrials: 1 } } } }), 200).json();
    expect(ok.resolved.eligibility.rule1.minFailedAdequateTrials).toBe(1);
    const id = await newPatient(nurse);
    expectStatus(await nurse('POST', `/api/patients/${id}/antidepressant-trials`, { drug: 'sertraline', weeks: 8, adequate: true, outcome: 'non-response', currentEpisode: true }), 201);
    expect(expectStatus(await nurse('GET', `/api/patients/${id}/history`), 200).json().failedAdequateTrials.required).toBe(1);
    expectStatus(await md('PUT', '/api/clinic/rule-config', { overrides: {} }), 200);
  });
});

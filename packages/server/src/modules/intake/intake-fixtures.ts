/**
 * Test fixtures for the intake, eligibility and consent integration tests:
 * a new patient per case and a "clean" chart built through the API, so each
 * rule test starts from a patient the clinical core finds clear.
 */
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { queryRows } from '../../db/client.ts';
import { demoSignaturePng } from '../../seed/demo-intake.ts';
import type { TestApp } from '../../testing/index.ts';

export const PASSWORD = 'glia-demo';
export const SIGNATURE_PNG = `data:image/png;base64,${demoSignaturePng(3).toString('base64')}`;

export type Call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) => Promise<LightMyRequestResponse>;

/** A request function bound to one session cookie. */
export function caller(t: TestApp, cookie: string): Call {
  return (method, url, payload) => t.request({ method, url, cookie, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
}

let counter = 0;
/** Registers a new patient (male by default) and returns its id. */
export async function newPatient(call: Call, extra: Record<string, unknown> = {}): Promise<string> {
  counter += 1;
  const res = await call('POST', '/api/patients', {
    givenName: 'Test', familyName: `Patient${String.fromCharCode(65 + (counter % 26))}${counter}`, birthDate: '1980-02-03', sexAtBirth: 'male', confirmDuplicate: true, ...extra,
  });
  if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

export async function userIdOf(t: TestApp, email: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(t.testDb.database.db, sql`SELECT id FROM users WHERE email = ${email}`);
  return row!.id;
}

export function expectStatus(res: LightMyRequestResponse, status: number): LightMyRequestResponse {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res;
}

/** Today in the demo clinic's zone (America/Chicago) for the test clock. */
export function clinicToday(t: TestApp): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago', year: 'numeric', month: '2-digit', day: '2-digit' }).format(t.clock.now());
}

export function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

export async function profile(call: Call, patientId: string, changes: Record<string, unknown>): Promise<void> {
  const intake = expectStatus(await call('GET', `/api/patients/${patientId}/intake`), 200).json();
  const current = intake.profile ?? {
    childbearingPotential: null, cardiovascularRisk: false, cardiovascularNotes: null, liverRisk: false, liverNotes: null, highDosePainCoursesPlanned: false,
    contraindications: [], psychosisHistory: null, maniaHistory: null, suicideAttempts: null, lastSuicideAttemptOn: null, psychiatricNotes: null, version: 1,
  };
  const { updatedAt: _u, ...body } = current;
  expectStatus(await call('PUT', `/api/patients/${patientId}/intake/profile`, { ...body, ...changes }), 200);
}

/**
 * A chart the clinical core finds clear for a first psychiatric IV infusion:
 * referral, no childbearing potential, F33.2 with two failed adequate trials,
 * a current substance-use assessment, bupropion, and (unless `consent: false`) a
 * signed off-label consent.
 */
export async function cleanChart(t: TestApp, call: Call, patientId: string, opts: { consent?: boolean; trials?: string[] } = {}): Promise<void> {
  const today = clinicToday(t);
  expectStatus(await call('POST', `/api/patients/${patientId}/referrals`, { receivedOn: daysBefore(today, 3), source: 'psychiatrist', reason: 'Treatment-resistant depression', indication: 'depression' }), 201);
  await profile(call, patientId, { childbearingPotential: false });
  expectStatus(await call('POST', `/api/patients/${patientId}/problems`, { code: 'F33.2' }), 201);
  for (const drug of opts.trials ?? ['sertraline', 'venlafaxine']) {
    expectStatus(await call('POST', `/api/patients/${patientId}/antidepressant-trials`, { drug, weeks: 8, adequate: true, outcome: 'non-response', currentEpisode: true }), 201);
  }
  expectStatus(await call('POST', `/api/patients/${patientId}/substance-use-assessments`, { assessedOn: today, currentUse: false, misuseSuspected: false, activeAbuse: false }), 201);
  expectStatus(await call('POST', `/api/patients/${patientId}/medications`, { name: 'bupropion', dose: 150, doseUnit: 'mg', frequencyPerDay: 1 }), 201);
  if (opts.consent !== false) await signConsent(t, call, patientId);
}

export async function templateId(call: Call, key = 'iv-ketamine-off-label'): Promise<string> {
  const templates = expectStatus(await call('GET', '/api/consent-templates'), 200).json() as { id: string; templateKey: string; latest: boolean }[];
  return templates.find((x) => x.templateKey === key && x.latest)!.id;
}

/** Signs the latest version of a template for the patient, witnessed by the demo nurse. */
export async function signConsent(t: TestApp, call: Call, patientId: string, key = 'iv-ketamine-off-label'): Promise<LightMyRequestResponse> {
  const patient = expectStatus(await call('GET', `/api/patients/${patientId}`), 200).json();
  return expectStatus(await call('POST', `/api/patients/${patientId}/consents`, {
    templateId: await templateId(call, key),
    patientTypedName: `${patient.givenName} ${patient.familyName}`,
    patientSignaturePng: SIGNATURE_PNG,
    witnessId: await userIdOf(t, 'nurse@demo.glia.local'),
    witnessSignature: { password: PASSWORD },
    signature: { password: PASSWORD },
  }), 201);
}

export interface PanelFinding { key: string; rule: number; severity: string; code: string; sources: string[] }

export async function eligibility(call: Call, patientId: string, query = ''): Promise<{ status: string; findings: PanelFinding[]; decisionRequirements: { overridesNeeded: string[]; acknowledgementsNeeded: string[]; satisfiedByConsent: string[] } }> {
  return expectStatus(await call('GET', `/api/patients/${patientId}/eligibility${query}`), 200).json();
}

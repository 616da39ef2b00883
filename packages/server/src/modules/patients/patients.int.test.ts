import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../testing/index.ts';

const newPatient = {
  givenName: 'Wren',
  familyName: 'Halvorsen',
  birthDate: '1987-05-14',
  sexAtBirth: 'female',
  phone: '(555) 010-4477',
  email: 'wren.halvorsen@example.org',
  usualEscort: { name: 'Jonas Halvorsen', phone: '555-010-4478' },
};

let t: TestApp;
let frontDesk: string;
let billing: string;

beforeAll(async () => {
  t = await createTestApp();
  frontDesk = await t.loginAs('front-desk');
  billing = await t.loginAs('billing');
});
afterAll(() => t.close());

async function patientCount(): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(t.testDb.database.db, sql`SELECT count(*) AS n FROM patients`);
  return Number(row!.n);
}

async function auditRows(action: string): Promise<{ user_email: string; resource_id: string | null; patient_id: string | null; outcome: string; details: Record<string, unknown> }[]> {
  return queryRows(t.testDb.database.db, sql`SELECT user_email, resource_id, patient_id, outcome, details FROM audit_events WHERE action = ${action} ORDER BY seq`);
}

describe('patient registry access', () => {
  it('refuses an unauthenticated search with 401', async () => {
    const res = await t.request({ method: 'GET', url: '/api/patients' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });

  it('refuses a billing user registering a patient with 403, changes nothing, and audits the denial', async () => {
    const before = await patientCount();
    const res = await t.request({ method: 'POST', url: '/api/patients', cookie: billing, payload: newPatient });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect(await patientCount()).toBe(before);
    const denied = await auditRows('access.denied');
    expect(denied.at(-1)).toMatchObject({ user_email: 'billing@demo.glia.local', resource_id: 'POST /api/patients', outcome: 'denied' });
  });

  it('lets billing read patients (demographics for claims)', async () => {
    const res = await t.request({ method: 'GET', url: '/api/patients?q=Rivera', cookie: billing });
    expect(res.statusCode).toBe(200);
  });
});

describe('registering and finding a patient at the front desk', () => {
  let id: string;
  let mrn: string;

  it('registers a patient: 201 with id, generated MRN and version 1, audited', async () => {
    const res = await t.request({ method: 'POST', url: '/api/patients', cookie: frontDesk, payload: newPatient });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ givenName: 'Wren', familyName: 'Halvorsen', birthDate: '1987-05-14', version: 1, usualEscort: { name: 'Jonas Halvorsen' } });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.mrn).toMatch(/^RB-\d+$/);
    expect(res.headers.location).toBe(`/api/patients/${body.id}`);
    id = body.id;
    mrn = body.mrn;
    const created = await auditRows('patient.create');
    expect(created.at(-1)).toMatchObject({ user_email: 'front-desk@demo.glia.local', resource_id: id, patient_id: id, outcome: 'success' });
  });

  it.each([
    ['family name prefix', 'halv'],
    ['full name in any order', 'Wren Halvorsen'],
    ['date of birth (ISO)', '1987-05-14'],
    ['date of birth (US)', '5/14/1987'],
    ['phone digits', '0104477'],
    ['formatted phone', '(555) 010-4477'],
  ])('finds the patient by %s', async (_label, q) => {
    const res = await t.request({ method: 'GET', url: `/api/patients?q=${encodeURIComponent(q)}`, cookie: frontDesk });
    expect(res.statusCode).toBe(200);
    expect(res.json().map((p: { id: string }) => p.id)).toContain(id);
  });

  it('finds the patient by MRN', async () => {
    const res = await t.request({ method: 'GET', url: `/api/patients?q=${mrn}`, cookie: frontDesk });
    expect(res.json().map((p: { id: string }) => p.id)).toEqual([id]);
  });

  it('treats LIKE wildcards in the search box literally', async () => {
    const res = await t.request({ method: 'GET', url: `/api/patients?q=${encodeURIComponent('%')}`, cookie: frontDesk });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([]);
  });

  it('audits searches with the result ids', async () => {
    const searches = await auditRows('patient.search');
    expect(searches.length).toBeGreaterThan(0);
    expect(searches.some((s) => (s.details.resultIds as string[]).includes(id))).toBe(true);
  });

  it('reads the patient and audits the read', async () => {
    const res = await t.request({ method: 'GET', url: `/api/patients/${id}`, cookie: frontDesk });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toMatchObject({ id, mrn });
    expect((await auditRows('patient.read')).at(-1)).toMatchObject({ patient_id: id, user_email: 'front-desk@demo.glia.local' });
  });

  it('answers 404 for an unknown patient and 400 for a malformed id', async () => {
    expect((await t.request({ method: 'GET', url: '/api/patients/00000000-0000-4000-8000-000000000000', cookie: frontDesk })).statusCode).toBe(404);
    const bad = await t.request({ method: 'GET', url: '/api/patients/not-a-uuid', cookie: frontDesk });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('params.id');
  });

  it('edits the patient with the current version and bumps it, audited with the changed fields', async () => {
    const res = await t.request({ method: 'PATCH', url: `/api/patients/${id}`, cookie: frontDesk, payload: { preferredName: 'Wrennie', version: 1 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ preferredName: 'Wrennie', version: 2 });
    expect((await auditRows('patient.update')).at(-1)).toMatchObject({ patient_id: id, details: { fields: ['preferredName'], version: 2 } });
  });

  it('refuses an edit made from a stale version with 409 and changes nothing', async () => {
    const res = await t.request({ method: 'PATCH', url: `/api/patients/${id}`, cookie: frontDesk, payload: { preferredName: 'Stale', version: 1 } });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].field).toBe('version');
    const now = await t.request({ method: 'GET', url: `/api/patients/${id}`, cookie: frontDesk });
    expect(now.json().preferredName).toBe('Wrennie');
  });

  it('refuses an empty edit', async () => {
    const res = await t.request({ method: 'PATCH', url: `/api/patients/${id}`, cookie: frontDesk, payload: { version: 2 } });
    expect(res.statusCode).toBe(400);
  });
});

describe('bad input is refused with the field and the reason, and nothing is saved', () => {
  it.each([
    ['an impossible date', { birthDate: '1987-02-30' }, 'birthDate'],
    ['a future birth date', { birthDate: '2099-01-01' }, 'birthDate'],
    ['a birth date before 1900', { birthDate: '1850-01-01' }, 'birthDate'],
    ['a malformed phone', { phone: 'call me' }, 'phone'],
    ['too few phone digits', { phone: '12-34' }, 'phone'],
    ['a malformed e-mail', { email: 'wren@' }, 'email'],
    ['an unknown field', { favouriteColour: 'teal' }, 'favouriteColour'],
    ['an unknown sex at birth', { sexAtBirth: 'x' }, 'sexAtBirth'],
    ['a blank given name', { givenName: '   ' }, 'givenName'],
    ['an escort without phone', { usualEscort: { name: 'Someone' } }, 'usualEscort.phone'],
    ['a non-clinician as primary clinician', { primaryClinicianId: '00000000-0000-4000-8000-000000000000' }, 'primaryClinicianId'],
  ])('refuses %s', async (_label, change, field) => {
    const before = await patientCount();
    const res = await t.request({ method: 'POST', url: '/api/patients', cookie: frontDesk, payload: { ...newPatient, givenName: 'Unique', familyName: 'Person', ...change } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.code).toBe('VALIDATION');
    expect(body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await patientCount()).toBe(before);
  });

  it('refuses malformed JSON with 400', async () => {
    const res = await t.request({ method: 'POST', url: '/api/patients', cookie: frontDesk, headers: { 'content-type': 'application/json' }, payload: '{"givenName": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
  });
});

describe('duplicate detection', () => {
  const twin = { givenName: 'ANA', familyName: 'rivera', birthDate: '1986-04-12', sexAtBirth: 'female' };

  it('refuses a patient with the same name and birth date with 409 listing the match', async () => {
    const before = await patientCount();
    const res = await t.request({ method: 'POST', url: '/api/patients', cookie: frontDesk, payload: twin });
    expect(res.statusCode).toBe(409);
    const body = res.json();
    expect(body.code).toBe('CONFLICT');
    expect(body.duplicates[0]).toMatchObject({ givenName: 'Ana', familyName: 'Rivera', birthDate: '1986-04-12' });
    expect(await patientCount()).toBe(before);
  });

  it('registers the second patient when the duplicate is confirmed', async () => {
    const res = await t.request({ method: 'POST', url: '/api/patients', cookie: frontDesk, payload: { ...twin, confirmDuplicate: true } });
    expect(res.statusCode).toBe(201);
    const created = await auditRows('patient.create');
    expect(created.at(-1)!.details).toMatchObject({ confirmedDuplicate: true });
  });
});

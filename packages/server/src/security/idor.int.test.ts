/**
 * Object-level access (IDOR): a record of one patient addressed through
 * another patient's URL is refused, nothing changes, and the attempt is in
 * the audit trail. Table-driven: a new patient-scoped route adds one row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/client.ts';
import { createTestApp, type TestApp } from '../testing/index.ts';

let t: TestApp;
let cookie: string;
let patientA: string;
let patientB: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await t.loginAs('prescriber');
  const list = (await t.request({ method: 'GET', url: '/api/patients', cookie })).json() as { id: string }[];
  [patientA, patientB] = [list[0]!.id, list[1]!.id];
});
afterAll(() => t.close());

interface IdorCase {
  name: string;
  /** Creates a record belonging to `patientId` and returns its id. */
  create(patientId: string): Promise<string>;
  /** The request that names `otherPatientId` while addressing `recordId` of the first patient. */
  attack(otherPatientId: string, recordId: string): { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; payload?: Record<string, unknown> };
  /** A snapshot of the record, compared before and after. */
  snapshot(recordId: string): Promise<unknown>;
}

const row = async (query: ReturnType<typeof sql>): Promise<unknown> => (await queryRows(t.testDb.database.db, query))[0];

const CASES: IdorCase[] = [
  {
    name: "resolving another patient's problem",
    create: async (patientId) => (await t.request({ method: 'POST', url: `/api/patients/${patientId}/problems`, cookie, payload: { code: 'F33.2' } })).json().id,
    attack: (other, id) => ({ method: 'PATCH', url: `/api/patients/${other}/problems/${id}`, payload: { status: 'resolved' } }),
    snapshot: (id) => row(sql`SELECT patient_id, status, resolved_at FROM problems WHERE id = ${id}`),
  },
  {
    name: "stopping another patient's medication",
    create: async (patientId) => (await t.request({ method: 'POST', url: `/api/patients/${patientId}/medications`, cookie, payload: { name: 'sertraline', dose: 50, doseUnit: 'mg' } })).json().id,
    attack: (other, id) => ({ method: 'PATCH', url: `/api/patients/${other}/medications/${id}`, payload: { active: false, stoppedOn: '2026-11-20' } }),
    snapshot: (id) => row(sql`SELECT patient_id, active, stopped_on FROM medications WHERE id = ${id}`),
  },
];

describe('ids of another patient are refused with nothing changed, and audited', () => {
  it.each(CASES)('$name', async (c) => {
    const recordId = await c.create(patientA);
    expect(recordId).toMatch(/^[0-9a-f-]{36}$/);
    const before = await c.snapshot(recordId);
    expect(before).toBeDefined();
    const req = c.attack(patientB, recordId);
    const res = await t.request({ ...req, cookie });
    expect([403, 404, 409, 422]).toContain(res.statusCode);
    expect(await c.snapshot(recordId)).toEqual(before);
    const audited = await queryRows<{ n: number }>(
      t.testDb.database.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'access.refused' AND patient_id = ${patientB} AND resource_id LIKE ${`${req.method} %`}`,
    );
    expect(audited[0]!.n).toBeGreaterThan(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../testing/index.ts';
import { recordDisclosure } from './disclosure-service.ts';

let t: TestApp;
let patientId: string;
beforeAll(async () => {
  t = await createTestApp();
  const frontDesk = await t.loginAs('front-desk');
  patientId = (await t.request({ method: 'GET', url: '/api/patients?q=Rivera', cookie: frontDesk })).json()[0].id;
});
afterAll(() => t.close());

describe('accounting of disclosures', () => {
  it('lists what was released for a patient, newest first, with the user and recipient', async () => {
    const { db } = t.testDb.database;
    const [nurse] = await queryRows<{ id: string }>(db, sql`SELECT id FROM users WHERE email = 'nurse@demo.glia.local'`);
    const nurseId = nurse!.id;
    const actor = { userId: nurseId, userEmail: 'nurse@demo.glia.local', clientIp: '127.0.0.1', requestId: null };
    await db.transaction((tx) => recordDisclosure(tx, actor, { patientId, channel: 'print', what: 'Discharge instructions (PDF)', recipient: 'patient', resourceType: 'session', resourceId: null }, t.clock.now()));
    t.clock.advanceMinutes(1);
    await db.transaction((tx) => recordDisclosure(tx, actor, { patientId, channel: 'email', what: 'Signed consent (PDF)', recipient: 'ana.rivera@example.org', resourceType: 'consent', resourceId: null }, t.clock.now()));

    const prescriber = await t.loginAs('prescriber');
    const res = await t.request({ method: 'GET', url: `/api/patients/${patientId}/disclosures`, cookie: prescriber });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject([
      { channel: 'email', what: 'Signed consent (PDF)', recipient: 'ana.rivera@example.org', userDisplayName: 'Jamie Castillo' },
      { channel: 'print', what: 'Discharge instructions (PDF)', recipient: 'patient' },
    ]);
  });

  it('records each disclosure in the audit trail too', async () => {
    const md = await t.loginAs('medical-director');
    const res = await t.request({ method: 'GET', url: `/api/audit?patientId=${patientId}&action=disclosure.*`, cookie: md });
    expect(res.json().map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['disclosure.print', 'disclosure.email', 'disclosure.list']));
  });

  it('keeps billing out of the list (403) and refuses changes to it in the database', async () => {
    const billing = await t.loginAs('billing');
    expect((await t.request({ method: 'GET', url: `/api/patients/${patientId}/disclosures`, cookie: billing })).statusCode).toBe(403);
    await expect(t.testDb.database.db.execute(sql`DELETE FROM disclosures`)).rejects.toThrow();
  });
});

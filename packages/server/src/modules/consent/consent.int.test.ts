/**
 * Informed consent through the API: signed on the tablet with a drawn signature
 * and a re-authenticated witness, stored as a PDF of exactly what was signed with
 * its SHA-256, downloaded as a recorded disclosure, re-demanded after a material
 * template change or for a dose above the consent (rule 2), and locked.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { PNG } from 'pngjs';
import { queryRows } from '../../db/client.ts';
import { createTestApp, type TestApp } from '../../testing/index.ts';
import { caller, expectStatus, newPatient, PASSWORD, SIGNATURE_PNG, signConsent, templateId, userIdOf, type Call } from '../intake/intake-fixtures.ts';

let t: TestApp;
let prescriber: Call;
let md: Call;
let nurseId: string;
let prescriberId: string;

const blankPng = (): string => {
  const png = new PNG({ width: 300, height: 100 });
  png.data.fill(0);
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
};

async function consentRows(patientId: string): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(t.testDb.database.db, sql`SELECT count(*) AS n FROM patient_consents WHERE patient_id = ${patientId}`);
  return Number(row!.n);
}

beforeAll(async () => {
  t = await createTestApp();
  prescriber = caller(t, await t.loginAs('prescriber'));
  md = caller(t, await t.loginAs('medical-director'));
  nurseId = await userIdOf(t, 'nurse@demo.glia.local');
  prescriberId = await userIdOf(t, 'prescriber@demo.glia.local');
});
afterAll(() => t.close());

describe('consent templates', () => {
  it('starts with an off-label IV ketamine consent and an esketamine consent, version 1', async () => {
    const templates = expectStatus(await prescriber('GET', '/api/consent-templates'), 200).json();
    expect(templates.map((x: { templateKey: string; version: number; latest: boolean }) => [x.templateKey, x.version, x.latest])).toEqual([
      ['esketamine', 1, true],
      ['iv-ketamine-off-label', 1, true],
    ]);
    const iv = templates.find((x: { templateKey: string }) => x.templateKey === 'iv-ketamine-off-label');
    expect(iv).toMatchObject({ route: 'iv-ketamine', maxDoseMgPerKg: 0.5 });
    expect(iv.bodySha256).toBe(createHash('sha256').update(iv.body).digest('hex'));
  });

  it('lets only the medical director publish a version, and never edit one', async () => {
    expect((await prescriber('POST', '/api/consent-templates/esketamine/versions', { title: 'x', body: 'y', route: 'esketamine', materialChange: false })).statusCode).toBe(403);
    await expect(t.testDb.database.db.execute(sql`UPDATE consent_templates SET body = 'changed'`)).rejects.toThrow();
  });
});

describe('signing a consent on the tablet', () => {
  let patientId: string;
  let consent: { id: string; pdfSha256: string; pdfUrl: string };

  beforeAll(async () => {
    patientId = await newPatient(prescriber, { givenName: 'Rosalind', familyName: 'Okonkwo-Baptiste' });
  });

  const body = async (changes: Record<string, unknown> = {}): Promise<Record<string, unknown>> => ({
    templateId: await templateId(prescriber), patientTypedName: 'Rosalind Okonkwo-Baptiste', patientSignaturePng: SIGNATURE_PNG,
    witnessId: nurseId, witnessSignature: { password: PASSWORD }, signature: { password: PASSWORD }, ...changes,
  });

  it.each([
    ['a blank signature', { patientSignaturePng: blankPng() }, 400, 'patientSignaturePng', 'is blank: the patient must draw a signature'],
    ['something that is not a PNG', { patientSignaturePng: 'data:image/png;base64,aGVsbG8=' }, 400, 'patientSignaturePng', 'is not a readable PNG image'],
    ['a JPEG data URL', { patientSignaturePng: 'data:image/jpeg;base64,aGVsbG8=' }, 400, 'patientSignaturePng', expect.stringContaining('must be a PNG image')],
    ['another name typed', { patientTypedName: 'Someone Else' }, 400, 'patientTypedName', "must be the patient's full name (Rosalind Okonkwo-Baptiste)"],
    ['the clinician as their own witness', { witnessId: 'SELF' }, 400, 'witnessId', 'must be someone other than the clinician obtaining consent'],
    ['a wrong witness password', { witnessSignature: { password: 'wrong' } }, 403, 'signature.password', 'does not match the account'],
    ['a wrong clinician password', { signature: { password: 'wrong' } }, 403, 'signature.password', 'does not match the account'],
  ] as [string, Record<string, unknown>, number, string, unknown][])('refuses %s, storing nothing', async (_t, changes, status, field, reason) => {
    const res = await prescriber('POST', `/api/patients/${patientId}/consents`, await body({ ...changes, ...(changes.witnessId === 'SELF' ? { witnessId: prescriberId } : {}) }));
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().errors).toContainEqual({ field, reason });
    expect(await consentRows(patientId)).toBe(0);
  });

  it('stores the signed consent with template version, witness, clinician and the PDF hash', async () => {
    const res = expectStatus(await prescriber('POST', `/api/patients/${patientId}/consents`, await body({ patientTypedName: '  rosalind   okonkwo baptiste ' })), 201);
    consent = res.json();
    expect(res.json()).toMatchObject({
      templateKey: 'iv-ketamine-off-label', templateVersion: 1, route: 'iv-ketamine', maxDoseMgPerKg: 0.5,
      witness: { displayName: 'Jamie Castillo', credentials: 'RN' }, signature: { displayName: 'Dr. Samuel Okafor', credentials: 'MD' },
    });
    expect(consent.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('downloads exactly the stored PDF and records the download as a disclosure', async () => {
    const res = await prescriber('GET', consent.pdfUrl);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(consent.pdfSha256);
    expect(res.rawPayload.toString('latin1')).toContain('iv-ketamine-off-label v1');
    const disclosures = expectStatus(await prescriber('GET', `/api/patients/${patientId}/disclosures`), 200).json();
    expect(disclosures[0]).toMatchObject({ channel: 'download', what: 'Signed consent iv-ketamine-off-label v1 (PDF)' });
  });

  it("refuses the PDF through another patient's URL (404) without a disclosure", async () => {
    const other = await newPatient(prescriber);
    expect((await prescriber('GET', `/api/patients/${other}/consents/${consent.id}/pdf`)).statusCode).toBe(404);
    expect(expectStatus(await prescriber('GET', `/api/patients/${other}/disclosures`), 200).json()).toEqual([]);
  });

  it('reports the consent as current, and re-consent for a planned dose above 0.5 mg/kg (rule 2)', async () => {
    const status = expectStatus(await prescriber('GET', `/api/patients/${patientId}/consents`), 200).json().status;
    expect(status).toMatchObject({ reconsentRequired: false, current: { id: consent.id } });
    const above = expectStatus(await prescriber('GET', `/api/patients/${patientId}/consents?plannedDoseMgPerKg=0.75`), 200).json().status;
    expect(above.reconsentRequired).toBe(true);
    expect(above.reasons).toEqual([{ code: 'dose-exceeds-consent', message: expect.stringContaining('0.75 mg/kg exceeds the 0.5 mg/kg') }]);
  });

  it('locks the signed consent in the database', async () => {
    await expect(t.testDb.database.db.execute(sql`UPDATE patient_consents SET patient_typed_name = 'x' WHERE id = ${consent.id}`)).rejects.toThrow();
    await expect(t.testDb.database.db.execute(sql`DELETE FROM patient_consents WHERE id = ${consent.id}`)).rejects.toThrow();
  });

  it('adds a signed addendum to a consent, not through another patient', async () => {
    const other = await newPatient(prescriber);
    expect((await prescriber('POST', `/api/patients/${other}/consents/${consent.id}/addenda`, { text: 'x', signature: { password: PASSWORD } })).statusCode).toBe(404);
    expectStatus(await prescriber('POST', `/api/patients/${patientId}/consents/${consent.id}/addenda`, { text: 'Interpreter present (Yoruba).', signature: { password: PASSWORD } }), 201);
  });

  it('keeps a consent through an editorial template change and re-demands it after a material one', async () => {
    const iv = expectStatus(await md('GET', '/api/consent-templates'), 200).json().find((x: { templateKey: string; latest: boolean }) => x.templateKey === 'iv-ketamine-off-label' && x.latest);
    const oldTemplateId = iv.id;
    expectStatus(await md('POST', '/api/consent-templates/iv-ketamine-off-label/versions', { title: iv.title, body: `${iv.body} `.trim() + '\n(Typo fixed.)', route: 'iv-ketamine', maxDoseMgPerKg: 0.5, materialChange: false, changeSummary: 'typo' }), 201);
    expect(expectStatus(await prescriber('GET', `/api/patients/${patientId}/consents`), 200).json().status.reconsentRequired).toBe(false);
    const v3 = expectStatus(await md('POST', '/api/consent-templates/iv-ketamine-off-label/versions', { title: iv.title, body: `${iv.body}\n\n10. New risk information.`, route: 'iv-ketamine', maxDoseMgPerKg: 0.5, materialChange: true, changeSummary: 'new risk' }), 201).json();
    expect(v3.version).toBe(3);
    const status = expectStatus(await prescriber('GET', `/api/patients/${patientId}/consents`), 200).json().status;
    expect(status.reconsentRequired).toBe(true);
    expect(status.reasons[0].code).toBe('template-changed-materially');
    const old = await prescriber('POST', `/api/patients/${patientId}/consents`, await body({ templateId: oldTemplateId }));
    expect(old.statusCode).toBe(409);
    await signConsent(t, prescriber, patientId);
    expect(expectStatus(await prescriber('GET', `/api/patients/${patientId}/consents`), 200).json().status).toMatchObject({ reconsentRequired: false, current: { templateVersion: 3 } });
  });
});

describe('starting treatment', () => {
  it('moves an eligible patient with a current consent to "in treatment"', async () => {
    const [elena] = await prescriber('GET', '/api/patients?q=Petrova').then((r) => r.json());
    await signConsent(t, prescriber, elena.id);
    const res = expectStatus(await prescriber('POST', `/api/patients/${elena.id}/stage`, { stage: 'in-treatment', reason: 'first infusion booked' }), 200);
    expect(res.json().stage).toBe('in-treatment');
  });
});

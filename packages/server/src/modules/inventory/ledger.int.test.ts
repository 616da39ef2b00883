import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdministrationRecord, DrawCreated, LedgerEntry, Lot, LotDetail, LossReport, PendingWaste, WasteRecorded } from '@glia/contracts';
import { createTestApp, type TestApp } from '../../testing/index.ts';
import { demoCatalog, receiveLot, signerOf, type DemoCatalog } from './inventory-fixtures.ts';

let t: TestApp;
let nurse: string;
let nurse2: string;
let md: string;
let catalog: DemoCatalog;
let patientId: string;
let otherPatientId: string;

/** Signs everyone in again (sessions end after 15 idle minutes). */
async function signInAll(): Promise<void> {
  nurse = await t.loginAs('nurse');
  md = await t.loginAs('medical-director');
  const res = await t.request({ method: 'POST', url: '/api/auth/login', payload: { email: 'nurse2@demo.glia.local', password: 'glia-demo' } });
  nurse2 = `glia_session=${res.cookies.find((c) => c.name === 'glia_session')!.value}`;
}

/** Moves the clock and signs everyone in again. */
async function moveClock(ms: number): Promise<void> {
  t.clock.advance(ms);
  await signInAll();
}

beforeAll(async () => {
  t = await createTestApp();
  await signInAll();
  catalog = await demoCatalog(t, nurse);
  const patients = (await t.request({ method: 'GET', url: '/api/patients?q=', cookie: nurse })).json() as { id: string }[];
  patientId = patients[0]!.id;
  otherPatientId = patients[1]!.id;
});
afterAll(() => t.close());

const post = (url: string, payload: unknown, cookie = nurse): ReturnType<TestApp['request']> => t.request({ method: 'POST', url, cookie, payload: payload as Record<string, unknown> });
const lotDetail = async (id: string): Promise<LotDetail> => (await t.request({ method: 'GET', url: `/api/inventory/lots/${id}`, cookie: nurse })).json() as LotDetail;
const draw = async (lotId: string, payload: Record<string, unknown>): Promise<DrawCreated> => {
  const res = await post(`/api/inventory/lots/${lotId}/draws`, payload);
  if (res.statusCode !== 201) throw new Error(`draw: ${res.statusCode} ${res.body}`);
  return res.json() as DrawCreated;
};

describe('receiving stock', () => {
  it('records the lot with its invoice, receiver and verifier, and a receipt entry in mg and mL', async () => {
    const lot = await receiveLot(t, nurse, { productId: catalog.k50.id, locationId: catalog.safe.id, vials: 2, lotNumber: 'RCV-1' });
    expect(lot).toMatchObject({ lotNumber: 'RCV-1', receivedVials: 2, receivedMl: 20, receivedMg: 1000, balanceMl: 20, balanceMg: 1000, schedule: 'III', receivedBy: { displayName: 'Jamie Castillo' }, verifiedBy: { displayName: 'Dr. Priya Raman', credentials: 'MD' } });
    const detail = await lotDetail(lot.id);
    expect(detail.entries).toMatchObject([{ kind: 'receipt', quantityMl: 20, quantityMg: 1000, stockAfterMl: 20, witness: { displayName: 'Dr. Priya Raman' } }]);
  });

  it.each([
    { title: 'the receiver verifying their own receipt', verifier: signerOf('nurse'), status: 400, field: 'verifier.email' },
    { title: 'a verifier with the wrong password', verifier: signerOf('medical-director', 'not-the-password'), status: 403, field: 'verifier.signature.password' },
    { title: 'a verifier with no account', verifier: { email: 'nobody@demo.glia.local', signature: { password: 'x' } }, status: 403, field: 'verifier.email' },
    { title: 'a verifier who is not clinical staff', verifier: signerOf('front-desk'), status: 400, field: 'verifier.email' },
  ])('refuses $title', async ({ verifier, status, field }) => {
    const res = await post('/api/inventory/lots', { productId: catalog.k50.id, locationId: catalog.safe.id, vials: 1, lotNumber: 'RCV-X', expiresOn: '2028-01-31', supplier: 'S', invoiceNumber: 'I-1', verifier });
    expect(res.statusCode).toBe(status);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('lets a second user verify a receipt later on their own device, never the receiver', async () => {
    const res = await post('/api/inventory/lots', { productId: catalog.k50.id, locationId: catalog.safe.id, vials: 1, lotNumber: 'LATER-1', expiresOn: '2028-01-31', supplier: 'S', invoiceNumber: 'I-9' });
    expect(res.statusCode).toBe(201);
    const lot = res.json() as Lot;
    expect(lot).toMatchObject({ verifiedBy: null, verifiedAt: null, balanceMl: 10 });
    const verify = (cookie: string, password = 'glia-demo'): ReturnType<TestApp['request']> => post(`/api/inventory/lots/${lot.id}/verification`, { signature: { password } }, cookie);
    expect((await verify(nurse)).statusCode).toBe(400);
    expect((await verify(nurse2, 'wrong')).statusCode).toBe(403);
    const verified = await verify(nurse2);
    expect(verified.statusCode).toBe(201);
    expect(verified.json()).toMatchObject({ verifiedBy: { displayName: 'Avery Lindqvist' }, verifiedAt: '2026-11-23T15:00:00.000Z' });
    expect((await verify(md)).statusCode).toBe(409);
    expect((await post('/api/inventory/lots/00000000-0000-4000-8000-000000000000/verification', { signature: { password: 'glia-demo' } }, nurse2)).statusCode).toBe(404);
  });

  it('refuses an expired lot and the same lot on the same invoice twice', async () => {
    const body = { productId: catalog.k50.id, locationId: catalog.safe.id, vials: 1, lotNumber: 'RCV-2', supplier: 'S', invoiceNumber: 'I-2', verifier: signerOf('medical-director') };
    expect((await post('/api/inventory/lots', { ...body, expiresOn: '2026-11-01' })).json().errors).toEqual([{ field: 'expiresOn', reason: expect.stringContaining('expired') }]);
    expect((await post('/api/inventory/lots', { ...body, expiresOn: '2028-01-31' })).statusCode).toBe(201);
    expect((await post('/api/inventory/lots', { ...body, expiresOn: '2028-01-31' })).statusCode).toBe(409);
  });

  it('validates the body field by field (400)', async () => {
    const res = await post('/api/inventory/lots', { productId: 'x', vials: 0, expiresOn: '2028-02-30', extra: 1 });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['productId', 'vials', 'expiresOn', 'extra']));
  });
});

describe('draws', () => {
  it('converts mg to mL at the lot concentration (0.01 mL) and records the session', async () => {
    const lot = await receiveLot(t, nurse, { productId: catalog.k100.id, locationId: catalog.cabinet.id, vials: 1 });
    const sessionId = '5f0c7a3e-55b1-4d6f-9c0e-3f1b2a4c5d6e';
    const d = await draw(lot.id, { mg: 37.3, sessionId });
    expect(d.entry).toMatchObject({ kind: 'draw', quantityMl: 0.37, quantityMg: 37, sessionId, details: { orderedMg: 37.3 } });
    expect(d).toMatchObject({ balanceMl: 4.63, balanceMg: 463 });
  });

  it('refuses a draw from an expired lot (rule 39)', async () => {
    const lot = await receiveLot(t, nurse, { productId: catalog.k50.id, locationId: catalog.safe.id, vials: 1, expiresOn: '2026-11-23' });
    expect((await post(`/api/inventory/lots/${lot.id}/draws`, { mg: 10 })).statusCode).toBe(201);
    await moveClock(24 * 3_600_000);
    const res = await post(`/api/inventory/lots/${lot.id}/draws`, { mg: 10 });
    await moveClock(-24 * 3_600_000);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'RULE_BLOCKED', rule: 39 });
  });

  it('draws from the cabinet when the lot is kept in the safe and the cabinet, or from the location named', async () => {
    const lot = await receiveLot(t, nurse, { productId: catalog.k50.id, locationId: catalog.safe.id, vials: 2 });
    const moved = await post(`/api/inventory/lots/${lot.id}/transfers`, { fromLocationId: catalog.safe.id, toLocationId: catalog.cabinet.id, ml: 10 });
    expect(moved.statusCode).toBe(201);
    expect((moved.json() as LedgerEntry[]).map((e) => [e.kind, e.locationName, e.stockAfterMl])).toEqual([['transfer-out', catalog.safe.name, 10], ['transfer-in', catalog.cabinet.name, 10]]);
    const d = await draw(lot.id, { mg: 50 });
    expect(d.entry).toMatchObject({ locationId: catalog.cabinet.id, stockAfterMl: 9 });
    // More than the cabinet holds but not more than the safe: taken from the safe.
    const big = await draw(lot.id, { ml: 9.5 });
    expect(big.entry).toMatchObject({ locationId: catalog.safe.id, stockAfterMl: 0.5 });
    const named = await draw(lot.id, { ml: 0.5, locationId: catalog.safe.id });
    expect(named.entry).toMatchObject({ locationId: catalog.safe.id, stockAfterMl: 0 });
    expect(named.balanceMl).toBe(9);
  });

  it('answers 409 with the balance when the draw would overdraw, and 404 for an unknown lot', async () => {
    const lot = await receiveLot(t, nurse, { productId: catalog.k100.id, locationId: catalog.safe.id, vials: 1 });
    const res = await post(`/api/inventory/lots/${lot.id}/draws`, { ml: 5.01 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CONFLICT', balanceMl: 5, balanceMg: 500 });
    expect((await post('/api/inventory/lots/00000000-0000-4000-8000-000000000000/draws', { mg: 1 })).statusCode).toBe(404);
  });

  it('takes the quantity in mg or mL, not both', async () => {
    const lot = await receiveLot(t, nurse, { productId: catalog.k50.id, locationId: catalog.safe.id, vials: 1 });
    expect((await post(`/api/inventory/lots/${lot.id}/draws`, { mg: 10, ml: 0.2 })).statusCode).toBe(400);
    expect((await post(`/api/inventory/lots/${lot.id}/draws`, {})).statusCode).toBe(400);
    expect((await post(`/api/inventory/lots/${lot.id}/draws`, { ml: 0.005 })).json().errors[0]).toMatchObject({ field: 'ml', reason: expect.stringContaining('0.01') });
  });
});

describe('administration, witnessed waste and the rule 34 record', () => {
  let lot: Lot;
  let drawId: string;

  beforeAll(async () => {
    lot = await receiveLot(t, nurse, { productId: catalog.k50.id, locationId: catalog.cabinet.id, vials: 1 });
    drawId = (await draw(lot.id, { mg: 40 })).entry.id;
  });

  it('records the dose given and keeps the record open until drawn = given + wasted (rule 34)', async () => {
    const res = await post(`/api/inventory/lots/${lot.id}/draws/${drawId}/administrations`, { patientId, mg: 35 });
    expect(res.statusCode).toBe(201);
    const record = res.json() as AdministrationRecord;
    expect(record).toMatchObject({ drawnMl: 0.8, drawnMg: 40, givenMl: 0.7, givenMg: 35, wastedMl: 0, status: 'open', patient: { id: patientId, address: expect.stringContaining('Street') }, administeredBy: [{ displayName: 'Jamie Castillo' }] });
    expect(record.findings).toMatchObject([{ rule: 34, code: 'amount-unbalanced' }]);
    const close = await post(`/api/inventory/lots/${lot.id}/draws/${drawId}/close`, {});
    expect(close.statusCode).toBe(422);
    expect(close.json()).toMatchObject({ rule: 34 });
  });

  it('refuses giving the draw to a second patient, and giving more than was drawn (rule 34)', async () => {
    expect((await post(`/api/inventory/lots/${lot.id}/draws/${drawId}/administrations`, { patientId: otherPatientId, mg: 1 })).statusCode).toBe(409);
    const over = await post(`/api/inventory/lots/${lot.id}/draws/${drawId}/administrations`, { patientId, ml: 0.2 });
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ rule: 34 });
  });

  it.each([
    { title: 'no second person (the nurse as their own witness)', witness: () => signerOf('nurse'), status: 422, rule: 35 },
    { title: 'an unlicensed witness', witness: () => signerOf('front-desk'), status: 422, rule: 35 },
    { title: 'a witness with the wrong password', witness: () => signerOf('nurse2', 'wrong'), status: 403, rule: undefined },
  ])('refuses a waste witnessed by $title (rule 35)', async ({ witness, status, rule }) => {
    const res = await post(`/api/inventory/lots/${lot.id}/draws/${drawId}/wastes`, { ml: 0.1, witness: witness() });
    expect(res.statusCode).toBe(status);
    if (rule) expect(res.json()).toMatchObject({ code: 'RULE_BLOCKED', rule });
  });

  it('records a waste witnessed on the same tablet, balances and closes the record', async () => {
    const res = await post(`/api/inventory/lots/${lot.id}/draws/${drawId}/wastes`, { ml: 0.1, witness: signerOf('nurse2') });
    expect(res.statusCode).toBe(201);
    expect((res.json() as WasteRecorded).entry).toMatchObject({ kind: 'waste', quantityMl: 0.1, quantityMg: 5, witness: { displayName: 'Avery Lindqvist', credentials: 'RN' }, patientId, details: { witnessedOn: 'same device' } });
    const closed = await post(`/api/inventory/lots/${lot.id}/draws/${drawId}/close`, {});
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', drawnMl: 0.8, givenMl: 0.7, wastedMl: 0.1, findings: [], witnesses: [{ displayName: 'Avery Lindqvist' }] });
    expect((await post(`/api/inventory/lots/${lot.id}/draws/${drawId}/administrations`, { patientId, ml: 0.01 })).statusCode).toBe(409);
  });

  it('lets a witness sign a waste on a second device', async () => {
    const d = await draw(lot.id, { mg: 30 });
    await post(`/api/inventory/lots/${lot.id}/draws/${d.entry.id}/administrations`, { patientId, mg: 25 });
    const pending = await post(`/api/inventory/lots/${lot.id}/draws/${d.entry.id}/wastes`, { mg: 5 });
    expect(pending.statusCode).toBe(202);
    const waiting = (pending.json() as WasteRecorded).pending!;
    expect(waiting).toMatchObject({ status: 'pending', quantityMl: 0.1, wastedBy: { displayName: 'Jamie Castillo' } });
    expect(((await t.request({ method: 'GET', url: '/api/inventory/pending-wastes', cookie: nurse2 })).json() as PendingWaste[]).map((p) => p.id)).toContain(waiting.id);
    // While it waits, the amount cannot be wasted twice and the record cannot be closed.
    expect((await post(`/api/inventory/lots/${lot.id}/draws/${d.entry.id}/wastes`, { mg: 5, witness: signerOf('nurse2') })).statusCode).toBe(422);
    expect((await post(`/api/inventory/lots/${lot.id}/draws/${d.entry.id}/close`, {})).statusCode).toBe(409);
    // The person who wasted cannot witness their own waste.
    expect((await post(`/api/inventory/pending-wastes/${waiting.id}/witness`, { signature: { password: 'glia-demo' } }, nurse)).statusCode).toBe(422);
    t.clock.advanceMinutes(5);
    const signed = await post(`/api/inventory/pending-wastes/${waiting.id}/witness`, { signature: { password: 'glia-demo' } }, nurse2);
    expect(signed.statusCode).toBe(201);
    expect(signed.json()).toMatchObject({ kind: 'waste', user: { displayName: 'Jamie Castillo' }, witness: { displayName: 'Avery Lindqvist' }, details: { witnessedOn: 'second device' } });
    expect((signed.json() as LedgerEntry).occurredAt).toBe(waiting.wastedAt);
    expect((await post(`/api/inventory/pending-wastes/${waiting.id}/witness`, { signature: { password: 'glia-demo' } }, nurse2)).statusCode).toBe(409);
    expect((await post(`/api/inventory/lots/${lot.id}/draws/${d.entry.id}/close`, {})).json()).toMatchObject({ status: 'closed' });
  });

  it('refuses a witness signing outside the shift window (rule 35)', async () => {
    const d = await draw(lot.id, { mg: 10 });
    await post(`/api/inventory/lots/${lot.id}/draws/${d.entry.id}/administrations`, { patientId, mg: 5 });
    const waiting = ((await post(`/api/inventory/lots/${lot.id}/draws/${d.entry.id}/wastes`, { mg: 5 })).json() as WasteRecorded).pending!;
    await moveClock(13 * 3_600_000);
    const late = await post(`/api/inventory/pending-wastes/${waiting.id}/witness`, { signature: { password: 'glia-demo' } }, await t.loginAs('prescriber'));
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ rule: 35, detail: expect.stringContaining('12 h') });
    expect((await post(`/api/inventory/pending-wastes/${waiting.id}/cancel`, {}, nurse2)).statusCode).toBe(403);
    expect((await post(`/api/inventory/pending-wastes/${waiting.id}/cancel`, {})).statusCode).toBe(204);
    expect((await post(`/api/inventory/pending-wastes/${waiting.id}/cancel`, {})).statusCode).toBe(409);
  });

  it('404s a draw that belongs to another lot (object-level access)', async () => {
    const other = await receiveLot(t, nurse, { productId: catalog.k50.id, locationId: catalog.cabinet.id, vials: 1 });
    expect((await t.request({ method: 'GET', url: `/api/inventory/lots/${other.id}/draws/${drawId}`, cookie: nurse })).statusCode).toBe(404);
    expect((await post(`/api/inventory/lots/${other.id}/draws/${drawId}/administrations`, { patientId, mg: 1 })).statusCode).toBe(404);
    expect((await post(`/api/inventory/lots/${other.id}/entries/${drawId}/reversals`, { reason: 'x' })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/inventory/lots/${lot.id}/draws/${drawId}`, cookie: nurse })).statusCode).toBe(200);
  });
});

describe('reversals, returns and losses', () => {
  it('corrects a mistaken draw with a reversing entry, once, and never reverses a reversal', async () => {
    const lot = await receiveLot(t, nurse, { productId: catalog.k50.id, locationId: catalog.safe.id, vials: 1 });
    const d = await draw(lot.id, { mg: 100 });
    const res = await post(`/api/inventory/lots/${lot.id}/entries/${d.entry.id}/reversals`, { reason: 'Drew from the wrong lot' });
    expect(res.statusCode).toBe(201);
    const [reversal] = (res.json() as { entries: LedgerEntry[] }).entries;
    expect(reversal).toMatchObject({ kind: 'reversal', reversedKind: 'draw', reversesEntryId: d.entry.id, stockChangeMl: 2, drawnChangeMl: -2, stockAfterMl: 10, reason: 'Drew from the wrong lot' });
    expect((await post(`/api/inventory/lots/${lot.id}/entries/${d.entry.id}/reversals`, { reason: 'again' })).statusCode).toBe(409);
    expect((await post(`/api/inventory/lots/${lot.id}/entries/${reversal!.id}/reversals`, { reason: 'undo' })).statusCode).toBe(422);
    const detail = await lotDetail(lot.id);
    expect(detail.entries.find((e) => e.id === d.entry.id)!.reversedByEntryId).toBe(reversal!.id);
    expect(detail).toMatchObject({ balanceMl: 10, drawnUnaccountedMl: 0, bookCheck: { ok: true } });
  });

  it('refuses to reverse a receipt whose stock was already drawn, and a draw already given', async () => {
    const lot = await receiveLot(t, nurse, { productId: catalog.k50.id, locationId: catalog.safe.id, vials: 1 });
    const receipt = (await lotDetail(lot.id)).entries[0]!;
    const d = await draw(lot.id, { ml: 1 });
    expect((await post(`/api/inventory/lots/${lot.id}/entries/${receipt.id}/reversals`, { reason: 'wrong lot number' })).statusCode).toBe(409);
    await post(`/api/inventory/lots/${lot.id}/draws/${d.entry.id}/administrations`, { patientId, ml: 1 });
    expect((await post(`/api/inventory/lots/${lot.id}/entries/${d.entry.id}/reversals`, { reason: 'x' })).statusCode).toBe(409);
  });

  it('reverses a transfer as a whole', async () => {
    const lot = await receiveLot(t, nurse, { productId: catalog.k50.id, locationId: catalog.safe.id, vials: 1 });
    const [out] = (await post(`/api/inventory/lots/${lot.id}/transfers`, { fromLocationId: catalog.safe.id, toLocationId: catalog.cabinet.id, ml: 4 })).json() as LedgerEntry[];
    const res = await post(`/api/inventory/lots/${lot.id}/entries/${out!.id}/reversals`, { reason: 'Moved the wrong box' });
    expect((res.json() as { entries: LedgerEntry[] }).entries.map((e) => e.reversedKind)).toEqual(['transfer-in', 'transfer-out']);
    expect((await lotDetail(lot.id)).locations).toEqual([expect.objectContaining({ locationId: catalog.safe.id, balanceMl: 10 })]);
  });

  it.each([
    { reason: 'expired', route: 'reverse-distributor', status: 201 },
    { reason: 'unwanted', route: 'form-41', status: 201 },
    { reason: 'expired', route: 'waste-log', status: 422 },
    { reason: 'recalled', route: 'breakage-record', status: 422 },
  ])('returns $reason stock via $route: $status (rule 39)', async ({ reason, route, status }) => {
    const lot = await receiveLot(t, nurse, { productId: catalog.k100.id, locationId: catalog.safe.id, vials: 1 });
    const res = await post(`/api/inventory/lots/${lot.id}/returns`, { locationId: catalog.safe.id, ml: 5, reason, route, recipient: 'Reverse Co (demo)', recipientDeaNumber: 'RR1234567', reference: 'RA-1' });
    expect(res.statusCode).toBe(status);
    if (status === 422) expect(res.json()).toMatchObject({ rule: 39 });
    else expect(res.json()).toMatchObject({ kind: 'return', stockChangeMl: -5, details: { route, recipient: 'Reverse Co (demo)', recipientDeaNumber: 'RR1234567' } });
  });

  it('starts the two DEA deadlines on a theft found on a Friday (rule 38) and stops each when marked done', async () => {
    const lot = await receiveLot(t, nurse, { productId: catalog.k50.id, locationId: catalog.safe.id, vials: 1 });
    // 2026-11-20 is a Friday; 20:00 in Chicago is already Saturday in UTC, and the clinic date counts.
    const res = await post(`/api/inventory/lots/${lot.id}/losses`, { locationId: catalog.safe.id, ml: 10, kind: 'theft', description: 'Vial missing after the weekend check', discoveredAt: '2026-11-21T02:00:00Z' });
    expect(res.statusCode).toBe(201);
    const report = (res.json() as { lossReport: LossReport }).lossReport;
    expect(report).toMatchObject({ kind: 'theft', discoveredOn: '2026-11-20', lots: [{ lotId: lot.id, quantityMl: 10, quantityMg: 500 }], open: true });
    expect(report.deadlines).toMatchObject([
      { milestone: 'written-notice', dueOn: '2026-11-23', status: 'due', daysLeft: 0 },
      { milestone: 'form-106', dueOn: '2027-01-04', status: 'due' },
    ]);
    expect((await post(`/api/inventory/loss-reports/${report.id}/milestones`, { milestone: 'written-notice', completedOn: '2026-11-23' }, nurse)).statusCode).toBe(403);
    const done = await post(`/api/inventory/loss-reports/${report.id}/milestones`, { milestone: 'written-notice', completedOn: '2026-11-23', reference: 'Faxed to DEA Chicago Field Division' }, md);
    expect(done.json()).toMatchObject({ deadlines: [{ status: 'done', reference: 'Faxed to DEA Chicago Field Division' }, { status: 'due' }], open: true });
    expect((await post(`/api/inventory/loss-reports/${report.id}/milestones`, { milestone: 'written-notice', completedOn: '2026-11-23' }, md)).statusCode).toBe(409);
    const overview = (await t.request({ method: 'GET', url: '/api/inventory/overview', cookie: nurse })).json();
    expect(overview.openLossReports.map((r: LossReport) => r.id)).toContain(report.id);
  });

  it('requires a licensed second signature for a breakage record (rule 39)', async () => {
    const lot = await receiveLot(t, nurse, { productId: catalog.k50.id, locationId: catalog.safe.id, vials: 1 });
    const body = { locationId: catalog.safe.id, ml: 10, kind: 'breakage', description: 'Vial dropped and shattered' };
    expect((await post(`/api/inventory/lots/${lot.id}/losses`, body)).json().errors[0].field).toBe('witness');
    const res = await post(`/api/inventory/lots/${lot.id}/losses`, { ...body, witness: signerOf('nurse2') });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ entry: { kind: 'loss', witness: { displayName: 'Avery Lindqvist' }, details: { lossKind: 'breakage' } }, lossReport: null });
  });
});

describe('who may use the ledger', () => {
  it.each(['front-desk', 'billing', 'admin'] as const)('keeps %s out (403)', async (role) => {
    const cookie = await t.loginAs(role);
    expect((await t.request({ method: 'GET', url: '/api/inventory/lots', cookie })).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: `/api/inventory/lots/${catalog.k50.id}/draws`, cookie, payload: { mg: 1 } })).statusCode).toBe(403);
  });

  it('lets only the medical director add products and locations', async () => {
    const body = { name: 'Test cabinet', kind: 'cabinet' };
    expect((await post('/api/inventory/locations', body, nurse)).statusCode).toBe(403);
    expect((await post('/api/inventory/locations', body, md)).statusCode).toBe(201);
    expect((await post('/api/inventory/locations', body, md)).statusCode).toBe(409);
    const product = await post('/api/inventory/products', { name: 'Ketamine 10 mg/mL', ndc: '55555-0010-20', concentrationMgPerMl: 10, vialVolumeMl: 20, schedule: 'III' }, md);
    expect(product.json()).toMatchObject({ concentrationMgPerMl: 10, vialVolumeMl: 20 });
    expect((await post('/api/inventory/products', { name: 'x', ndc: '123', concentrationMgPerMl: 1.5, vialVolumeMl: 1, schedule: 'III' }, md)).json().errors.map((e: { field: string }) => e.field)).toEqual(['ndc', 'concentrationMgPerMl']);
  });
});

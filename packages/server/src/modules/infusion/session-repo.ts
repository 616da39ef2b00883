/** SQL of the infusion session aggregate: the session row and its append-only chart. */
import { and, asc, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import {
  adverseEvents, chairs, infusionSessions, patients, rescueDrugs, sessionAlerts, sessionEvents, sessionNotes, sessionReadings, users,
} from '../../db/schema/index.ts';

export type SessionRow = typeof infusionSessions.$inferSelect;
export type EventRow = typeof sessionEvents.$inferSelect;
export type ReadingRow = typeof sessionReadings.$inferSelect;
export type AlertRow = typeof sessionAlerts.$inferSelect;
export type AdverseRow = typeof adverseEvents.$inferSelect;
export type RescueRow = typeof rescueDrugs.$inferSelect;
export type NoteRow = typeof sessionNotes.$inferSelect;
export type PatientRow = typeof patients.$inferSelect;
export type ChairRow = typeof chairs.$inferSelect;

export async function findSession(db: DbOrTx, id: string): Promise<SessionRow | null> {
  return (await db.select().from(infusionSessions).where(eq(infusionSessions.id, id)))[0] ?? null;
}

/** Locks the session row so that concurrent chart writes of one session serialize (event numbering, alerts). */
export async function lockSession(db: DbOrTx, id: string): Promise<SessionRow | null> {
  return (await db.select().from(infusionSessions).where(eq(infusionSessions.id, id)).for('update'))[0] ?? null;
}

export async function findSessionByAppointment(db: DbOrTx, appointmentId: string): Promise<SessionRow | null> {
  return (await db.select().from(infusionSessions).where(eq(infusionSessions.appointmentId, appointmentId)))[0] ?? null;
}

export const listSessionsOn = (db: DbOrTx, serviceDate: string): Promise<SessionRow[]> =>
  db.select().from(infusionSessions).where(eq(infusionSessions.serviceDate, serviceDate)).orderBy(asc(infusionSessions.arrivedAt));

export const listSessionsOfPatient = (db: DbOrTx, patientId: string): Promise<SessionRow[]> =>
  db.select().from(infusionSessions).where(eq(infusionSessions.patientId, patientId)).orderBy(desc(infusionSessions.arrivedAt));

export async function insertSession(db: DbOrTx, v: typeof infusionSessions.$inferInsert): Promise<SessionRow> {
  return (await db.insert(infusionSessions).values(v).returning())[0]!;
}

export async function updateSession(db: DbOrTx, id: string, patch: Partial<typeof infusionSessions.$inferInsert>): Promise<SessionRow> {
  return (await db.update(infusionSessions).set({ ...patch, version: sql`${infusionSessions.version} + 1` }).where(eq(infusionSessions.id, id)).returning())[0]!;
}

export const listEvents = (db: DbOrTx, sessionIds: readonly string[]): Promise<EventRow[]> =>
  sessionIds.length === 0 ? Promise.resolve([]) : db.select().from(sessionEvents).where(inArray(sessionEvents.sessionId, [...sessionIds])).orderBy(asc(sessionEvents.sessionId), asc(sessionEvents.seq));

export async function insertEvent(db: DbOrTx, v: Omit<typeof sessionEvents.$inferInsert, 'seq'>): Promise<EventRow> {
  const [last] = await db.select({ seq: max(sessionEvents.seq) }).from(sessionEvents).where(eq(sessionEvents.sessionId, v.sessionId));
  return (await db.insert(sessionEvents).values({ ...v, seq: (last?.seq ?? 0) + 1 }).returning())[0]!;
}

export const listReadings = (db: DbOrTx, sessionIds: readonly string[]): Promise<ReadingRow[]> =>
  sessionIds.length === 0 ? Promise.resolve([]) : db.select().from(sessionReadings).where(inArray(sessionReadings.sessionId, [...sessionIds])).orderBy(asc(sessionReadings.takenAt), asc(sessionReadings.recordedAt));

export async function insertReading(db: DbOrTx, v: typeof sessionReadings.$inferInsert): Promise<ReadingRow> {
  return (await db.insert(sessionReadings).values(v).returning())[0]!;
}

export const listAlerts = (db: DbOrTx, sessionIds: readonly string[]): Promise<AlertRow[]> =>
  sessionIds.length === 0 ? Promise.resolve([]) : db.select().from(sessionAlerts).where(inArray(sessionAlerts.sessionId, [...sessionIds])).orderBy(asc(sessionAlerts.raisedAt));

export async function insertAlert(db: DbOrTx, v: typeof sessionAlerts.$inferInsert): Promise<AlertRow> {
  return (await db.insert(sessionAlerts).values(v).onConflictDoNothing().returning())[0] ?? (await findAlert(db, v.sessionId, v.alertKey))!;
}

export async function findAlert(db: DbOrTx, sessionId: string, key: string): Promise<AlertRow | null> {
  return (await db.select().from(sessionAlerts).where(and(eq(sessionAlerts.sessionId, sessionId), eq(sessionAlerts.alertKey, key))))[0] ?? null;
}

export async function updateAlert(db: DbOrTx, id: string, patch: Partial<typeof sessionAlerts.$inferInsert>): Promise<void> {
  await db.update(sessionAlerts).set(patch).where(eq(sessionAlerts.id, id));
}

export const listAdverseEvents = (db: DbOrTx, sessionId: string): Promise<AdverseRow[]> =>
  db.select().from(adverseEvents).where(eq(adverseEvents.sessionId, sessionId)).orderBy(asc(adverseEvents.occurredAt));

export const listRescueDrugs = (db: DbOrTx, sessionId: string): Promise<RescueRow[]> =>
  db.select().from(rescueDrugs).where(eq(rescueDrugs.sessionId, sessionId)).orderBy(asc(rescueDrugs.givenAt));

export async function insertAdverseEvent(db: DbOrTx, v: typeof adverseEvents.$inferInsert): Promise<AdverseRow> {
  return (await db.insert(adverseEvents).values(v).returning())[0]!;
}

export async function insertRescueDrug(db: DbOrTx, v: typeof rescueDrugs.$inferInsert): Promise<RescueRow> {
  return (await db.insert(rescueDrugs).values(v).returning())[0]!;
}

export async function findNote(db: DbOrTx, sessionId: string): Promise<NoteRow | null> {
  return (await db.select().from(sessionNotes).where(eq(sessionNotes.sessionId, sessionId)))[0] ?? null;
}

export const listNotes = (db: DbOrTx, sessionIds: readonly string[]): Promise<NoteRow[]> =>
  sessionIds.length === 0 ? Promise.resolve([]) : db.select().from(sessionNotes).where(inArray(sessionNotes.sessionId, [...sessionIds]));

export async function insertNote(db: DbOrTx, v: typeof sessionNotes.$inferInsert): Promise<NoteRow> {
  return (await db.insert(sessionNotes).values(v).returning())[0]!;
}

export async function patientsByIds(db: DbOrTx, ids: readonly string[]): Promise<Map<string, PatientRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(patients).where(inArray(patients.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function chairsByIds(db: DbOrTx, ids: readonly string[]): Promise<Map<string, ChairRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(chairs).where(inArray(chairs.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function userNames(db: DbOrTx, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName, credentials: users.credentials }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.credentials ? `${r.name}, ${r.credentials}` : r.name]));
}

/** The first active user holding a role (the escalation target when the patient has no primary clinician). */
export async function firstUserWithRole(db: DbOrTx, role: string): Promise<string | null> {
  const rows = await db.select({ id: users.id }).from(users).where(and(eq(users.active, true), sql`${role} = ANY(${users.roles})`)).orderBy(asc(users.email)).limit(1);
  return rows[0]?.id ?? null;
}

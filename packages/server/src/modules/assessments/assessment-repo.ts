import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { assessments, patients, safetyAlerts, users } from '../../db/schema/index.ts';

export type AssessmentRow = typeof assessments.$inferSelect;
export type AlertRow = typeof safetyAlerts.$inferSelect;

export interface AlertWithPeople {
  alert: AlertRow;
  addressedToName: string | null;
  acknowledgedByName: string | null;
  patient: { mrn: string; givenName: string; familyName: string; preferredName: string | null };
  instrument: string;
}

export const insertAssessment = async (db: DbOrTx, v: typeof assessments.$inferInsert): Promise<AssessmentRow> => (await db.insert(assessments).values(v).returning())[0]!;

export async function listAssessments(db: DbOrTx, patientId: string): Promise<(AssessmentRow & { enteredByName: string | null })[]> {
  const rows = await db.select({ a: assessments, name: users.displayName }).from(assessments).leftJoin(users, eq(users.id, assessments.enteredBy))
    .where(eq(assessments.patientId, patientId)).orderBy(desc(assessments.administeredAt), desc(assessments.enteredAt));
  return rows.map((r) => ({ ...r.a, enteredByName: r.name }));
}

export const insertAlert = async (db: DbOrTx, v: typeof safetyAlerts.$inferInsert): Promise<AlertRow> => (await db.insert(safetyAlerts).values(v).returning())[0]!;

const addressee = alias(users, 'addressee');
const acknowledger = alias(users, 'acknowledger');

function alertQuery(db: DbOrTx) {
  return db.select({
    alert: safetyAlerts, addressedToName: addressee.displayName, acknowledgedByName: acknowledger.displayName,
    patient: { mrn: patients.mrn, givenName: patients.givenName, familyName: patients.familyName, preferredName: patients.preferredName },
    instrument: assessments.instrument,
  }).from(safetyAlerts)
    .innerJoin(patients, eq(patients.id, safetyAlerts.patientId))
    .innerJoin(assessments, eq(assessments.id, safetyAlerts.assessmentId))
    .leftJoin(addressee, eq(addressee.id, safetyAlerts.addressedTo))
    .leftJoin(acknowledger, eq(acknowledger.id, safetyAlerts.acknowledgedBy));
}

/** Open alerts addressed to the user or to no one (mine), or every open alert (all). */
export async function listOpenAlerts(db: DbOrTx, scope: { userId: string } | 'all'): Promise<AlertWithPeople[]> {
  const open = isNull(safetyAlerts.acknowledgedAt);
  const where = scope === 'all' ? open : and(open, or(eq(safetyAlerts.addressedTo, scope.userId), isNull(safetyAlerts.addressedTo)));
  return alertQuery(db).where(where).orderBy(desc(safetyAlerts.raisedAt));
}

export async function listAlertsOfAssessments(db: DbOrTx, assessmentIds: string[]): Promise<AlertWithPeople[]> {
  if (assessmentIds.length === 0) return [];
  return alertQuery(db).where(inArray(safetyAlerts.assessmentId, assessmentIds)).orderBy(desc(safetyAlerts.raisedAt));
}

export async function findAlert(db: DbOrTx, patientId: string, alertId: string): Promise<AlertRow | null> {
  const [row] = await db.select().from(safetyAlerts).where(and(eq(safetyAlerts.id, alertId), eq(safetyAlerts.patientId, patientId))).limit(1).for('update');
  return row ?? null;
}

export async function acknowledgeAlert(db: DbOrTx, alertId: string, userId: string, note: string | null, now: Date): Promise<void> {
  await db.update(safetyAlerts).set({ acknowledgedAt: now, acknowledgedBy: userId, acknowledgementNote: note }).where(eq(safetyAlerts.id, alertId));
}

export async function findAlertWithPeople(db: DbOrTx, alertId: string): Promise<AlertWithPeople | null> {
  const [row] = await alertQuery(db).where(eq(safetyAlerts.id, alertId)).limit(1);
  return row ?? null;
}

import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { intakeRecords, intakeStageChanges, patients, referrals, users } from '../../db/schema/index.ts';

export type IntakeRow = typeof intakeRecords.$inferSelect;
export type ReferralRow = typeof referrals.$inferSelect;
export type StageChangeRow = typeof intakeStageChanges.$inferSelect;

export async function findIntake(db: DbOrTx, patientId: string, opts: { forUpdate?: boolean } = {}): Promise<IntakeRow | null> {
  const q = db.select().from(intakeRecords).where(eq(intakeRecords.patientId, patientId)).limit(1);
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function insertIntake(db: DbOrTx, values: typeof intakeRecords.$inferInsert): Promise<IntakeRow> {
  const [row] = await db.insert(intakeRecords).values(values).returning();
  return row!;
}

export async function updateIntake(db: DbOrTx, patientId: string, values: Partial<typeof intakeRecords.$inferInsert>, expectedVersion?: number): Promise<IntakeRow | null> {
  const where = expectedVersion === undefined ? eq(intakeRecords.patientId, patientId) : and(eq(intakeRecords.patientId, patientId), eq(intakeRecords.version, expectedVersion));
  const [row] = await db.update(intakeRecords).set({ ...values, version: sql`${intakeRecords.version} + 1` }).where(where).returning();
  return row ?? null;
}

/** Moves the stage; the profile's version is for profile edits only, so it does not change. */
export async function updateStage(db: DbOrTx, patientId: string, values: Pick<typeof intakeRecords.$inferInsert, 'stage' | 'stageChangedAt' | 'stageChangedBy'>): Promise<IntakeRow> {
  const [row] = await db.update(intakeRecords).set(values).where(eq(intakeRecords.patientId, patientId)).returning();
  return row!;
}

export async function insertStageChange(db: DbOrTx, values: typeof intakeStageChanges.$inferInsert): Promise<void> {
  await db.insert(intakeStageChanges).values(values);
}

export async function listStageChanges(db: DbOrTx, patientId: string): Promise<(StageChangeRow & { changedByName: string | null })[]> {
  const rows = await db.select({ c: intakeStageChanges, name: users.displayName }).from(intakeStageChanges)
    .leftJoin(users, eq(users.id, intakeStageChanges.changedBy))
    .where(eq(intakeStageChanges.patientId, patientId)).orderBy(asc(intakeStageChanges.changedAt), asc(intakeStageChanges.id));
  return rows.map((r) => ({ ...r.c, changedByName: r.name }));
}

export async function insertReferral(db: DbOrTx, values: typeof referrals.$inferInsert): Promise<ReferralRow> {
  const [row] = await db.insert(referrals).values(values).returning();
  return row!;
}

export async function listReferrals(db: DbOrTx, patientId: string): Promise<ReferralRow[]> {
  return db.select().from(referrals).where(eq(referrals.patientId, patientId)).orderBy(desc(referrals.receivedOn), desc(referrals.createdAt));
}

const clinician = alias(users, 'clinician');

/** Patients in the program, optionally at one stage, most recently moved first, with their latest referral's indication. */
export async function listStaged(db: DbOrTx, stage: string | undefined, limit: number): Promise<{
  patient: typeof patients.$inferSelect; intake: IntakeRow; clinicianId: string | null; clinicianName: string | null; indication: string | null;
}[]> {
  const latestIndication = sql<string | null>`(SELECT r.indication FROM referrals r WHERE r.patient_id = ${patients.id} ORDER BY r.received_on DESC, r.created_at DESC LIMIT 1)`;
  const rows = await db
    .select({ patient: patients, intake: intakeRecords, clinicianId: clinician.id, clinicianName: clinician.displayName, indication: latestIndication })
    .from(intakeRecords)
    .innerJoin(patients, eq(patients.id, intakeRecords.patientId))
    .leftJoin(clinician, eq(clinician.id, patients.primaryClinicianId))
    .where(stage ? eq(intakeRecords.stage, stage) : undefined)
    .orderBy(desc(intakeRecords.stageChangedAt), asc(patients.familyName))
    .limit(limit);
  return rows;
}

export async function countByStage(db: DbOrTx): Promise<{ stage: string; n: number }[]> {
  const rows = await db.select({ stage: intakeRecords.stage, n: count() }).from(intakeRecords).groupBy(intakeRecords.stage);
  return rows.map((r) => ({ stage: r.stage, n: Number(r.n) }));
}

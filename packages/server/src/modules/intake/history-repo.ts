import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { allergies, antidepressantTrials, medications, observations, problems, substanceUseAssessments, users } from '../../db/schema/index.ts';

export type ProblemRow = typeof problems.$inferSelect;
export type TrialRow = typeof antidepressantTrials.$inferSelect;
export type MedicationRow = typeof medications.$inferSelect;
export type AllergyRow = typeof allergies.$inferSelect;
export type SubstanceUseRow = typeof substanceUseAssessments.$inferSelect;
export type ObservationRow = typeof observations.$inferSelect;

export const insertProblem = async (db: DbOrTx, v: typeof problems.$inferInsert): Promise<ProblemRow> => (await db.insert(problems).values(v).returning())[0]!;
export const listProblems = (db: DbOrTx, patientId: string): Promise<ProblemRow[]> =>
  db.select().from(problems).where(eq(problems.patientId, patientId)).orderBy(asc(problems.status), asc(problems.createdAt));
export async function findProblem(db: DbOrTx, patientId: string, id: string): Promise<ProblemRow | null> {
  const [row] = await db.select().from(problems).where(and(eq(problems.id, id), eq(problems.patientId, patientId))).limit(1).for('update');
  return row ?? null;
}
export async function updateProblem(db: DbOrTx, id: string, v: Partial<typeof problems.$inferInsert>): Promise<ProblemRow> {
  return (await db.update(problems).set(v).where(eq(problems.id, id)).returning())[0]!;
}

export const insertTrial = async (db: DbOrTx, v: typeof antidepressantTrials.$inferInsert): Promise<TrialRow> => (await db.insert(antidepressantTrials).values(v).returning())[0]!;
export const listTrials = (db: DbOrTx, patientId: string): Promise<TrialRow[]> =>
  db.select().from(antidepressantTrials).where(eq(antidepressantTrials.patientId, patientId)).orderBy(asc(antidepressantTrials.createdAt), asc(antidepressantTrials.id));

export const insertMedication = async (db: DbOrTx, v: typeof medications.$inferInsert): Promise<MedicationRow> => (await db.insert(medications).values(v).returning())[0]!;
export const listMedications = (db: DbOrTx, patientId: string): Promise<MedicationRow[]> =>
  db.select().from(medications).where(eq(medications.patientId, patientId)).orderBy(desc(medications.active), asc(medications.name));
export async function findMedication(db: DbOrTx, patientId: string, id: string): Promise<MedicationRow | null> {
  const [row] = await db.select().from(medications).where(and(eq(medications.id, id), eq(medications.patientId, patientId))).limit(1).for('update');
  return row ?? null;
}
export async function updateMedication(db: DbOrTx, id: string, v: Partial<typeof medications.$inferInsert>): Promise<MedicationRow> {
  return (await db.update(medications).set(v).where(eq(medications.id, id)).returning())[0]!;
}

export const insertAllergy = async (db: DbOrTx, v: typeof allergies.$inferInsert): Promise<AllergyRow> => (await db.insert(allergies).values(v).returning())[0]!;
export const listAllergies = (db: DbOrTx, patientId: string): Promise<AllergyRow[]> =>
  db.select().from(allergies).where(eq(allergies.patientId, patientId)).orderBy(asc(allergies.substance));

export const insertSubstanceUse = async (db: DbOrTx, v: typeof substanceUseAssessments.$inferInsert): Promise<SubstanceUseRow> =>
  (await db.insert(substanceUseAssessments).values(v).returning())[0]!;
export const listSubstanceUse = (db: DbOrTx, patientId: string): Promise<SubstanceUseRow[]> =>
  db.select().from(substanceUseAssessments).where(eq(substanceUseAssessments.patientId, patientId)).orderBy(desc(substanceUseAssessments.assessedOn), desc(substanceUseAssessments.createdAt));

export const insertObservation = async (db: DbOrTx, v: typeof observations.$inferInsert): Promise<ObservationRow> => (await db.insert(observations).values(v).returning())[0]!;
export async function listObservations(db: DbOrTx, patientId: string, kind?: string): Promise<(ObservationRow & { recordedByName: string | null })[]> {
  const rows = await db.select({ o: observations, name: users.displayName }).from(observations).leftJoin(users, eq(users.id, observations.recordedBy))
    .where(kind ? and(eq(observations.patientId, patientId), eq(observations.kind, kind)) : eq(observations.patientId, patientId))
    .orderBy(desc(observations.observedOn), desc(observations.recordedAt));
  return rows.map((r) => ({ ...r.o, recordedByName: r.name }));
}

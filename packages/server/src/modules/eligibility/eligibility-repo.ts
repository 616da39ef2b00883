import { asc, desc, eq, inArray, and } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { eligibilityAcknowledgements, eligibilityDecisions, eligibilityOverrides, evaluationNotes, users } from '../../db/schema/index.ts';

export type DecisionRow = typeof eligibilityDecisions.$inferSelect;
export type OverrideRow = typeof eligibilityOverrides.$inferSelect;
export type AckRow = typeof eligibilityAcknowledgements.$inferSelect;
export type NoteRow = typeof evaluationNotes.$inferSelect;
export interface Person { id: string; displayName: string; credentials: string | null }

export const insertDecision = async (db: DbOrTx, v: typeof eligibilityDecisions.$inferInsert): Promise<DecisionRow> => (await db.insert(eligibilityDecisions).values(v).returning())[0]!;

export async function insertOverrides(db: DbOrTx, rows: (typeof eligibilityOverrides.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(eligibilityOverrides).values(rows);
}
export async function insertAcknowledgements(db: DbOrTx, rows: (typeof eligibilityAcknowledgements.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(eligibilityAcknowledgements).values(rows);
}

export async function latestDecision(db: DbOrTx, patientId: string): Promise<DecisionRow | null> {
  const [row] = await db.select().from(eligibilityDecisions).where(eq(eligibilityDecisions.patientId, patientId)).orderBy(desc(eligibilityDecisions.signedAt)).limit(1);
  return row ?? null;
}

export const listDecisions = (db: DbOrTx, patientId: string): Promise<DecisionRow[]> =>
  db.select().from(eligibilityDecisions).where(eq(eligibilityDecisions.patientId, patientId)).orderBy(desc(eligibilityDecisions.signedAt));

export async function findDecision(db: DbOrTx, patientId: string, id: string): Promise<DecisionRow | null> {
  const [row] = await db.select().from(eligibilityDecisions).where(and(eq(eligibilityDecisions.id, id), eq(eligibilityDecisions.patientId, patientId))).limit(1);
  return row ?? null;
}

export const listOverrides = async (db: DbOrTx, decisionIds: string[]): Promise<OverrideRow[]> =>
  decisionIds.length === 0 ? [] : db.select().from(eligibilityOverrides).where(inArray(eligibilityOverrides.decisionId, decisionIds)).orderBy(asc(eligibilityOverrides.rule));
export const listAcknowledgements = async (db: DbOrTx, decisionIds: string[]): Promise<AckRow[]> =>
  decisionIds.length === 0 ? [] : db.select().from(eligibilityAcknowledgements).where(inArray(eligibilityAcknowledgements.decisionId, decisionIds)).orderBy(asc(eligibilityAcknowledgements.rule));

export async function people(db: DbOrTx, ids: string[]): Promise<Map<string, Person>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, displayName: users.displayName, credentials: users.credentials }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

export const insertNote = async (db: DbOrTx, v: typeof evaluationNotes.$inferInsert): Promise<NoteRow> => (await db.insert(evaluationNotes).values(v).returning())[0]!;
export const listNotes = (db: DbOrTx, patientId: string): Promise<NoteRow[]> =>
  db.select().from(evaluationNotes).where(eq(evaluationNotes.patientId, patientId)).orderBy(desc(evaluationNotes.signedAt));
export async function findNote(db: DbOrTx, patientId: string, id: string): Promise<NoteRow | null> {
  const [row] = await db.select().from(evaluationNotes).where(and(eq(evaluationNotes.id, id), eq(evaluationNotes.patientId, patientId))).limit(1);
  return row ?? null;
}

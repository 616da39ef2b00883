import { and, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { patientMrnSeq, patients, users } from '../../db/schema/index.ts';
import { escapeLike, type PatientSearch } from './patient-search.ts';

export type PatientRow = typeof patients.$inferSelect;
export type PatientInsert = typeof patients.$inferInsert;
export interface PatientWithClinician {
  patient: PatientRow;
  clinician: { id: string; displayName: string } | null;
}

const clinician = alias(users, 'clinician');

const selection = {
  patient: patients,
  clinician: { id: clinician.id, displayName: clinician.displayName },
};

function withClinician(rows: { patient: PatientRow; clinician: { id: string | null; displayName: string | null } | null }[]): PatientWithClinician[] {
  return rows.map((r) => ({
    patient: r.patient,
    clinician: r.clinician?.id ? { id: r.clinician.id, displayName: r.clinician.displayName! } : null,
  }));
}

export async function nextMrnNumber(db: DbOrTx): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(db, sql`SELECT nextval(${sql.raw(`'${patientMrnSeq.seqName}'`)}) AS n`);
  return Number(row!.n);
}

export async function insertPatient(db: DbOrTx, values: PatientInsert): Promise<PatientRow> {
  const [row] = await db.insert(patients).values(values).returning();
  return row!;
}

export async function findPatient(db: DbOrTx, id: string): Promise<PatientWithClinician | null> {
  const rows = await db.select(selection).from(patients).leftJoin(clinician, eq(clinician.id, patients.primaryClinicianId)).where(eq(patients.id, id)).limit(1);
  return withClinician(rows)[0] ?? null;
}

/** Patients with the same name and birth date (case-insensitive), the duplicate check. */
export async function findSameNameAndBirthDate(
  db: DbOrTx,
  key: { givenName: string; familyName: string; birthDate: string },
  excludeId?: string,
): Promise<PatientWithClinician[]> {
  const conditions: SQL[] = [
    sql`lower(${patients.givenName}) = lower(${key.givenName})`,
    sql`lower(${patients.familyName}) = lower(${key.familyName})`,
    eq(patients.birthDate, key.birthDate),
  ];
  if (excludeId) conditions.push(sql`${patients.id} <> ${excludeId}`);
  const rows = await db.select(selection).from(patients).leftJoin(clinician, eq(clinician.id, patients.primaryClinicianId)).where(and(...conditions)).limit(5);
  return withClinician(rows);
}

export async function searchPatients(db: DbOrTx, search: PatientSearch, limit: number): Promise<PatientWithClinician[]> {
  let where: SQL | undefined;
  switch (search.kind) {
    case 'recent':
      where = undefined;
      break;
    case 'birthDate':
      where = eq(patients.birthDate, search.birthDate);
      break;
    case 'phone':
      where = or(sql`${patients.phoneDigits} LIKE ${'%' + search.digits + '%'}`, ilike(patients.mrn, `%${search.digits}%`));
      break;
    case 'mrn':
      where = ilike(patients.mrn, `${escapeLike(search.mrn)}%`);
      break;
    case 'name':
      where = and(
        ...search.words.map((w) => {
          const prefix = `${escapeLike(w)}%`;
          return or(ilike(patients.givenName, prefix), ilike(patients.familyName, prefix), ilike(patients.preferredName, prefix))!;
        }),
      );
      break;
  }
  const rows = await db
    .select(selection)
    .from(patients)
    .leftJoin(clinician, eq(clinician.id, patients.primaryClinicianId))
    .where(where)
    .orderBy(...(search.kind === 'recent' ? [desc(patients.updatedAt)] : [patients.familyName, patients.givenName, patients.birthDate]))
    .limit(limit);
  return withClinician(rows);
}

/** Applies a change only if the row is still at `expectedVersion`; returns null when it moved on. */
export async function updatePatientAtVersion(db: DbOrTx, id: string, expectedVersion: number, values: Partial<PatientInsert>): Promise<PatientRow | null> {
  const [row] = await db
    .update(patients)
    .set({ ...values, version: sql`${patients.version} + 1` })
    .where(and(eq(patients.id, id), eq(patients.version, expectedVersion)))
    .returning();
  return row ?? null;
}

/** Active users who can be a patient's primary clinician. */
export async function findClinician(db: DbOrTx, id: string): Promise<{ id: string; roles: string[]; active: boolean } | null> {
  const [row] = await db.select({ id: users.id, roles: users.roles, active: users.active }).from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

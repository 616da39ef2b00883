/**
 * The patient registry: register, find, read and edit patients. Every read and
 * write is audited in the same transaction as the data it touches.
 */
import type { Patient, PatientCreate, PatientSummary, PatientUpdate } from '@glia/contracts';
import type { AppDeps } from '../../deps.ts';
import { conflict, invalidField, notFound } from '../../errors.ts';
import type { DbOrTx } from '../../db/client.ts';
import { recordAudit, type AuditActor } from '../audit/audit-service.ts';
import { getClinic } from '../clinic/clinic-repo.ts';
import { formatMrn } from './mrn.ts';
import {
  findClinician,
  findPatient,
  findSameNameAndBirthDate,
  insertPatient,
  nextMrnNumber,
  searchPatients as searchRows,
  updatePatientAtVersion,
  type PatientInsert,
  type PatientWithClinician,
} from './patient-repo.ts';
import { parsePatientSearch } from './patient-search.ts';

/** Roles that may be named a patient's primary clinician. */
const CLINICIAN_ROLES = new Set(['prescriber', 'medical-director', 'nurse']);

export type PatientServiceDeps = Pick<AppDeps, 'database' | 'now'>;

export function toPatient({ patient: p, clinician }: PatientWithClinician): Patient {
  return {
    id: p.id,
    mrn: p.mrn,
    givenName: p.givenName,
    familyName: p.familyName,
    preferredName: p.preferredName,
    birthDate: p.birthDate,
    sexAtBirth: p.sexAtBirth as Patient['sexAtBirth'],
    genderIdentity: p.genderIdentity,
    pronouns: p.pronouns,
    phone: p.phone,
    email: p.email,
    address: p.address ?? null,
    emergencyContact: p.emergencyContact ?? null,
    usualEscort: p.usualEscort ?? null,
    primaryClinician: clinician,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function toSummary(row: PatientWithClinician): PatientSummary {
  const { id, mrn, givenName, familyName, preferredName, birthDate, phone, primaryClinician } = toPatient(row);
  return { id, mrn, givenName, familyName, preferredName, birthDate, phone, primaryClinician };
}

const phoneDigits = (phone: string | null | undefined): string | null => (phone ? phone.replace(/\D/g, '') : null);

async function checkClinician(db: DbOrTx, id: string | null | undefined): Promise<void> {
  if (!id) return;
  const user = await findClinician(db, id);
  if (!user || !user.active || !user.roles.some((r) => CLINICIAN_ROLES.has(r))) {
    throw invalidField('primaryClinicianId', 'must be an active prescriber, medical director or nurse');
  }
}

function duplicateConflict(matches: PatientWithClinician[]): never {
  throw conflict(
    'A patient with the same name and date of birth is already registered. Check the existing record, or confirm to register a separate patient.',
    { duplicates: matches.map(toSummary) },
    [{ field: 'confirmDuplicate', reason: 'set to true to register a second patient with the same name and date of birth' }],
  );
}

/** Only the columns a create or update may set, from a validated body. */
function columns(input: Omit<PatientUpdate, 'version' | 'confirmDuplicate'>): Partial<PatientInsert> {
  const out: Partial<PatientInsert> = {};
  const keys = ['givenName', 'familyName', 'preferredName', 'birthDate', 'sexAtBirth', 'genderIdentity', 'pronouns', 'phone', 'email', 'address', 'emergencyContact', 'usualEscort', 'primaryClinicianId'] as const;
  for (const key of keys) {
    if (input[key] !== undefined) (out as Record<string, unknown>)[key] = input[key];
  }
  if (input.phone !== undefined) out.phoneDigits = phoneDigits(input.phone);
  return out;
}

export async function registerPatient(deps: PatientServiceDeps, actor: AuditActor, input: PatientCreate): Promise<Patient> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    await checkClinician(tx, input.primaryClinicianId);
    if (!input.confirmDuplicate) {
      const matches = await findSameNameAndBirthDate(tx, input);
      if (matches.length > 0) duplicateConflict(matches);
    }
    const clinic = await getClinic(tx);
    const mrn = formatMrn(clinic.mrnPrefix, await nextMrnNumber(tx));
    const row = await insertPatient(tx, {
      ...(columns(input) as PatientInsert),
      mrn,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.userId,
      updatedBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: 'patient.create',
      resourceType: 'patient',
      resourceId: row.id,
      patientId: row.id,
      details: { mrn, confirmedDuplicate: input.confirmDuplicate === true },
    }, now);
    const created = await findPatient(tx, row.id);
    return toPatient(created!);
  });
}

export async function getPatient(deps: PatientServiceDeps, actor: AuditActor, id: string): Promise<Patient> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const found = await findPatient(tx, id);
    if (!found) throw notFound('Patient');
    await recordAudit(tx, actor, { action: 'patient.read', resourceType: 'patient', resourceId: id, patientId: id }, now);
    return toPatient(found);
  });
}

export async function searchPatients(deps: PatientServiceDeps, actor: AuditActor, query: { q?: string | undefined; limit: number }): Promise<PatientSummary[]> {
  const now = deps.now();
  const search = parsePatientSearch(query.q);
  return deps.database.db.transaction(async (tx) => {
    const rows = await searchRows(tx, search, query.limit);
    await recordAudit(tx, actor, {
      action: 'patient.search',
      resourceType: 'patient',
      details: { query: query.q ?? '', interpretedAs: search.kind, resultCount: rows.length, resultIds: rows.map((r) => r.patient.id) },
    }, now);
    return rows.map(toSummary);
  });
}

export async function updatePatient(deps: PatientServiceDeps, actor: AuditActor, id: string, input: PatientUpdate): Promise<Patient> {
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const current = await findPatient(tx, id);
    if (!current) throw notFound('Patient');
    const expectedVersion = input.version ?? current.patient.version;
    if (expectedVersion !== current.patient.version) {
      throw conflict('Someone else changed this patient since you opened it. Reload to see their changes.', { currentVersion: current.patient.version }, [
        { field: 'version', reason: `is ${expectedVersion} but the record is at version ${current.patient.version}` },
      ]);
    }
    await checkClinician(tx, input.primaryClinicianId);
    const next = {
      givenName: input.givenName ?? current.patient.givenName,
      familyName: input.familyName ?? current.patient.familyName,
      birthDate: input.birthDate ?? current.patient.birthDate,
    };
    const identityChanged =
      next.givenName.toLowerCase() !== current.patient.givenName.toLowerCase() ||
      next.familyName.toLowerCase() !== current.patient.familyName.toLowerCase() ||
      next.birthDate !== current.patient.birthDate;
    if (identityChanged && !input.confirmDuplicate) {
      const matches = await findSameNameAndBirthDate(tx, next, id);
      if (matches.length > 0) duplicateConflict(matches);
    }
    const changes = columns(input);
    const updated = await updatePatientAtVersion(tx, id, expectedVersion, { ...changes, updatedAt: now, updatedBy: actor.userId });
    if (!updated) throw conflict('Someone else changed this patient at the same moment. Reload and try again.');
    await recordAudit(tx, actor, {
      action: 'patient.update',
      resourceType: 'patient',
      resourceId: id,
      patientId: id,
      details: { fields: Object.keys(changes).filter((k) => k !== 'phoneDigits'), version: updated.version },
    }, now);
    return toPatient((await findPatient(tx, id))!);
  });
}

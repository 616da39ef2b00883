/** Small guards every patient-scoped service uses. */
import type { DbOrTx } from '../../db/client.ts';
import { invalidField, notFound } from '../../errors.ts';
import { findPatient, type PatientWithClinician } from '../patients/patient-repo.ts';

/** The patient named in the URL, or 404. Every patient-scoped route starts here. */
export async function requirePatient(tx: DbOrTx, patientId: string): Promise<PatientWithClinician> {
  const found = await findPatient(tx, patientId);
  if (!found) throw notFound('Patient');
  return found;
}

/** Refuses a date after the clinic's today (results and history cannot come from the future). */
export function notInFuture(field: string, date: string | null | undefined, today: string): void {
  if (date != null && date > today) throw invalidField(field, `must not be in the future (today is ${today} in the clinic's time zone)`);
}

/** "Today" and instant→date conversions in the clinic's own zone (dates are clinic-local, clinical.md). */
import type { DbOrTx } from '../../db/client.ts';
import { getClinic } from '../clinic/clinic-repo.ts';

/** The clinic-local calendar date ('YYYY-MM-DD') of an instant. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export interface ClinicDay {
  today: string;
  timeZone: string;
  clinicName: string;
}

export async function clinicDay(db: DbOrTx, now: Date): Promise<ClinicDay> {
  const clinic = await getClinic(db);
  return { today: localDate(now, clinic.timeZone), timeZone: clinic.timeZone, clinicName: clinic.name };
}

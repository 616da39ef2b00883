/** Appointment rows as the API shows them: with patient, chair and nurse names. */
import { inArray } from 'drizzle-orm';
import type { Appointment } from '@glia/contracts';
import type { DbOrTx } from '../../db/client.ts';
import type { appointments } from '../../db/schema/index.ts';
import { chairs, patients, users } from '../../db/schema/index.ts';
import type { Resources } from './resources.ts';

type AppointmentRow = typeof appointments.$inferSelect;

export async function appointmentViews(db: DbOrTx, rows: readonly AppointmentRow[], names?: Pick<Resources, 'chairs' | 'staffNames'>): Promise<Appointment[]> {
  if (rows.length === 0) return [];
  const patientIds = [...new Set(rows.map((r) => r.patientId))];
  const people = new Map((await db.select({ id: patients.id, given: patients.givenName, family: patients.familyName, preferred: patients.preferredName, mrn: patients.mrn }).from(patients).where(inArray(patients.id, patientIds))).map((p) => [p.id, p]));
  const chairNames = new Map(names ? names.chairs.map((c) => [c.id, c.name]) : (await db.select({ id: chairs.id, name: chairs.name }).from(chairs)).map((c) => [c.id, c.name]));
  const nurseIds = [...new Set(rows.map((r) => r.nurseUserId).filter((id): id is string => id !== null))];
  const nurses = names ? names.staffNames : new Map(nurseIds.length ? (await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, nurseIds))).map((u) => [u.id, u.name]) : []);
  return rows.map((r) => {
    const p = people.get(r.patientId);
    return {
      id: r.id,
      patientId: r.patientId,
      patientName: p ? `${p.preferred ?? p.given} ${p.family}` : '',
      mrn: p?.mrn ?? '',
      planId: r.planId,
      appointmentType: r.appointmentType as Appointment['appointmentType'],
      chairId: r.chairId,
      chairName: r.chairId ? (chairNames.get(r.chairId) ?? null) : null,
      nurseUserId: r.nurseUserId,
      nurseName: r.nurseUserId ? (nurses.get(r.nurseUserId) ?? null) : null,
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
      status: r.status as Appointment['status'],
      statusReason: r.statusReason,
      seriesId: r.seriesId,
      occurrenceNumber: r.occurrenceNumber,
      version: r.version,
    };
  });
}

/**
 * Care-team restriction: when the clinic turns it on, a patient's records
 * open only to the patient's care team (members and the primary clinician).
 * Anyone else with a chart role may "break the glass" with a reason: access
 * for a limited time, recorded append-only, audited and listed for the
 * medical director. Medical directors (clinical oversight) and admins are not
 * restricted.
 */
import { and, eq, gt } from 'drizzle-orm';
import type { Role } from '@glia/contracts';
import type { DbOrTx } from '../db/client.ts';
import { appointments, breakGlassAccess, infusionSessions, patientCareTeam, patients, treatmentPlans } from '../db/schema/index.ts';

export const BREAK_GLASS_HOURS = 4;

const UNRESTRICTED_ROLES: readonly Role[] = ['medical-director', 'admin'];

export type CareTeamAccess = 'unrestricted' | 'care-team' | 'break-glass' | 'none';

export async function careTeamAccess(db: DbOrTx, user: { id: string; roles: readonly Role[] }, patientId: string, now: Date): Promise<CareTeamAccess> {
  if (user.roles.some((role) => UNRESTRICTED_ROLES.includes(role))) return 'unrestricted';
  const [member] = await db
    .select({ userId: patientCareTeam.userId })
    .from(patientCareTeam)
    .where(and(eq(patientCareTeam.patientId, patientId), eq(patientCareTeam.userId, user.id)))
    .limit(1);
  if (member) return 'care-team';
  const [primary] = await db.select({ id: patients.id }).from(patients).where(and(eq(patients.id, patientId), eq(patients.primaryClinicianId, user.id))).limit(1);
  if (primary) return 'care-team';
  const [glass] = await db
    .select({ id: breakGlassAccess.id })
    .from(breakGlassAccess)
    .where(and(eq(breakGlassAccess.patientId, patientId), eq(breakGlassAccess.userId, user.id), gt(breakGlassAccess.expiresAt, now)))
    .limit(1);
  return glass ? 'break-glass' : 'none';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Records addressed by their own id that belong to one patient's chart: the
 * care-team restriction follows them to their patient, so a session, a plan
 * or an appointment opens only where the patient's chart would.
 */
const PATIENT_OF_RECORD: readonly { prefix: string; patientOf: (db: DbOrTx, id: string) => Promise<{ patientId: string }[]> }[] = [
  { prefix: '/api/sessions/:id', patientOf: (db, id) => db.select({ patientId: infusionSessions.patientId }).from(infusionSessions).where(eq(infusionSessions.id, id)).limit(1) },
  { prefix: '/api/plans/:id', patientOf: (db, id) => db.select({ patientId: treatmentPlans.patientId }).from(treatmentPlans).where(eq(treatmentPlans.id, id)).limit(1) },
  { prefix: '/api/appointments/:id', patientOf: (db, id) => db.select({ patientId: appointments.patientId }).from(appointments).where(eq(appointments.id, id)).limit(1) },
];

const ownerOf = (routeUrl: string | undefined) => (routeUrl ? PATIENT_OF_RECORD.find((o) => routeUrl === o.prefix || routeUrl.startsWith(`${o.prefix}/`)) : undefined);

/** Whether a route addresses a patient's record by the record's own id. */
export const addressesPatientRecord = (routeUrl: string | undefined): boolean => ownerOf(routeUrl) !== undefined;

/** The patient whose record a route addresses by the record's own id (`/api/sessions/:id/...`), or null. */
export async function patientOfRecord(db: DbOrTx, routeUrl: string | undefined, params: unknown): Promise<string | null> {
  const id = (params as Record<string, unknown> | undefined)?.id;
  const owner = ownerOf(routeUrl);
  if (!owner || typeof id !== 'string' || !UUID.test(id)) return null;
  const [row] = await owner.patientOf(db, id.toLowerCase());
  return row?.patientId ?? null;
}

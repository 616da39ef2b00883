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
import { breakGlassAccess, patientCareTeam, patients } from '../db/schema/index.ts';

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

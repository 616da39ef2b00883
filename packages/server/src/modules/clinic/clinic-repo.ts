import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { clinicSettings } from '../../db/schema/index.ts';

export type ClinicRow = typeof clinicSettings.$inferSelect;

export async function getClinic(db: DbOrTx): Promise<ClinicRow> {
  const [row] = await db.select().from(clinicSettings).where(eq(clinicSettings.id, 1)).limit(1);
  if (!row) throw new Error('clinic settings missing: the database was not initialised');
  return row;
}

export async function updateClinic(db: DbOrTx, patch: Partial<Pick<ClinicRow, 'name' | 'timeZone' | 'phone' | 'mfaRequiredRoles' | 'careTeamRestricted'>>, now: Date): Promise<ClinicRow> {
  const [row] = await db.update(clinicSettings).set({ ...patch, updatedAt: now }).where(eq(clinicSettings.id, 1)).returning();
  return row!;
}

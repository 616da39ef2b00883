/**
 * The clinic's rule configuration: the clinical core's defaults with the clinic's
 * overrides (one JSON row, edited by the medical director). Every module that
 * calls the clinical core reads its thresholds through getClinicRuleConfig().
 */
import { eq } from 'drizzle-orm';
import { resolveClinicRuleConfig, type ClinicRuleConfig, type ClinicRuleConfigOverrides } from '@glia/clinical';
import type { DbOrTx } from '../../db/client.ts';
import { clinicRuleConfig } from '../../db/schema/index.ts';
import { badRequest } from '../../errors.ts';

export interface StoredRuleConfig {
  overrides: ClinicRuleConfigOverrides;
  updatedAt: Date | null;
  updatedBy: string | null;
}

export async function getClinicRuleOverrides(db: DbOrTx): Promise<StoredRuleConfig> {
  const [row] = await db.select().from(clinicRuleConfig).where(eq(clinicRuleConfig.id, 1)).limit(1);
  return row ? { overrides: row.overrides as ClinicRuleConfigOverrides, updatedAt: row.updatedAt, updatedBy: row.updatedBy } : { overrides: {}, updatedAt: null, updatedBy: null };
}

/** The configuration in force: clinical core defaults with the clinic's overrides. */
export async function getClinicRuleConfig(db: DbOrTx): Promise<ClinicRuleConfig> {
  return resolveClinicRuleConfig((await getClinicRuleOverrides(db)).overrides);
}

/**
 * Checks overrides by resolving them (unknown keys, out-of-range values) and
 * stores them. A bad key or value is a 400 naming it; nothing is saved.
 */
export async function saveClinicRuleOverrides(db: DbOrTx, overrides: Record<string, unknown>, userId: string | null, now: Date): Promise<ClinicRuleConfig> {
  let resolved: ClinicRuleConfig;
  try {
    resolved = resolveClinicRuleConfig(overrides as ClinicRuleConfigOverrides);
    validateResolved(resolved);
  } catch (error) {
    if (error instanceof RangeError) throw badRequest(`overrides: ${error.message}`, [{ field: 'overrides', reason: error.message }]);
    throw error;
  }
  await db.insert(clinicRuleConfig).values({ id: 1, overrides, updatedAt: now, updatedBy: userId })
    .onConflictDoUpdate({ target: clinicRuleConfig.id, set: { overrides, updatedAt: now, updatedBy: userId } });
  return resolved;
}

/** The eligibility thresholds are asserted by the core; run that check at save time, not at the next patient. */
function validateResolved(config: ClinicRuleConfig): void {
  const e = config.eligibility;
  if (![1, 2, 3].includes(e.rule1.minFailedAdequateTrials)) throw new RangeError(`eligibility.rule1.minFailedAdequateTrials: must be 1, 2 or 3, got ${String(e.rule1.minFailedAdequateTrials)}`);
  for (const [key, value] of [
    ['eligibility.rule4.pregnancyTestWindowDays', e.rule4.pregnancyTestWindowDays],
    ['eligibility.rule5.assessmentMaxAgeDays', e.rule5.assessmentMaxAgeDays],
    ['eligibility.rule2.standardConsentMaxDoseMgPerKg', e.rule2.standardConsentMaxDoseMgPerKg],
  ] as const) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new RangeError(`${key}: must be a number ≥ 0`);
  }
}

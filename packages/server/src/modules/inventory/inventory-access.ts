/**
 * Who may use the controlled-substance ledger, declared once for its routes.
 * Licensed clinical staff keep the ledger; the medical director (the DEA
 * registrant's responsible clinician) resolves discrepancies, records DEA
 * deadlines and sets up products and storage.
 */
import type { Role } from '@glia/contracts';

/** Nurses, prescribers and the medical director: receive, draw, waste, count, report. */
export const INVENTORY_STAFF: readonly Role[] = ['nurse', 'prescriber', 'medical-director'];

/** Resolve investigations, record DEA notices, set up products and locations. */
export const INVENTORY_OVERSIGHT: readonly Role[] = ['medical-director'];

/**
 * Rule 35: a waste witness must be licensed: a nurse, prescriber or medical
 * director whose account carries credentials (e.g. "RN", "MD").
 */
export function isLicensed(user: { roles: readonly string[]; credentials: string | null }): boolean {
  return user.roles.some((r) => (INVENTORY_STAFF as readonly string[]).includes(r)) && (user.credentials ?? '').trim() !== '';
}

/** A clinical user (licensed or not) who may verify a receipt or count. */
export function isClinicalStaff(user: { roles: readonly string[] }): boolean {
  return user.roles.some((r) => (INVENTORY_STAFF as readonly string[]).includes(r));
}

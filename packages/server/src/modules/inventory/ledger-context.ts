/**
 * What every ledger operation needs besides its input: who acts, the time, the
 * clinic's zone (rule 38 deadlines and expiry dates are clinic-local) and the
 * rule configuration.
 */
import { resolveClinicRuleConfig, type ClinicRuleConfig } from '@glia/clinical';
import type { AppDeps } from '../../deps.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import type { AuditActor } from '../audit/audit-service.ts';
import { getClinic } from '../clinic/clinic-repo.ts';
import { localDateOf } from './clinic-calendar.ts';
import { ledgerError } from './ledger-errors.ts';

export type InventoryDeps = Pick<AppDeps, 'database' | 'now'>;

export interface LedgerContext {
  actor: AuditActor & { userId: string };
  now: Date;
  /** Clinic-local date of `now`. */
  today: string;
  timeZone: string;
  clinicName: string;
  rules: ClinicRuleConfig;
}

/**
 * The clinic's rule configuration. Until clinic-specific overrides are stored
 * (with the medical director's sign-off) this is the clinical core's defaults.
 */
export function ledgerRules(): ClinicRuleConfig {
  return resolveClinicRuleConfig();
}

export async function ledgerContext(db: DbOrTx, actor: AuditActor, now: Date): Promise<LedgerContext> {
  if (!actor.userId) throw new Error('ledger operations need a signed-in user');
  const clinic = await getClinic(db);
  return {
    actor: { ...actor, userId: actor.userId },
    now,
    today: localDateOf(now, clinic.timeZone),
    timeZone: clinic.timeZone,
    clinicName: clinic.name,
    rules: ledgerRules(),
  };
}

/**
 * Runs `fn` in one transaction with a ledger context; a refusal by the ledger
 * trigger comes out as the matching 409/422 AppError.
 */
export async function inLedgerTransaction<T>(deps: InventoryDeps, actor: AuditActor, fn: (tx: Tx, ctx: LedgerContext) => Promise<T>): Promise<T> {
  const now = deps.now();
  try {
    return await deps.database.db.transaction(async (tx) => fn(tx, await ledgerContext(tx, actor, now)));
  } catch (error) {
    throw ledgerError(error);
  }
}

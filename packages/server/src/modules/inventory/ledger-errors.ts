/**
 * The ledger trigger (glia_ledger_apply) refuses a movement with SQLSTATE 23514
 * and a named constraint. These helpers find that refusal under Drizzle's
 * wrapping and turn it into the API's answer: 409 for a balance that would go
 * negative or a closed record, 422 (rule 34) for more given or wasted than drawn.
 */
import { AppError, conflict, ruleBlocked, unprocessable } from '../../errors.ts';

export interface LedgerRefusal {
  constraint: string;
  message: string;
}

/** The ledger trigger's refusal carried by `error`, or null for any other error. */
export function ledgerRefusal(error: unknown): LedgerRefusal | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown };
    if (candidate.code === '23514' && typeof candidate.constraint === 'string' && candidate.constraint.startsWith('ledger_')) {
      return { constraint: candidate.constraint, message: typeof candidate.message === 'string' ? candidate.message : 'the ledger refused this movement' };
    }
    current = candidate.cause;
  }
  return null;
}

export function isNegativeStock(refusal: LedgerRefusal | null): boolean {
  return refusal?.constraint === 'ledger_balances_stock_nonnegative';
}

/** Maps a ledger refusal to an AppError; other errors are returned unchanged. */
export function ledgerError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const refusal = ledgerRefusal(error);
  if (!refusal) return error;
  const sentence = `${refusal.message[0]?.toUpperCase() ?? ''}${refusal.message.slice(1)}.`;
  switch (refusal.constraint) {
    case 'ledger_balances_stock_nonnegative':
    case 'ledger_balances_drawn_nonnegative':
      return conflict(`The ledger cannot go below zero: ${refusal.message}.`);
    case 'ledger_draw_overaccounted':
      return ruleBlocked(34, sentence);
    case 'ledger_draw_closed':
    case 'ledger_draw_accounted':
      return conflict(sentence);
    default:
      return unprocessable(sentence);
  }
}

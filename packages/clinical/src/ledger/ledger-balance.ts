/**
 * Running balance of a controlled-substance ledger and count discrepancies
 * (clinical.md §11.2, §15 rules 34 and 37).
 *
 * Two balances are kept per lot, in mL:
 * - stock: what is in the locked cabinet. Receipt, transfer-in (+); transfer-out,
 *   draw, return, loss (−); adjustment (signed, + or −).
 * - drawn-unaccounted: drawn into syringes for a patient and not yet given or
 *   wasted. Draw (+); administration, waste (−). Rule 34: drawn = given + wasted.
 * 'return' means a return to the supplier or a reverse distributor (stock leaves).
 * A reversal undoes an earlier movement by id (once; a reversal cannot itself be
 * reversed — record the movement again). Quantities are whole multiples of
 * 0.01 mL and are summed as integers, so no rounding drift accumulates.
 * Neither balance may go negative: the first movement that would is refused and
 * reported, and nothing after it is applied.
 */
import type { Finding } from '../shared/finding.ts';
import type { LedgerConfig } from './ledger-config.ts';

export type LedgerMovementKind =
  | 'receipt'
  | 'transfer-in'
  | 'transfer-out'
  | 'draw'
  | 'administration'
  | 'waste'
  | 'return'
  | 'loss'
  | 'adjustment'
  | 'reversal';

export type LedgerMovement =
  | {
      id: string;
      kind: Exclude<LedgerMovementKind, 'reversal'>;
      lotId: string;
      /** > 0, except an adjustment, which is signed. Multiples of 0.01 mL. */
      quantityMl: number;
    }
  | { id: string; kind: 'reversal'; reversesId: string };

export interface LotBalance {
  lotId: string;
  stockMl: number;
  drawnUnaccountedMl: number;
}

export interface BalanceEntry {
  movementId: string;
  lotId: string;
  stockAfterMl: number;
  drawnUnaccountedAfterMl: number;
}

export type LedgerFailureReason =
  | 'stock-would-go-negative'
  | 'drawn-would-go-negative'
  | 'invalid-quantity'
  | 'duplicate-id'
  | 'unknown-reversal-target'
  | 'already-reversed'
  | 'reversal-of-reversal';

export interface LedgerFailure {
  /** Index of the refused movement in the input. */
  index: number;
  movementId: string;
  lotId: string | null;
  reason: LedgerFailureReason;
  finding: Finding;
}

export interface LedgerBalance {
  ok: boolean;
  /** One entry per applied movement, in input order. */
  entries: BalanceEntry[];
  /** Balances after the last applied movement, sorted by lot id. */
  lots: LotBalance[];
  totalStockMl: number;
  totalDrawnUnaccountedMl: number;
  /** The first refused movement, or null when every movement applied. */
  failure: LedgerFailure | null;
}

interface Delta {
  lotId: string;
  stock: number;
  drawn: number;
}

const SOURCES = ['S38'];

function toCentiMl(quantityMl: number): number | null {
  if (!Number.isFinite(quantityMl)) return null;
  const scaled = quantityMl * 100;
  const rounded = Math.round(scaled);
  return Math.abs(scaled - rounded) < 1e-6 ? rounded : null;
}

const ml = (centi: number): number => centi / 100 + 0;

function deltaOf(kind: Exclude<LedgerMovementKind, 'reversal'>, lotId: string, q: number): Delta {
  switch (kind) {
    case 'receipt':
    case 'transfer-in':
    case 'adjustment':
      return { lotId, stock: q, drawn: 0 };
    case 'transfer-out':
    case 'return':
    case 'loss':
      return { lotId, stock: -q, drawn: 0 };
    case 'draw':
      return { lotId, stock: -q, drawn: q };
    case 'administration':
    case 'waste':
      return { lotId, stock: 0, drawn: -q };
  }
}

/**
 * Applies ledger movements in order and returns the running and final balances
 * per lot, refusing (and reporting, with a rule 37 or rule 34 finding) the first
 * movement that would take stock or drawn-unaccounted below zero, or that is
 * malformed. Source: [S38] (21 CFR 1304.22(c), 1304.11).
 */
export function ledgerBalance(movements: readonly LedgerMovement[]): LedgerBalance {
  const stock = new Map<string, number>();
  const drawn = new Map<string, number>();
  const applied = new Map<string, { delta: Delta; isReversal: boolean }>();
  const reversed = new Set<string>();
  const entries: BalanceEntry[] = [];
  let failure: LedgerFailure | null = null;

  const refuse = (index: number, m: LedgerMovement, lotId: string | null, reason: LedgerFailureReason, rule: number, message: string, facts: Finding['facts']): LedgerFailure => ({
    index, movementId: m.id, lotId, reason,
    finding: { rule, severity: 'block', code: `ledger-${reason}`, message, facts: { movementIndex: index, movementId: m.id, kind: m.kind, lotId, ...facts }, sources: SOURCES },
  });

  for (const [index, m] of movements.entries()) {
    if (applied.has(m.id)) {
      failure = refuse(index, m, null, 'duplicate-id', 37, `Movement id '${m.id}' is used twice; each ledger movement needs its own id (rule 37).`, {});
      break;
    }
    let delta: Delta;
    if (m.kind === 'reversal') {
      const target = applied.get(m.reversesId);
      if (target === undefined) {
        failure = refuse(index, m, null, 'unknown-reversal-target', 37, `Reversal '${m.id}' refers to '${m.reversesId}', which is not an earlier movement (rule 37).`, { reversesId: m.reversesId });
        break;
      }
      if (target.isReversal) {
        failure = refuse(index, m, target.delta.lotId, 'reversal-of-reversal', 37, `Reversal '${m.id}' would reverse the reversal '${m.reversesId}'; record the original movement again instead (rule 37).`, { reversesId: m.reversesId });
        break;
      }
      if (reversed.has(m.reversesId)) {
        failure = refuse(index, m, target.delta.lotId, 'already-reversed', 37, `Movement '${m.reversesId}' has already been reversed (rule 37).`, { reversesId: m.reversesId });
        break;
      }
      delta = { lotId: target.delta.lotId, stock: -target.delta.stock, drawn: -target.delta.drawn };
    } else {
      const q = toCentiMl(m.quantityMl);
      if (q === null || (m.kind === 'adjustment' ? q === 0 : q <= 0)) {
        failure = refuse(index, m, m.lotId, 'invalid-quantity', 37,
          `Movement '${m.id}' has quantity ${m.quantityMl} mL; quantities must be ${m.kind === 'adjustment' ? 'non-zero' : 'positive'} multiples of 0.01 mL (rule 37).`,
          { quantityMl: Number.isFinite(m.quantityMl) ? m.quantityMl : null });
        break;
      }
      delta = deltaOf(m.kind, m.lotId, q);
    }
    const stockBefore = stock.get(delta.lotId) ?? 0;
    const drawnBefore = drawn.get(delta.lotId) ?? 0;
    const stockAfter = stockBefore + delta.stock;
    const drawnAfter = drawnBefore + delta.drawn;
    if (stockAfter < 0) {
      failure = refuse(index, m, delta.lotId, 'stock-would-go-negative', 37,
        `Movement '${m.id}' (${m.kind}) would take lot ${delta.lotId} stock from ${ml(stockBefore)} mL to ${ml(stockAfter)} mL; stock cannot go negative — recount and reconcile (rule 37).`,
        { stockBeforeMl: ml(stockBefore), stockAfterMl: ml(stockAfter) });
      break;
    }
    if (drawnAfter < 0) {
      failure = refuse(index, m, delta.lotId, 'drawn-would-go-negative', 34,
        `Movement '${m.id}' (${m.kind}) accounts for more than was drawn from lot ${delta.lotId} (${ml(drawnBefore)} mL drawn and not yet given or wasted) (rule 34).`,
        { drawnUnaccountedBeforeMl: ml(drawnBefore), drawnUnaccountedAfterMl: ml(drawnAfter) });
      break;
    }
    stock.set(delta.lotId, stockAfter);
    drawn.set(delta.lotId, drawnAfter);
    applied.set(m.id, { delta, isReversal: m.kind === 'reversal' });
    if (m.kind === 'reversal') reversed.add(m.reversesId);
    entries.push({ movementId: m.id, lotId: delta.lotId, stockAfterMl: ml(stockAfter), drawnUnaccountedAfterMl: ml(drawnAfter) });
  }

  const lots = [...stock.keys()].sort().map((lotId) => ({ lotId, stockMl: ml(stock.get(lotId) ?? 0), drawnUnaccountedMl: ml(drawn.get(lotId) ?? 0) }));
  let totalStock = 0;
  let totalDrawn = 0;
  for (const v of stock.values()) totalStock += v;
  for (const v of drawn.values()) totalDrawn += v;
  return { ok: failure === null, entries, lots, totalStockMl: ml(totalStock), totalDrawnUnaccountedMl: ml(totalDrawn), failure };
}

export interface LotCount {
  lotId: string;
  countedMl: number;
}

/**
 * Rule 37: compares a physical count with the ledger per lot and raises a warning
 * for each lot whose difference exceeds `countToleranceMl`, and for each lot in the
 * ledger that the count left out. A shortage may be a theft or significant loss,
 * which starts the rule 38 timers on discovery. Source: [S38] (21 CFR 1304.11).
 */
export function countDiscrepancies(expected: readonly LotBalance[], counted: readonly LotCount[], config: LedgerConfig): Finding[] {
  const tolerance = config.countToleranceMl;
  const findings: Finding[] = [];
  const expectedByLot = new Map(expected.map((l) => [l.lotId, l.stockMl]));
  const countedLots = new Set<string>();
  for (const c of counted) {
    if (!Number.isFinite(c.countedMl) || c.countedMl < 0) throw new RangeError(`counted[${c.lotId}].countedMl: must be a finite number ≥ 0, got ${c.countedMl}`);
    countedLots.add(c.lotId);
    const expectedMl = expectedByLot.get(c.lotId) ?? 0;
    const differenceMl = Math.round((c.countedMl - expectedMl) * 100) / 100 + 0;
    if (Math.abs(differenceMl) > tolerance) {
      const short = differenceMl < 0;
      findings.push({
        rule: 37, severity: 'warning', code: short ? 'count-shortage' : 'count-overage',
        message:
          `Lot ${c.lotId}: counted ${c.countedMl} mL, ledger ${expectedMl} mL (${short ? 'short' : 'over'} by ${Math.abs(differenceMl)} mL, tolerance ${tolerance} mL); investigate and reconcile` +
          (short ? '. If it is a theft or significant loss, the DEA notice timers start now (rule 37, rule 38).' : ' (rule 37).'),
        facts: { lotId: c.lotId, countedMl: c.countedMl, expectedMl, differenceMl },
        thresholds: { countToleranceMl: tolerance }, sources: SOURCES,
      });
    }
  }
  for (const l of expected) {
    if (!countedLots.has(l.lotId) && l.stockMl > 0) {
      findings.push({
        rule: 37, severity: 'warning', code: 'lot-not-counted',
        message: `Lot ${l.lotId} holds ${l.stockMl} mL in the ledger but is missing from the count (rule 37).`,
        facts: { lotId: l.lotId, expectedMl: l.stockMl }, sources: SOURCES,
      });
    }
  }
  return findings;
}

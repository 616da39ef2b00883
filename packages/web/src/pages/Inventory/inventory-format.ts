import type { LedgerEntry, Lot } from '@glia/contracts';

/** "12.30" — quantities are kept to 0.01 mL and 0.01 mg. */
export function fixed2(value: number): string {
  return value.toFixed(2);
}

export const formatMl = (ml: number): string => `${fixed2(ml)} mL`;
export const formatMg = (mg: number): string => `${fixed2(mg)} mg`;

/** A signed change, "+2.00" / "−0.80", or an en dash for none. */
export function signed(value: number): string {
  if (value === 0) return '–';
  return `${value > 0 ? '+' : '−'}${fixed2(Math.abs(value))}`;
}

const KIND_LABELS: Record<LedgerEntry['kind'], string> = {
  receipt: 'Receipt',
  'transfer-in': 'Transfer in',
  'transfer-out': 'Transfer out',
  draw: 'Draw',
  administration: 'Given',
  waste: 'Waste',
  return: 'Return / Form 41',
  loss: 'Loss',
  adjustment: 'Adjustment',
  reversal: 'Reversal',
};

export function kindLabel(entry: Pick<LedgerEntry, 'kind' | 'reversedKind'>): string {
  return entry.kind === 'reversal' && entry.reversedKind ? `Reversal of ${KIND_LABELS[entry.reversedKind].toLowerCase()}` : KIND_LABELS[entry.kind];
}

export function expiryText(lot: Pick<Lot, 'expiryStatus' | 'daysToExpiry'>): string {
  if (lot.expiryStatus === 'expired') return `Expired ${-lot.daysToExpiry} ${-lot.daysToExpiry === 1 ? 'day' : 'days'} ago`;
  if (lot.daysToExpiry === 0) return 'Expires today';
  return `Expires in ${lot.daysToExpiry} ${lot.daysToExpiry === 1 ? 'day' : 'days'}`;
}

/** Number input text → number for a contract schema; empty means "not given". */
export function numberOrUndefined(value: string | number): number | undefined {
  if (typeof value === 'number') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

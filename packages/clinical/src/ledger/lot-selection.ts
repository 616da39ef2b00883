/**
 * Which lot to draw from, and whether a lot may be drawn at all (clinical.md §11.2,
 * §15 rule 39). A lot is usable through its expiry date (clinic-local calendar);
 * from the next day it is expired stock, which may leave inventory only through
 * DEA Form 41 or a reverse distributor, never by a draw for a patient.
 */
import type { Finding } from '../shared/finding.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { toEpochDay } from '../shared/calendar-date.ts';
import type { LedgerConfig } from './ledger-config.ts';

export type LotExpiryStatus = 'expired' | 'expiring-soon' | 'in-date';

export interface LotExpiry {
  status: LotExpiryStatus;
  /** Days from today to the expiry date: 0 on the expiry date, negative once expired. */
  daysLeft: number;
}

/**
 * Rule 39: a lot expires at the end of its expiry date. 'expiring-soon' when it
 * expires within `expiringSoonDays` (30) days, so it can be used first or returned
 * in time. Source: [S38].
 */
export function lotExpiry(expiresOn: CalendarDate, today: CalendarDate, config: Pick<LedgerConfig, 'expiringSoonDays'>): LotExpiry {
  const daysLeft = toEpochDay(expiresOn, 'expiresOn') - toEpochDay(today, 'today');
  if (daysLeft < 0) return { status: 'expired', daysLeft };
  return { status: daysLeft <= config.expiringSoonDays ? 'expiring-soon' : 'in-date', daysLeft };
}

/**
 * Rule 39: a draw for a patient from an expired lot is blocked (expired stock
 * leaves only by Form 41 or a reverse distributor). Returns the block finding, or
 * null when the lot is in date. Source: [S38].
 */
export function checkLotDrawable(lot: { lotNumber: string; expiresOn: CalendarDate }, today: CalendarDate): Finding | null {
  const daysLeft = toEpochDay(lot.expiresOn, 'expiresOn') - toEpochDay(today, 'today');
  if (daysLeft >= 0) return null;
  return {
    rule: 39,
    severity: 'block',
    code: 'lot-expired',
    message: `Lot ${lot.lotNumber} expired on ${lot.expiresOn} and cannot be drawn for a patient; return it through a reverse distributor or DEA Form 41 (rule 39).`,
    facts: { lotNumber: lot.lotNumber, expiresOn: lot.expiresOn, today, daysExpired: -daysLeft },
    sources: ['S38'],
  };
}

export interface DrawCandidate {
  lotId: string;
  expiresOn: CalendarDate;
  /** Stock on hand, mL. */
  stockMl: number;
}

/**
 * First-expiry-first-out: the lot to suggest for the next draw is the in-date lot
 * that expires first among those holding at least `neededMl` (any stock when 0),
 * ties broken by lot id so the answer is stable. Null when no lot qualifies.
 * Source: [S38] (expired stock cannot be used; using the oldest first avoids it).
 */
export function suggestLotToDraw(lots: readonly DrawCandidate[], today: CalendarDate, neededMl = 0): string | null {
  const todayDay = toEpochDay(today, 'today');
  let best: DrawCandidate | null = null;
  let bestDay = Number.POSITIVE_INFINITY;
  for (const lot of lots) {
    const day = toEpochDay(lot.expiresOn, `lots[${lot.lotId}].expiresOn`);
    if (day < todayDay) continue;
    if (neededMl > 0 ? lot.stockMl + 1e-9 < neededMl : !(lot.stockMl > 0)) continue;
    if (best === null || day < bestDay || (day === bestDay && lot.lotId < best.lotId)) {
      best = lot;
      bestDay = day;
    }
  }
  return best?.lotId ?? null;
}

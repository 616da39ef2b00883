/**
 * Whole-series proposals: the earliest series of N sessions that satisfies every
 * spacing rule of the clinical core (rules 14-15; rule 17 for boosters), the
 * patient's preferred days and times, and chair, nurse and prescriber
 * availability for every occurrence (not only the first).
 */
import { boosterBookingAllowed, earliestAllowedNext, validateSeries, type Finding, type SeriesKind, type SpacingConfig } from '@glia/clinical';
import type { DbOrTx } from '../../db/client.ts';
import { addDays, dayClock, localDateOf, weekdayOf } from './calendar.ts';
import { loadDays, place, type AppointmentTypeInfo, type DayPlan, type Placement, type Resources } from './resources.ts';

const MS_PER_MIN = 60_000;
const MS_PER_HOUR = 3_600_000;
const STEP_MIN = 15;
/** How far ahead one occurrence is searched before giving up. */
const HORIZON_DAYS = 120;
/** Days read ahead in one query while searching (an induction spans about two weeks). */
const PREFETCH_DAYS = 16;

export interface SeriesSearch {
  patientId: string;
  kind: SeriesKind;
  type: AppointmentTypeInfo;
  durationMin: number;
  count: number;
  notBeforeMs: number;
  /** Preferred clinic-local weekdays (empty = any open day) and start-time window 'HH:MM'. */
  weekdays: readonly number[];
  earliestTime: string | null;
  latestTime: string | null;
  /** Protocol's own cap per rolling 7 days, when stricter than rule 14. */
  maxPerRolling7Days: number | null;
  /** Times of the patient's other active sessions (spacing context). */
  bookedTimes: readonly Date[];
  spacing: SpacingConfig;
  /** Boosters (maintenance protocol): rule 17 plan. */
  maintenance: { documentedAt: Date; reviewAt: Date | null } | null;
  isMaintenance: boolean;
}

export interface ProposedOccurrence extends Placement {
  occurrenceNumber: number;
}

export type ProposalResult =
  | { ok: true; occurrences: ProposedOccurrence[]; findings: Finding[] }
  | { ok: false; occurrenceNumber: number; reason: string; findings: Finding[] };

export class DayCache {
  private readonly days = new Map<string, DayPlan>();
  private readonly db: DbOrTx;
  private readonly res: Resources;
  constructor(db: DbOrTx, res: Resources) {
    this.db = db;
    this.res = res;
  }
  /** Loads the days not yet loaded, in one round of queries. */
  async prefetch(dates: readonly string[]): Promise<void> {
    const missing = [...new Set(dates)].filter((d) => !this.days.has(d));
    for (const [date, day] of await loadDays(this.db, this.res, missing)) this.days.set(date, day);
  }

  /** The day, loading it and the following `aheadDays` days when it is not loaded yet. */
  async get(date: string, aheadDays = 0): Promise<DayPlan> {
    if (!this.days.has(date)) await this.prefetch(Array.from({ length: aheadDays + 1 }, (_, i) => addDays(date, i)));
    return this.days.get(date)!;
  }
}

function floorFor(search: SeriesSearch, times: readonly Date[]): number {
  const all = [...search.bookedTimes, ...times];
  const next = earliestAllowedNext(all, search.kind, search.spacing, {
    notBefore: new Date(search.notBeforeMs),
    ...(search.kind === 'esketamine' && times[0] ? { seriesStartAt: times[0] } : {}),
  });
  let floor = next ? next.getTime() : search.notBeforeMs;
  // Propose without warnings: IV at least warnGapHours (48 h) after the latest session, booked or proposed.
  const last = Math.max(...all.map((d) => d.getTime()));
  if (all.length > 0 && search.kind === 'iv-ketamine') floor = Math.max(floor, last + search.spacing.iv.warnGapHours * MS_PER_HOUR);
  const cap = search.maxPerRolling7Days;
  if (cap !== null && times.length >= cap) {
    const anchor = times[times.length - cap]!;
    floor = Math.max(floor, anchor.getTime() + 7 * 24 * MS_PER_HOUR);
  }
  return floor;
}

/** Proposes the earliest feasible series. Reads one day of bookings at a time. */
export async function proposeSeries(cache: DayCache, res: Resources, search: SeriesSearch): Promise<ProposalResult> {
  const times: Date[] = [];
  const occurrences: ProposedOccurrence[] = [];
  const durationMs = search.durationMin * MS_PER_MIN;
  for (let n = 1; n <= search.count; n++) {
    const floor = floorFor(search, times);
    let date = localDateOf(new Date(floor), res.timeZone);
    let found: Placement | null = null;
    for (let d = 0; d < HORIZON_DAYS && !found; d++, date = addDays(date, 1)) {
      if (search.weekdays.length > 0 && !search.weekdays.includes(weekdayOf(date))) continue;
      const opening = res.opening.get(weekdayOf(date));
      if (!opening || res.closures.has(date)) continue;
      const at = dayClock(date, res.timeZone);
      const from = Math.max(at(search.earliestTime && search.earliestTime > opening.opensAt ? search.earliestTime : opening.opensAt), floor);
      const closeMs = at(opening.closesAt);
      const latestStart = Math.min(closeMs - durationMs, search.latestTime ? at(search.latestTime) : Number.POSITIVE_INFINITY);
      if (from > latestStart) continue;
      const day = await cache.get(date, PREFETCH_DAYS);
      const step = STEP_MIN * MS_PER_MIN;
      for (let t = Math.ceil(from / step) * step; t <= latestStart; t += step) {
        if (search.isMaintenance) {
          const decision = boosterBookingAllowed(search.maintenance ? { ...search.maintenance, endPointAt: null, lastReviewedAt: null } : null, new Date(t), search.spacing);
          if (!decision.allowed) return { ok: false, occurrenceNumber: n, reason: decision.findings[0]?.message ?? 'rule 17 blocks this booster', findings: decision.findings };
        }
        const p = place(res, day, { startMs: t, endMs: t + durationMs, patientId: search.patientId, type: search.type });
        if (typeof p !== 'string') {
          found = p;
          break;
        }
      }
    }
    if (!found) return { ok: false, occurrenceNumber: n, reason: `no chair, nurse and prescriber are free for occurrence ${n} within ${HORIZON_DAYS} days`, findings: [] };
    times.push(new Date(found.startMs));
    occurrences.push({ ...found, occurrenceNumber: n });
  }
  const validation = validateSeries(times, search.kind, search.spacing, { bookedTimes: search.bookedTimes });
  if (validation.status === 'blocked') {
    const block = validation.findings.find((f) => f.severity === 'block')!;
    return { ok: false, occurrenceNumber: Number(block.facts.occurrenceIndex ?? 0) + 1, reason: block.message, findings: validation.findings };
  }
  return { ok: true, occurrences, findings: validation.findings };
}


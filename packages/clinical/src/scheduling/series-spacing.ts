/**
 * Spacing of infusions and esketamine sessions in a series (clinical.md §15
 * rules 14 and 15, §5.1, §4.2).
 *
 * Times are instants (`Date`, compared in UTC milliseconds). The scheduler calls
 * {@link validateSeries} many times while it searches, so the checks work on one
 * sorted pass: O(n log n) for the sort, O(n) after it.
 *
 * Attribution: only proposed occurrences get findings. A violation is located at
 * the sorted position where a limit is first exceeded (the later of two close
 * infusions, the 4th start in a window, the 3rd session in a week). It is reported
 * on that occurrence when it is proposed; when it is an already-booked one, on the
 * latest proposed occurrence inside the same pair, window or week, because adding
 * that proposal is what broke the limit. Violations made only of booked times are
 * not reported here. At equal instants booked times sort before proposed ones.
 */
import type { Finding } from '../shared/finding.ts';
import { worstSeverity } from '../shared/finding.ts';
import type { SpacingConfig } from './spacing-config.ts';
import { assertSpacingConfig } from './spacing-config.ts';

export type SeriesKind = 'iv-ketamine' | 'esketamine';

export interface SeriesContext {
  /** Already-booked times of the same plan or patient; checked against, never reported on. */
  bookedTimes?: readonly Date[];
  /** Esketamine: the first session of the series (week 1 starts here). Default: the earliest of all times given. */
  seriesStartAt?: Date;
}

export type SeriesStatus = 'blocked' | 'needs-acknowledgement' | 'clear';

export interface SeriesValidation {
  status: SeriesStatus;
  /** One finding per violation, on the proposed occurrence it is attributed to (facts.occurrenceIndex = index in proposedTimes). */
  findings: Finding[];
}

const MS_PER_HOUR = 3_600_000;
const MS_PER_WEEK = 7 * 24 * MS_PER_HOUR;
const IV_SOURCES = ['S9', 'S10', 'S11', 'S12'];
const ESKETAMINE_SOURCES = ['S5'];

interface Slot {
  ms: number;
  /** Index in proposedTimes, or -1 for a booked time. */
  proposed: number;
  booked: number;
}

function toSlots(proposedTimes: readonly Date[], bookedTimes: readonly Date[]): Slot[] {
  const slots: Slot[] = [];
  proposedTimes.forEach((t, i) => slots.push({ ms: checkedMs(t, `proposedTimes[${i}]`), proposed: i, booked: -1 }));
  bookedTimes.forEach((t, i) => slots.push({ ms: checkedMs(t, `bookedTimes[${i}]`), proposed: -1, booked: i }));
  return slots.sort(compareSlots);
}

/** Sort order: instant, then booked before proposed, then input index. */
function compareSlots(a: Slot, b: Slot): number {
  if (a.ms !== b.ms) return a.ms - b.ms;
  const aProposed = a.proposed >= 0 ? 1 : 0;
  const bProposed = b.proposed >= 0 ? 1 : 0;
  if (aProposed !== bProposed) return aProposed - bProposed;
  return a.proposed - b.proposed || a.booked - b.booked;
}

function checkedMs(t: Date, field: string): number {
  const ms = t instanceof Date ? t.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`${field}: not a valid date`);
  return ms;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const hours = (ms: number): number => Math.round((ms / MS_PER_HOUR) * 100) / 100;

/**
 * The position to report a violation on: `at` itself when proposed, otherwise the
 * latest proposed position in [from, at), or -1 when the violation is all booked.
 */
function attribute(slots: readonly Slot[], lastProposedPos: number, from: number, at: number): number {
  if ((slots[at] as Slot).proposed >= 0) return at;
  return lastProposedPos >= from && lastProposedPos < at ? lastProposedPos : -1;
}

function describe(slot: Slot): string {
  return slot.proposed >= 0 ? `proposed occurrence ${slot.proposed + 1} (${iso(slot.ms)})` : `booked session at ${iso(slot.ms)}`;
}

function counterpartFacts(slot: Slot): Finding['facts'] {
  return {
    conflictsWithAt: iso(slot.ms),
    conflictsWithOccurrenceIndex: slot.proposed >= 0 ? slot.proposed : null,
    conflictsWithBooked: slot.proposed < 0,
  };
}

/** Gap checks between neighbours in time: a block below `blockHours`, a warning below `warnHours` (null = none). */
function gapFindings(
  slots: readonly Slot[],
  rule: number,
  blockHours: number,
  warnHours: number | null,
  codes: { block: string; warn: string },
  keys: { block: string; warn: string },
  sources: string[],
  out: Finding[],
): void {
  let lastProposedPos = -1;
  for (let j = 0; j < slots.length; j++) {
    const cur = slots[j] as Slot;
    if (j > 0) {
      const prev = slots[j - 1] as Slot;
      const gapMs = cur.ms - prev.ms;
      const severity = gapMs < blockHours * MS_PER_HOUR ? 'block' : warnHours !== null && gapMs < warnHours * MS_PER_HOUR ? 'warning' : null;
      if (severity !== null) {
        const pos = attribute(slots, lastProposedPos, j - 1, j);
        if (pos >= 0) {
          const self = slots[pos] as Slot;
          const other = pos === j ? prev : cur;
          const limitHours = severity === 'block' ? blockHours : (warnHours as number);
          const limitKey = severity === 'block' ? keys.block : keys.warn;
          out.push({
            rule,
            severity,
            code: severity === 'block' ? codes.block : codes.warn,
            message:
              `${capitalize(describe(self))} is ${hours(gapMs)} h ${pos === j ? 'after' : 'before'} the ${describe(other)}; ` +
              (severity === 'block'
                ? `at least ${limitHours} h is required between sessions (rule ${rule}).`
                : `a gap under ${limitHours} h needs acknowledgement (rule ${rule}).`),
            facts: { occurrenceIndex: self.proposed, startsAt: iso(self.ms), hoursBetween: hours(gapMs), ...counterpartFacts(other) },
            thresholds: { [limitKey]: limitHours },
            sources,
          });
        }
      }
    }
    if (cur.proposed >= 0) lastProposedPos = j;
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function validateIv(slots: readonly Slot[], config: SpacingConfig, out: Finding[]): void {
  const { minGapHours, warnGapHours, maxPerRollingWindow, rollingWindowHours } = config.iv;
  gapFindings(
    slots, 14, minGapHours, warnGapHours,
    { block: 'infusion-under-min-gap', warn: 'infusion-under-warn-gap' },
    { block: 'iv.minGapHours', warn: 'iv.warnGapHours' },
    IV_SOURCES, out,
  );
  const windowMs = rollingWindowHours * MS_PER_HOUR;
  let i = 0;
  let lastProposedPos = -1;
  for (let j = 0; j < slots.length; j++) {
    const cur = slots[j] as Slot;
    while (cur.ms - (slots[i] as Slot).ms >= windowMs) i++;
    const count = j - i + 1;
    if (count > maxPerRollingWindow) {
      const pos = attribute(slots, lastProposedPos, i, j);
      if (pos >= 0) {
        const self = slots[pos] as Slot;
        const first = slots[i] as Slot;
        const counterpart = pos === j ? first : cur;
        out.push({
          rule: 14,
          severity: 'block',
          code: 'infusion-exceeds-rolling-window',
          message:
            `${capitalize(describe(self))} makes ${count} infusion starts within ${rollingWindowHours} h ` +
            `(window ${iso(first.ms)} to ${iso(first.ms + windowMs)}, end excluded${pos === j ? '' : `, up to the ${describe(cur)}`}); ` +
            `at most ${maxPerRollingWindow} are allowed (rule 14).`,
          facts: {
            occurrenceIndex: self.proposed,
            startsAt: iso(self.ms),
            countInWindow: count,
            windowStartsAt: iso(first.ms),
            windowEndsBeforeAt: iso(first.ms + windowMs),
            ...counterpartFacts(counterpart),
          },
          thresholds: { 'iv.maxPerRollingWindow': maxPerRollingWindow, 'iv.rollingWindowHours': rollingWindowHours },
          sources: IV_SOURCES,
        });
      }
    }
    if (cur.proposed >= 0) lastProposedPos = j;
  }
}

/** Rule 15: the per-week limit of the phase a 1-based series week falls in. */
export function esketamineMaxSessionsInWeek(week: number, config: SpacingConfig): number {
  for (const phase of config.esketamine.phases) {
    if (week >= phase.fromWeek && (phase.toWeek === null || week <= phase.toWeek)) return phase.maxSessionsPerWeek;
  }
  return 0;
}

/** 1-based series week of an instant: 7-day blocks from the first session of the series. */
export function seriesWeek(atMs: number, seriesStartMs: number): number {
  return Math.floor((atMs - seriesStartMs) / MS_PER_WEEK) + 1;
}

function validateEsketamine(slots: readonly Slot[], config: SpacingConfig, seriesStartMs: number, out: Finding[]): void {
  const inSeries: Slot[] = [];
  for (const slot of slots) {
    if (slot.ms >= seriesStartMs) {
      inSeries.push(slot);
    } else if (slot.proposed >= 0) {
      out.push({
        rule: 15,
        severity: 'block',
        code: 'esketamine-before-series-start',
        message: `${capitalize(describe(slot))} is before the first session of the series (${iso(seriesStartMs)}) (rule 15).`,
        facts: { occurrenceIndex: slot.proposed, startsAt: iso(slot.ms), seriesStartsAt: iso(seriesStartMs) },
        sources: ESKETAMINE_SOURCES,
      });
    }
  }
  if (config.esketamine.minGapHours > 0) {
    gapFindings(
      inSeries, 15, config.esketamine.minGapHours, null,
      { block: 'esketamine-under-min-gap', warn: 'esketamine-under-min-gap' },
      { block: 'esketamine.minGapHours', warn: 'esketamine.minGapHours' },
      ESKETAMINE_SOURCES, out,
    );
  }
  let week = 0;
  let weekStartPos = 0;
  let lastProposedPos = -1;
  for (let j = 0; j < inSeries.length; j++) {
    const cur = inSeries[j] as Slot;
    const w = seriesWeek(cur.ms, seriesStartMs);
    if (w !== week) {
      week = w;
      weekStartPos = j;
    }
    const count = j - weekStartPos + 1;
    const max = esketamineMaxSessionsInWeek(w, config);
    if (count > max) {
      const pos = attribute(inSeries, lastProposedPos, weekStartPos, j);
      if (pos >= 0) {
        const self = inSeries[pos] as Slot;
        const weekStartMs = seriesStartMs + (w - 1) * MS_PER_WEEK;
        out.push({
          rule: 15,
          severity: 'block',
          code: 'esketamine-exceeds-weekly-limit',
          message:
            `${capitalize(describe(self))} makes ${count} sessions in week ${w} of the series ` +
            `(${iso(weekStartMs)} to ${iso(weekStartMs + MS_PER_WEEK)}${pos === j ? '' : `, counting the ${describe(cur)}`}); ` +
            `at most ${max} per week are allowed in this phase (rule 15).`,
          facts: {
            occurrenceIndex: self.proposed,
            startsAt: iso(self.ms),
            seriesWeek: w,
            countInWeek: count,
            weekStartsAt: iso(weekStartMs),
            seriesStartsAt: iso(seriesStartMs),
            ...counterpartFacts(pos === j ? (inSeries[weekStartPos] as Slot) : cur),
          },
          thresholds: { maxSessionsPerWeek: max },
          sources: ESKETAMINE_SOURCES,
        });
      }
    }
    if (cur.proposed >= 0) lastProposedPos = j;
  }
}

/**
 * Checks proposed series times against the spacing rules.
 *
 * IV ketamine (rule 14): block an infusion less than `iv.minGapHours` (24) after the
 * previous one, warn under `iv.warnGapHours` (48), block more than
 * `iv.maxPerRollingWindow` (3) starts in any half-open window [t, t + 168 h).
 * Esketamine (rule 15): at most 2 sessions per series week in weeks 1-4, 1 in weeks
 * 5-8 and 1 from week 9, weeks being 7-day blocks from the first session of the
 * series; plus the Glia minimum gap `esketamine.minGapHours` (24).
 * Sources: rule 14 [S9], [S10], [S11], [S12]; rule 15 [S5]. See clinical.md §15.
 */
export function validateSeries(
  proposedTimes: readonly Date[],
  kind: SeriesKind,
  config: SpacingConfig,
  context: SeriesContext = {},
): SeriesValidation {
  assertSpacingConfig(config);
  const slots = toSlots(proposedTimes, context.bookedTimes ?? []);
  const findings: Finding[] = [];
  switch (kind) {
    case 'iv-ketamine':
      validateIv(slots, config, findings);
      break;
    case 'esketamine': {
      const start = context.seriesStartAt !== undefined ? checkedMs(context.seriesStartAt, 'seriesStartAt') : (slots[0]?.ms ?? 0);
      validateEsketamine(slots, config, start, findings);
      break;
    }
  }
  findings.sort((a, b) => (a.facts.occurrenceIndex as number) - (b.facts.occurrenceIndex as number) || a.rule - b.rule);
  const worst = worstSeverity(findings);
  return { status: worst === 'block' ? 'blocked' : worst === 'warning' ? 'needs-acknowledgement' : 'clear', findings };
}

export interface NextAllowedOptions {
  /** Never earlier than this (for example the current time). */
  notBefore?: Date;
  /** Esketamine: first session of the series; default the earliest existing time. */
  seriesStartAt?: Date;
}

/**
 * The earliest instant a next session may start after all `existingTimes` without
 * a block under rules 14/15 (warnings, such as IV under 48 h, are allowed). The
 * result is at or after the latest existing time and `notBefore`. Returns null
 * when nothing constrains the time (no existing times, no notBefore and, for
 * esketamine, no series start).
 *
 * IV: max(last + minGap, T[n - max] + window), where T[n - max] is the
 * `maxPerRollingWindow`-th latest existing start. Esketamine: last + minGap, moved
 * to the start of the next series week while the week is full.
 * Sources: [S9]-[S12], [S5] (clinical.md §15 rules 14-15).
 */
export function earliestAllowedNext(
  existingTimes: readonly Date[],
  kind: SeriesKind,
  config: SpacingConfig,
  options: NextAllowedOptions = {},
): Date | null {
  assertSpacingConfig(config);
  const times = existingTimes.map((t, i) => checkedMs(t, `existingTimes[${i}]`)).sort((a, b) => a - b);
  const notBefore = options.notBefore !== undefined ? checkedMs(options.notBefore, 'notBefore') : null;
  const last = times[times.length - 1];
  let candidate = Math.max(last ?? Number.NEGATIVE_INFINITY, notBefore ?? Number.NEGATIVE_INFINITY);
  switch (kind) {
    case 'iv-ketamine': {
      if (last === undefined) return notBefore === null ? null : new Date(notBefore);
      candidate = Math.max(candidate, last + config.iv.minGapHours * MS_PER_HOUR);
      const anchor = times[times.length - config.iv.maxPerRollingWindow];
      if (anchor !== undefined) candidate = Math.max(candidate, anchor + config.iv.rollingWindowHours * MS_PER_HOUR);
      return new Date(candidate);
    }
    case 'esketamine': {
      const start = options.seriesStartAt !== undefined ? checkedMs(options.seriesStartAt, 'seriesStartAt') : times[0];
      if (start === undefined) return notBefore === null ? null : new Date(notBefore);
      candidate = Math.max(candidate, start);
      if (last !== undefined) candidate = Math.max(candidate, last + config.esketamine.minGapHours * MS_PER_HOUR);
      const perWeek = new Map<number, number>();
      for (const t of times) if (t >= start) perWeek.set(seriesWeek(t, start), (perWeek.get(seriesWeek(t, start)) ?? 0) + 1);
      for (;;) {
        const week = seriesWeek(candidate, start);
        if ((perWeek.get(week) ?? 0) < esketamineMaxSessionsInWeek(week, config)) return new Date(candidate);
        candidate = start + week * MS_PER_WEEK;
      }
    }
  }
}

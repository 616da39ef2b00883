/**
 * Turns charted pump events (clock times, rates in mL/h) into a PK schedule in
 * mg/min relative to the infusion start, for the infusion chart's predicted
 * concentration curve. Rate mg/min = rate mL/h × concentration mg/mL / 60.
 */
import type { PkSchedule, RateSegment, BolusDose } from './pk-schedule.ts';

export type PumpEvent =
  | { kind: 'start'; at: Date; rateMlPerH: number }
  | { kind: 'rate_change'; at: Date; rateMlPerH: number }
  | { kind: 'pause'; at: Date }
  /** Resumes at rateMlPerH when given, otherwise at the rate running before the pause. */
  | { kind: 'resume'; at: Date; rateMlPerH?: number }
  | { kind: 'stop'; at: Date }
  | { kind: 'bolus'; at: Date; volumeMl: number };

export interface PumpScheduleOptions {
  concentrationMgPerMl: number;
  /** Time zero of the schedule; defaults to the first start event (or the first event). */
  startAt?: Date;
  /**
   * Where a pump still running after the last event stops, for example the current
   * time or the planned end. Without it the last segment stays open (endMin = Infinity).
   */
  openUntil?: Date;
}

export interface PumpScheduleResult {
  /** Time zero of the schedule, null when there were no usable events. */
  startAt: Date | null;
  schedule: PkSchedule;
  /** True when the pump is running (or paused) after the last event and openUntil was not given. */
  running: boolean;
  /** Events that did not fit the pump's state (for example a resume while running), with what was done. */
  issues: string[];
}

type PumpState = 'idle' | 'running' | 'paused' | 'stopped';

const MS_PER_MIN = 60_000;

/**
 * Builds the schedule by replaying the events in time order (same-time events in the
 * order given) through a start/pause/resume/stop state machine. Out-of-place events
 * are reported in `issues` and handled conservatively rather than rejected, because
 * the chart must still show what the pump delivered. Throws RangeError only when the
 * concentration is not a positive number.
 */
export function pumpEventsToSchedule(events: readonly PumpEvent[], options: PumpScheduleOptions): PumpScheduleResult {
  const { concentrationMgPerMl } = options;
  if (!Number.isFinite(concentrationMgPerMl) || concentrationMgPerMl <= 0) {
    throw new RangeError(`Concentration must be a positive number of mg/mL (got ${concentrationMgPerMl})`);
  }
  const issues: string[] = [];
  const usable = events.filter((e, i) => {
    if (Number.isNaN(e.at.getTime())) {
      issues.push(`event ${i + 1} (${e.kind}) has no valid time and was ignored`);
      return false;
    }
    return true;
  });
  const sorted = [...usable].sort((a, b) => a.at.getTime() - b.at.getTime());
  const origin = options.startAt ?? sorted.find((e) => e.kind === 'start')?.at ?? sorted[0]?.at ?? null;
  if (origin === null) return { startAt: null, schedule: { segments: [] }, running: false, issues };
  const toMin = (d: Date): number => (d.getTime() - origin.getTime()) / MS_PER_MIN;
  const toMgPerMin = (rateMlPerH: number): number => (rateMlPerH * concentrationMgPerMl) / 60;

  const segments: RateSegment[] = [];
  const boluses: BolusDose[] = [];
  let state: PumpState = 'idle';
  let rateMlPerH = 0;
  let openedAt = 0;
  const close = (atMin: number): void => {
    if (atMin > openedAt && rateMlPerH > 0) segments.push({ startMin: openedAt, endMin: atMin, rateMgPerMin: toMgPerMin(rateMlPerH) });
  };
  const validRate = (rate: number | undefined, label: string): boolean => {
    if (rate === undefined) return true;
    if (Number.isFinite(rate) && rate >= 0) return true;
    issues.push(`${label}: rate ${rate} mL/h is not a number ≥ 0; event ignored`);
    return false;
  };

  for (const event of sorted) {
    const atMin = toMin(event.at);
    const label = `${event.kind} at ${event.at.toISOString()}`;
    switch (event.kind) {
      case 'start':
        if (!validRate(event.rateMlPerH, label)) break;
        if (state === 'running') {
          issues.push(`${label}: pump already running; treated as a rate change`);
          close(atMin);
        } else if (state === 'paused') {
          issues.push(`${label}: pump was paused; treated as a resume`);
        }
        rateMlPerH = event.rateMlPerH;
        openedAt = atMin;
        state = 'running';
        break;
      case 'rate_change':
        if (!validRate(event.rateMlPerH, label)) break;
        if (state === 'running') {
          close(atMin);
          openedAt = atMin;
          rateMlPerH = event.rateMlPerH;
        } else if (state === 'paused') {
          rateMlPerH = event.rateMlPerH;
        } else {
          issues.push(`${label}: pump not running; ignored`);
        }
        break;
      case 'pause':
        if (state === 'running') {
          close(atMin);
          state = 'paused';
        } else {
          issues.push(`${label}: pump not running; ignored`);
        }
        break;
      case 'resume':
        if (!validRate(event.rateMlPerH, label)) break;
        if (state === 'paused') {
          rateMlPerH = event.rateMlPerH ?? rateMlPerH;
          openedAt = atMin;
          state = 'running';
        } else if (state === 'running') {
          issues.push(`${label}: pump already running${event.rateMlPerH === undefined ? '; ignored' : '; treated as a rate change'}`);
          if (event.rateMlPerH !== undefined) {
            close(atMin);
            openedAt = atMin;
            rateMlPerH = event.rateMlPerH;
          }
        } else {
          issues.push(`${label}: pump not paused; ignored`);
        }
        break;
      case 'stop':
        if (state === 'running') close(atMin);
        if (state === 'running' || state === 'paused') state = 'stopped';
        else issues.push(`${label}: pump not running; ignored`);
        break;
      case 'bolus':
        if (!Number.isFinite(event.volumeMl) || event.volumeMl < 0) {
          issues.push(`${label}: volume ${event.volumeMl} mL is not a number ≥ 0; ignored`);
        } else if (event.volumeMl > 0) {
          boluses.push({ atMin, doseMg: event.volumeMl * concentrationMgPerMl });
        }
        break;
    }
  }

  let running = false;
  if (state === 'running' || state === 'paused') {
    if (options.openUntil !== undefined) {
      const untilMin = toMin(options.openUntil);
      if (untilMin < openedAt) issues.push(`openUntil ${options.openUntil.toISOString()} is before the last pump event; nothing added after it`);
      if (state === 'running') close(untilMin);
    } else {
      running = true;
      if (state === 'running' && rateMlPerH > 0) {
        segments.push({ startMin: openedAt, endMin: Infinity, rateMgPerMin: toMgPerMin(rateMlPerH) });
      }
    }
  }
  const schedule: PkSchedule = boluses.length > 0 ? { segments, boluses } : { segments };
  return { startAt: origin, schedule, running, issues };
}

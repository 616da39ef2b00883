/**
 * The session and pump event state machine: replays the recorded events of one
 * IV session, reports every event that could not have happened, and computes
 * what the pump actually delivered (clinical.md §4.3, §7, §15 rules 11, 20, 34).
 */
import { minutesBetween } from '../monitoring/time.ts';

export type SessionPhase =
  | 'arrived'
  | 'pre-checks'
  | 'ready'
  | 'infusing'
  | 'paused'
  | 'recovery'
  | 'ready-for-discharge'
  | 'discharged';

export type SessionEvent =
  | { type: 'begin-checks'; at: Date }
  | { type: 'checks-passed'; at: Date }
  | { type: 'start'; at: Date; rateMlPerH: number }
  | { type: 'pause'; at: Date; reason: string }
  | { type: 'resume'; at: Date }
  | { type: 'rate-change'; at: Date; rateMlPerH: number; reason: string }
  | { type: 'stop'; at: Date; outcome: 'completed' | 'stopped-early'; reason?: string }
  | { type: 'ready-for-discharge'; at: Date }
  | { type: 'discharge'; at: Date };

export type SessionEventIssueCode =
  | 'invalid-transition'
  | 'already-started'
  | 'time-went-backwards'
  | 'event-in-future'
  | 'invalid-time'
  | 'invalid-rate'
  | 'reason-required';

export interface SessionEventIssue {
  /** Index of the offending event in the input list; the event was skipped. */
  eventIndex: number;
  eventType: SessionEvent['type'];
  code: SessionEventIssueCode;
  message: string;
}

export interface InfusionPlan {
  concentrationMgPerMl: number;
  /** Volume to be infused; the pump stops delivering once it is reached. Null = not programmed. */
  plannedVolumeMl: number | null;
}

export interface PauseRecord {
  startedAt: Date;
  endedAt: Date | null;
  reason: string;
}

export interface RateChangeRecord {
  at: Date;
  fromRateMlPerH: number;
  toRateMlPerH: number;
  reason: string;
}

export interface SessionReplay {
  phase: SessionPhase;
  /** True when every event was accepted. */
  valid: boolean;
  issues: SessionEventIssue[];
  infusionStartedAt: Date | null;
  infusionEndedAt: Date | null;
  endOutcome: 'completed' | 'stopped-early' | null;
  endReason: string | null;
  /** The programmed rate (kept while paused); null before the start. */
  currentRateMlPerH: number | null;
  givenMl: number;
  givenMg: number;
  /** Minutes the pump was running and delivering. */
  runningMin: number;
  /** Minutes spent paused. */
  pausedMin: number;
  /** Wall-clock minutes from the start to the end (or to now). */
  elapsedMin: number;
  /** Planned volume minus given; null without a planned volume. */
  remainingMl: number | null;
  /** Remaining volume at the current rate, in minutes; null when unknown or after the end. */
  remainingMin: number | null;
  /** When the planned volume was (by calculation) fully delivered. */
  volumeReachedAt: Date | null;
  pauses: PauseRecord[];
  rateChanges: RateChangeRecord[];
}

const NEXT_PHASE: Record<SessionEvent['type'], { from: readonly SessionPhase[]; to: SessionPhase | null }> = {
  'begin-checks': { from: ['arrived'], to: 'pre-checks' },
  'checks-passed': { from: ['pre-checks'], to: 'ready' },
  start: { from: ['ready'], to: 'infusing' },
  pause: { from: ['infusing'], to: 'paused' },
  resume: { from: ['paused'], to: 'infusing' },
  'rate-change': { from: ['infusing', 'paused'], to: null },
  stop: { from: ['infusing', 'paused'], to: 'recovery' },
  'ready-for-discharge': { from: ['recovery'], to: 'ready-for-discharge' },
  discharge: { from: ['ready-for-discharge'], to: 'discharged' },
};

const validRate = (rate: number): boolean => Number.isFinite(rate) && rate > 0;

/**
 * Replays session events in the order recorded and returns the phase, every
 * rejected event (wrong phase such as resuming when not paused or starting twice,
 * time going backwards, events after `now`, a missing rate or reason) and the
 * infusion tally: mL and mg delivered from the running segments at their
 * programmed rates (capped at the planned volume), running, paused and elapsed
 * minutes, and the remaining volume and time at the current rate. Rejected events
 * are skipped so one bad entry does not hide the rest.
 * See clinical.md §15 rules 11, 20 and 34 (amount given feeds the ledger balance).
 */
export function replaySessionEvents(events: readonly SessionEvent[], plan: InfusionPlan, now: Date): SessionReplay {
  const issues: SessionEventIssue[] = [];
  let phase = 'arrived' as SessionPhase;
  let lastAtMs = -Infinity;
  let rate: number | null = null;
  let startedAt: Date | null = null;
  let endedAt: Date | null = null;
  let endOutcome: SessionReplay['endOutcome'] = null;
  let endReason: string | null = null;
  let segmentStartMs: number | null = null;
  let pauseStartMs: number | null = null;
  let givenMl = 0;
  let runningMs = 0;
  let pausedMs = 0;
  let volumeReachedAt: Date | null = null;
  const pauses: PauseRecord[] = [];
  const rateChanges: RateChangeRecord[] = [];
  const cap = plan.plannedVolumeMl !== null && Number.isFinite(plan.plannedVolumeMl) ? Math.max(0, plan.plannedVolumeMl) : Infinity;

  const deliverUntil = (endMs: number): void => {
    if (segmentStartMs === null || rate === null) return;
    const durationMs = Math.max(0, endMs - segmentStartMs);
    const volume = (rate * durationMs) / 3_600_000;
    if (givenMl + volume >= cap && volumeReachedAt === null && cap !== Infinity) {
      const neededMs = ((cap - givenMl) / rate) * 3_600_000;
      volumeReachedAt = new Date(segmentStartMs + neededMs);
      runningMs += neededMs;
      givenMl = cap;
    } else if (volumeReachedAt === null) {
      runningMs += durationMs;
      givenMl += volume;
    }
    segmentStartMs = endMs;
  };

  events.forEach((event, index) => {
    const reject = (code: SessionEventIssueCode, message: string): void => {
      issues.push({ eventIndex: index, eventType: event.type, code, message });
    };
    const atMs = event.at instanceof Date ? event.at.getTime() : Number.NaN;
    if (Number.isNaN(atMs)) return reject('invalid-time', `Event ${index + 1} (${event.type}) has no valid time.`);
    if (atMs < lastAtMs) return reject('time-went-backwards', `Event ${index + 1} (${event.type}) is earlier than the event before it.`);
    if (atMs > now.getTime()) return reject('event-in-future', `Event ${index + 1} (${event.type}) is later than now.`);
    const rule = NEXT_PHASE[event.type];
    if (!rule.from.includes(phase)) {
      if (event.type === 'start' && startedAt !== null) return reject('already-started', 'The infusion has already been started.');
      return reject('invalid-transition', `Cannot ${event.type} while the session is ${phase}.`);
    }
    switch (event.type) {
      case 'begin-checks':
      case 'checks-passed':
      case 'ready-for-discharge':
      case 'discharge':
        break;
      case 'start':
        if (!validRate(event.rateMlPerH)) return reject('invalid-rate', 'A start needs a rate above 0 mL/h.');
        rate = event.rateMlPerH;
        startedAt = event.at;
        segmentStartMs = atMs;
        break;
      case 'pause':
        if (event.reason.trim() === '') return reject('reason-required', 'A pause needs a reason.');
        deliverUntil(atMs);
        segmentStartMs = null;
        pauseStartMs = atMs;
        pauses.push({ startedAt: event.at, endedAt: null, reason: event.reason });
        break;
      case 'resume': {
        pausedMs += atMs - (pauseStartMs ?? atMs);
        pauseStartMs = null;
        const open = pauses[pauses.length - 1];
        if (open !== undefined) open.endedAt = event.at;
        segmentStartMs = atMs;
        break;
      }
      case 'rate-change':
        if (!validRate(event.rateMlPerH)) return reject('invalid-rate', 'A rate change needs a new rate above 0 mL/h.');
        if (event.reason.trim() === '') return reject('reason-required', 'A rate change needs a reason.');
        if (phase === 'infusing') deliverUntil(atMs);
        rateChanges.push({ at: event.at, fromRateMlPerH: rate ?? 0, toRateMlPerH: event.rateMlPerH, reason: event.reason });
        rate = event.rateMlPerH;
        break;
      case 'stop':
        if (event.outcome === 'stopped-early' && (event.reason ?? '').trim() === '') {
          return reject('reason-required', 'Stopping early needs a reason.');
        }
        if (phase === 'infusing') deliverUntil(atMs);
        if (phase === 'paused') {
          pausedMs += atMs - (pauseStartMs ?? atMs);
          pauseStartMs = null;
          const open = pauses[pauses.length - 1];
          if (open !== undefined) open.endedAt = event.at;
        }
        segmentStartMs = null;
        endedAt = event.at;
        endOutcome = event.outcome;
        endReason = event.reason ?? null;
        break;
    }
    lastAtMs = atMs;
    if (rule.to !== null) phase = rule.to;
  });

  if (phase === 'infusing') deliverUntil(now.getTime());
  if (phase === 'paused' && pauseStartMs !== null) pausedMs += now.getTime() - pauseStartMs;

  const remainingMl = cap === Infinity ? null : Math.max(0, cap - givenMl);
  const running = phase === 'infusing' || phase === 'paused';
  return {
    phase,
    valid: issues.length === 0,
    issues,
    infusionStartedAt: startedAt,
    infusionEndedAt: endedAt,
    endOutcome,
    endReason,
    currentRateMlPerH: rate,
    givenMl,
    givenMg: givenMl * plan.concentrationMgPerMl,
    runningMin: runningMs / 60_000,
    pausedMin: pausedMs / 60_000,
    elapsedMin: startedAt === null ? 0 : minutesBetween(startedAt, endedAt ?? now),
    remainingMl,
    remainingMin: running && remainingMl !== null && rate !== null ? (remainingMl / rate) * 60 : null,
    volumeReachedAt,
    pauses,
    rateChanges,
  };
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at } from '../monitoring/test-helpers.ts';
import { replaySessionEvents } from './session-events.ts';
import type { SessionEvent } from './session-events.ts';

const plan = { concentrationMgPerMl: 1, plannedVolumeMl: 40 };
const toReady: SessionEvent[] = [
  { type: 'begin-checks', at: at(-20) },
  { type: 'checks-passed', at: at(-5) },
];

describe('session event replay', () => {
  it('delivers 60 mL/h for 40 minutes as 40 mL and 40 mg', () => {
    const result = replaySessionEvents(
      [...toReady, { type: 'start', at: at(0), rateMlPerH: 60 }, { type: 'stop', at: at(40), outcome: 'completed' }],
      plan,
      at(50),
    );
    expect(result).toMatchObject({ phase: 'recovery', valid: true, endOutcome: 'completed', infusionEndedAt: at(40), remainingMl: 0, remainingMin: null });
    expect(result.givenMl).toBeCloseTo(40, 9);
    expect(result.givenMg).toBeCloseTo(40, 9);
    expect(result.runningMin).toBeCloseTo(40, 9);
  });

  it('excludes paused time and counts rate changes from their time', () => {
    const result = replaySessionEvents(
      [
        ...toReady,
        { type: 'start', at: at(0), rateMlPerH: 60 },
        { type: 'pause', at: at(10), reason: 'BP 185/112 twice' },
        { type: 'resume', at: at(20) },
        { type: 'rate-change', at: at(30), rateMlPerH: 30, reason: 'Dysphoria' },
      ],
      { concentrationMgPerMl: 2, plannedVolumeMl: 40 },
      at(40),
    );
    expect(result.phase).toBe('infusing');
    expect(result.givenMl).toBeCloseTo(25, 9);
    expect(result.givenMg).toBeCloseTo(50, 9);
    expect(result.pausedMin).toBeCloseTo(10, 9);
    expect(result.runningMin).toBeCloseTo(30, 9);
    expect(result.elapsedMin).toBeCloseTo(40, 9);
    expect(result.remainingMl).toBeCloseTo(15, 9);
    expect(result.remainingMin).toBeCloseTo(30, 9);
    expect(result.pauses).toEqual([{ startedAt: at(10), endedAt: at(20), reason: 'BP 185/112 twice' }]);
    expect(result.rateChanges).toEqual([{ at: at(30), fromRateMlPerH: 60, toRateMlPerH: 30, reason: 'Dysphoria' }]);
  });

  it('stops counting delivery when the planned volume is reached', () => {
    const result = replaySessionEvents([...toReady, { type: 'start', at: at(0), rateMlPerH: 60 }], plan, at(55));
    expect(result.givenMl).toBe(40);
    expect(result.volumeReachedAt).toEqual(at(40));
    expect(result.runningMin).toBeCloseTo(40, 9);
    expect(result.remainingMin).toBe(0);
  });

  it('records an early stop with its reason while paused', () => {
    const result = replaySessionEvents(
      [...toReady, { type: 'start', at: at(0), rateMlPerH: 60 }, { type: 'pause', at: at(15), reason: 'Chest pain' }, { type: 'stop', at: at(18), outcome: 'stopped-early', reason: 'Chest pain, emergency transfer' }],
      plan,
      at(30),
    );
    expect(result).toMatchObject({ phase: 'recovery', endOutcome: 'stopped-early', endReason: 'Chest pain, emergency transfer', valid: true });
    expect(result.givenMl).toBeCloseTo(15, 9);
    expect(result.pausedMin).toBeCloseTo(3, 9);
  });

  it('walks through recovery to discharge', () => {
    const result = replaySessionEvents(
      [...toReady, { type: 'start', at: at(0), rateMlPerH: 60 }, { type: 'stop', at: at(40), outcome: 'completed' }, { type: 'ready-for-discharge', at: at(100) }, { type: 'discharge', at: at(110) }],
      plan,
      at(120),
    );
    expect(result.phase).toBe('discharged');
    expect(result.elapsedMin).toBeCloseTo(40, 9);
  });

  const started: SessionEvent[] = [...toReady, { type: 'start', at: at(0), rateMlPerH: 60 }];
  it.each([
    { title: 'rejects resuming when not paused', events: [...started, { type: 'resume', at: at(5) }], code: 'invalid-transition' },
    { title: 'rejects starting twice', events: [...started, { type: 'start', at: at(5), rateMlPerH: 60 }], code: 'already-started' },
    { title: 'rejects starting before the checks pass', events: [{ type: 'start', at: at(0), rateMlPerH: 60 }], code: 'invalid-transition' },
    { title: 'rejects a time that goes backwards', events: [...started, { type: 'pause', at: at(-1), reason: 'x' }], code: 'time-went-backwards' },
    { title: 'rejects an event after now', events: [...started, { type: 'pause', at: at(90), reason: 'x' }], code: 'event-in-future' },
    { title: 'rejects a pause without a reason', events: [...started, { type: 'pause', at: at(5), reason: ' ' }], code: 'reason-required' },
    { title: 'rejects a rate change without a reason', events: [...started, { type: 'rate-change', at: at(5), rateMlPerH: 30, reason: '' }], code: 'reason-required' },
    { title: 'rejects a zero rate', events: [...toReady, { type: 'start', at: at(0), rateMlPerH: 0 }], code: 'invalid-rate' },
    { title: 'rejects stopping early without a reason', events: [...started, { type: 'stop', at: at(5), outcome: 'stopped-early' }], code: 'reason-required' },
    { title: 'rejects discharge straight from infusing', events: [...started, { type: 'discharge', at: at(5) }], code: 'invalid-transition' },
  ] as { title: string; events: SessionEvent[]; code: string }[])('$title', ({ events, code }) => {
    const result = replaySessionEvents(events, plan, at(60));
    expect(result.valid).toBe(false);
    expect(result.issues.map((i) => [i.eventIndex, i.code])).toEqual([[events.length - 1, code]]);
  });

  it('keeps replaying after a rejected event', () => {
    const result = replaySessionEvents([...started, { type: 'resume', at: at(5) }, { type: 'stop', at: at(20), outcome: 'completed' }], plan, at(30));
    expect(result.phase).toBe('recovery');
    expect(result.givenMl).toBeCloseTo(20, 9);
  });
});

describe('session event invariants', () => {
  const action = fc.oneof(
    fc.record({ type: fc.constant('pause' as const), reason: fc.constant('r') }),
    fc.record({ type: fc.constant('resume' as const) }),
    fc.record({ type: fc.constant('rate-change' as const), rateMlPerH: fc.integer({ min: 1, max: 200 }), reason: fc.constant('r') }),
    fc.record({ type: fc.constant('stop' as const), outcome: fc.constant('completed' as const) }),
    fc.record({ type: fc.constant('start' as const), rateMlPerH: fc.integer({ min: 1, max: 200 }) }),
  );

  it('never delivers more than the highest rate times the running time, nor more than planned', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.array(fc.tuple(action, fc.integer({ min: 0, max: 15 })), { maxLength: 25 }),
        fc.option(fc.integer({ min: 1, max: 200 }), { nil: null }),
        fc.integer({ min: 0, max: 60 }),
        (startRate, steps, plannedVolumeMl, extraMin) => {
          let minute = 0;
          const events: SessionEvent[] = [...toReady, { type: 'start', at: at(0), rateMlPerH: startRate }];
          for (const [step, gap] of steps) {
            minute += gap;
            events.push({ ...step, at: at(minute) } as SessionEvent);
          }
          const result = replaySessionEvents(events, { concentrationMgPerMl: 10, plannedVolumeMl }, at(minute + extraMin));
          const maxRate = Math.max(startRate, ...events.map((e) => ('rateMlPerH' in e ? e.rateMlPerH : 0)));
          expect(result.givenMl).toBeLessThanOrEqual((maxRate * result.runningMin) / 60 + 1e-9);
          if (plannedVolumeMl !== null) expect(result.givenMl).toBeLessThanOrEqual(plannedVolumeMl + 1e-9);
          expect(result.runningMin + result.pausedMin).toBeLessThanOrEqual(result.elapsedMin + 1e-9);
          expect(result.givenMg).toBeCloseTo(result.givenMl * 10, 6);
        },
      ),
    );
  });
});

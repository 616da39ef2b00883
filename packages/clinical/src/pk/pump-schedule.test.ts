import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { concentrationsAt } from './pk-simulate.ts';
import { pumpEventsToSchedule, type PumpEvent } from './pump-schedule.ts';

const T0 = Date.parse('2025-03-04T09:00:00Z');
const at = (min: number): Date => new Date(T0 + min * 60_000);

describe('pump events to PK schedule', () => {
  it('converts mL/h at a concentration into mg/min segments relative to the start (pause, resume, rate change, stop)', () => {
    const events: PumpEvent[] = [
      { kind: 'start', at: at(0), rateMlPerH: 52.5 },
      { kind: 'pause', at: at(10) },
      { kind: 'resume', at: at(15) },
      { kind: 'rate_change', at: at(25), rateMlPerH: 105 },
      { kind: 'stop', at: at(35) },
    ];
    const r = pumpEventsToSchedule(events, { concentrationMgPerMl: 1 });
    expect(r.startAt?.getTime()).toBe(T0);
    expect(r.running).toBe(false);
    expect(r.issues).toEqual([]);
    expect(r.schedule.segments).toEqual([
      { startMin: 0, endMin: 10, rateMgPerMin: 0.875 },
      { startMin: 15, endMin: 25, rateMgPerMin: 0.875 },
      { startMin: 25, endMin: 35, rateMgPerMin: 1.75 },
    ]);
  });

  it('reproduces the shared pause vector when replayed through the PK model', () => {
    const doc = JSON.parse(readFileSync(new URL('../../../../../shared/spec/pk-vectors.json', import.meta.url), 'utf8')) as {
      results: Record<string, Record<string, Record<string, { plasma_ng_per_ml: Record<string, number> }>>>;
    };
    const expected = doc.results['domino_1984']?.['70']?.['pause_15_to_25']?.plasma_ng_per_ml ?? {};
    const events: PumpEvent[] = [
      { kind: 'start', at: at(0), rateMlPerH: 52.5 },
      { kind: 'pause', at: at(15) },
      { kind: 'resume', at: at(25) },
      { kind: 'stop', at: at(50) },
    ];
    const { schedule } = pumpEventsToSchedule(events, { concentrationMgPerMl: 1 });
    const times = Object.keys(expected).map(Number);
    expect(times.length).toBeGreaterThan(0);
    concentrationsAt('domino_1984', 70, schedule, times).forEach((c, i) => {
      const e = expected[String(times[i])] ?? Number.NaN;
      expect(Math.abs(c - e) / e).toBeLessThan(1e-9);
    });
  });

  it('leaves a running pump open-ended, or closes it at openUntil', () => {
    const events: PumpEvent[] = [{ kind: 'start', at: at(0), rateMlPerH: 60 }];
    const open = pumpEventsToSchedule(events, { concentrationMgPerMl: 0.5 });
    expect(open.running).toBe(true);
    expect(open.schedule.segments).toEqual([{ startMin: 0, endMin: Infinity, rateMgPerMin: 0.5 }]);
    const closed = pumpEventsToSchedule(events, { concentrationMgPerMl: 0.5, openUntil: at(20) });
    expect(closed.running).toBe(false);
    expect(closed.schedule.segments).toEqual([{ startMin: 0, endMin: 20, rateMgPerMin: 0.5 }]);
  });

  it('sorts events by time, applies a rate change made during a pause at resume, and records boluses', () => {
    const events: PumpEvent[] = [
      { kind: 'resume', at: at(12) },
      { kind: 'rate_change', at: at(8), rateMlPerH: 30 },
      { kind: 'pause', at: at(5) },
      { kind: 'start', at: at(0), rateMlPerH: 60 },
      { kind: 'bolus', at: at(1), volumeMl: 2 },
      { kind: 'stop', at: at(20) },
    ];
    const r = pumpEventsToSchedule(events, { concentrationMgPerMl: 10 });
    expect(r.schedule.segments).toEqual([
      { startMin: 0, endMin: 5, rateMgPerMin: 10 },
      { startMin: 12, endMin: 20, rateMgPerMin: 5 },
    ]);
    expect(r.schedule.boluses).toEqual([{ atMin: 1, doseMg: 20 }]);
  });

  it('reports out-of-place events instead of failing', () => {
    const r = pumpEventsToSchedule(
      [
        { kind: 'pause', at: at(0) },
        { kind: 'start', at: at(1), rateMlPerH: 10 },
        { kind: 'start', at: at(2), rateMlPerH: 20 },
        { kind: 'rate_change', at: at(3), rateMlPerH: -5 },
        { kind: 'stop', at: at(4) },
        { kind: 'stop', at: at(5) },
        { kind: 'resume', at: new Date(Number.NaN) },
      ],
      { concentrationMgPerMl: 6 },
    );
    expect(r.issues).toHaveLength(5);
    expect(r.startAt?.getTime()).toBe(at(1).getTime());
    expect(r.schedule.segments).toEqual([
      { startMin: 0, endMin: 1, rateMgPerMin: 1 },
      { startMin: 1, endMin: 3, rateMgPerMin: 2 },
    ]);
  });

  it('returns an empty schedule without events and rejects a non-positive concentration', () => {
    expect(pumpEventsToSchedule([], { concentrationMgPerMl: 1 })).toEqual({ startAt: null, schedule: { segments: [] }, running: false, issues: [] });
    expect(() => pumpEventsToSchedule([], { concentrationMgPerMl: 0 })).toThrow(RangeError);
  });
});

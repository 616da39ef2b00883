import { describe, expect, it } from 'vitest';
import { evaluateMonitoring } from './evaluate-monitoring.ts';
import { DEFAULT_MONITORING_CONFIG } from './monitoring-config.ts';
import { computeMonitoringSchedule } from './monitoring-schedule.ts';
import type { SessionMonitoringContext, VitalsReading } from './vitals-types.ts';
import { at, baseline, esketamineContext, ivContext, normalReading, reading } from './test-helpers.ts';

function schedule(context: SessionMonitoringContext, readings: VitalsReading[], nowMin: number) {
  return computeMonitoringSchedule({ context, baseline: baseline(), readings, now: at(nowMin) });
}

describe('IV monitoring cadence (rule 20)', () => {
  it.each([
    { title: 'puts the next BP 10 minutes after the last one during the infusion (rule 20)', end: null, readings: [normalReading('a', 12)], now: 15, dueMin: 22, overdue: false },
    { title: 'counts from the infusion start before the first reading (rule 20)', end: null, readings: [], now: 4, dueMin: 10, overdue: false },
    { title: 'is not overdue at 5 minutes late (rule 20)', end: null, readings: [normalReading('a', 12)], now: 27, dueMin: 22, overdue: false },
    { title: 'is overdue at more than 5 minutes late (rule 20)', end: null, readings: [normalReading('a', 12)], now: 27.5, dueMin: 22, overdue: true },
    { title: 'puts the next BP 15 minutes after the last one after the infusion (rule 20)', end: 40, readings: [normalReading('a', 45)], now: 50, dueMin: 60, overdue: false },
    { title: 'is overdue after the infusion at 21 minutes since the last reading (rule 20)', end: 40, readings: [normalReading('a', 45)], now: 66, dueMin: 60, overdue: true },
  ])('$title', ({ end, readings, now, dueMin, overdue }) => {
    const result = schedule(ivContext(end), readings, now);
    const bp = result.due.find((d) => d.parameter === 'bp');
    expect(bp?.dueAt).toEqual(at(dueMin));
    expect(bp?.overdue).toBe(overdue);
    expect(result.alerts.some((a) => a.code === 'bp-reading-overdue')).toBe(overdue);
  });

  it('tracks BP, HR and SpO2 separately (rule 20)', () => {
    const result = schedule(ivContext(), [normalReading('a', 10), reading('b', 18, { heartRateBpm: 80, spo2Pct: 97 })], 26);
    expect(result.due.map((d) => [d.parameter, d.dueAt?.toISOString(), d.overdue])).toEqual([
      ['bp', at(20).toISOString(), true],
      ['hr', at(28).toISOString(), false],
      ['spo2', at(28).toISOString(), false],
    ]);
    expect(result.nextDueAt).toEqual(at(20));
    expect(result.alerts.map((a) => a.key)).toEqual(['20:bp-reading-overdue:after:a']);
  });

  it('treats a paused infusion as still running for the cadence (rule 20)', () => {
    const paused = ivContext(null, { pumpState: 'paused' } as Partial<SessionMonitoringContext>);
    expect(schedule(paused, [normalReading('a', 12)], 15).due[0]?.dueAt).toEqual(at(22));
  });

  it('expects nothing before the infusion starts or after discharge (rule 20)', () => {
    const notStarted: SessionMonitoringContext = { kind: 'iv-ketamine', infusionStartedAt: null, infusionEndedAt: null, pumpState: 'not-started' };
    expect(schedule(notStarted, [], 0)).toMatchObject({ phase: 'pre-dose', due: [], nextDueAt: null });
    const discharged = ivContext(40, { dischargedAt: at(110) } as Partial<SessionMonitoringContext>);
    expect(schedule(discharged, [normalReading('a', 100)], 200)).toMatchObject({ phase: 'discharged', due: [], alerts: [] });
  });
});

describe('esketamine BP timing (rule 20)', () => {
  it.each([
    { title: 'asks for a BP before dosing when none is on file (rule 20)', dose: null, withBaseline: false, readings: [], now: 0, dueCode: 'esketamine-pre-dose', overdue: false },
    { title: 'puts the post-dose BP at 40 minutes after the dose (rule 20)', dose: 0, withBaseline: true, readings: [], now: 20, dueCode: 'esketamine-post-dose', overdue: false },
    { title: 'flags the 40-minute BP overdue at 46 minutes (rule 20)', dose: 0, withBaseline: true, readings: [], now: 46, dueCode: 'esketamine-post-dose', overdue: true },
    { title: 'accepts a BP at 35 minutes as the 40-minute reading (rule 20)', dose: 0, withBaseline: true, readings: [reading('p', 35, { systolicMmHg: 140, diastolicMmHg: 85 })], now: 60, dueCode: null, overdue: false },
    { title: 'does not accept a BP at 20 minutes as the 40-minute reading (rule 20)', dose: 0, withBaseline: true, readings: [reading('p', 20, { systolicMmHg: 140, diastolicMmHg: 85 })], now: 50, dueCode: 'esketamine-post-dose', overdue: true },
  ])('$title', ({ dose, withBaseline, readings, now, dueCode, overdue }) => {
    const result = computeMonitoringSchedule({ context: esketamineContext(dose), baseline: withBaseline ? baseline() : null, readings, now: at(now) });
    expect(result.due.map((d) => d.purpose)).toEqual(dueCode === null ? [] : [dueCode]);
    expect(result.alerts.some((a) => a.code === 'esketamine-post-dose-bp-overdue')).toBe(overdue);
  });

  it('records a missing pre-dose BP once the dose is given without one (rule 20)', () => {
    const result = computeMonitoringSchedule({ context: esketamineContext(0), baseline: null, readings: [], now: at(5) });
    expect(result.records.find((r) => r.code === 'esketamine-pre-dose-bp')?.status).toBe('missing');
  });

  it('adds a periodic BP/HR cadence after the 40-minute reading when configured (rule 20)', () => {
    const config = { ...DEFAULT_MONITORING_CONFIG, schedule: { ...DEFAULT_MONITORING_CONFIG.schedule, esketaminePeriodicIntervalMin: 15 } };
    const result = computeMonitoringSchedule({ context: esketamineContext(0), baseline: baseline(), readings: [normalReading('p', 40)], now: at(50), config });
    expect(result.due.map((d) => [d.parameter, d.dueAt?.toISOString()])).toEqual([
      ['bp', at(55).toISOString()],
      ['hr', at(55).toISOString()],
    ]);
  });
});

describe('sedation and dissociation mid-session (rule 25)', () => {
  const scored = (id: string, min: number): VitalsReading => reading(id, min, { moaasScore: 4, dissociation: { scale: 'CADSS-6', score: 6 } });

  it.each([
    { title: 'is pending during the infusion until charted (rule 25)', end: null, readings: [], now: 20, status: 'pending', advisory: false },
    { title: 'is done when charted during the infusion (rule 25)', end: 40, readings: [scored('s', 20)], now: 50, status: 'done', advisory: false },
    { title: 'is missing with an advisory when the infusion ended without it (rule 25)', end: 40, readings: [], now: 50, status: 'missing', advisory: true },
    { title: 'does not count a score charted after the infusion ended (rule 25)', end: 40, readings: [scored('s', 45)], now: 50, status: 'missing', advisory: true },
  ])('$title', ({ end, readings, now, status, advisory }) => {
    const result = schedule(ivContext(end), readings, now);
    expect(result.records.filter((r) => r.rule === 25).map((r) => r.status)).toEqual([status, status]);
    expect(result.alerts.some((a) => a.rule === 25 && a.severity === 'advisory')).toBe(advisory);
  });

  it('uses the first 60 minutes after an esketamine dose as the mid-session window (rule 25)', () => {
    const done = computeMonitoringSchedule({ context: esketamineContext(0), baseline: baseline(), readings: [scored('s', 40)], now: at(70) });
    const late = computeMonitoringSchedule({ context: esketamineContext(0), baseline: baseline(), readings: [scored('s', 65)], now: at(70) });
    expect(done.records.filter((r) => r.rule === 25).map((r) => r.status)).toEqual(['done', 'done']);
    expect(late.records.filter((r) => r.rule === 25).map((r) => r.status)).toEqual(['missing', 'missing']);
  });
});

describe('evaluateMonitoring', () => {
  it('merges the vitals alerts with the schedule alerts, most severe first (rules 20-25)', () => {
    const result = evaluateMonitoring({
      context: ivContext(),
      baseline: baseline(),
      readings: [reading('a', 2, { systolicMmHg: 210, diastolicMmHg: 100, heartRateBpm: 90, spo2Pct: 97 })],
      now: at(20),
    });
    expect(result.active.map((a) => a.code)).toEqual([
      'bp-severe-reading',
      'bp-rise-from-baseline',
      'bp-reading-overdue',
      'hr-reading-overdue',
      'spo2-reading-overdue',
    ]);
    expect(result.schedule.phase).toBe('during-infusion');
  });
});

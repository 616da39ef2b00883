/**
 * Builders for monitoring, discharge and session tests. Kept beside the code so
 * the three test suites share one vocabulary; not exported from the package.
 */
import type { BaselineVitals, SessionMonitoringContext, VitalsReading } from './vitals-types.ts';

/** 2025-03-04 09:00 UTC: minute 0 of every test session. */
export const T0 = new Date('2025-03-04T09:00:00.000Z');

/** The instant `minutes` after T0. */
export function at(minutes: number): Date {
  return new Date(T0.getTime() + minutes * 60_000);
}

/** A reading at minute `minutes` with the given measurements. */
export function reading(id: string, minutes: number, values: Omit<VitalsReading, 'id' | 'takenAt'> = {}): VitalsReading {
  return { id, takenAt: at(minutes), ...values };
}

/** A normal full set of vitals at minute `minutes`. */
export function normalReading(id: string, minutes: number, extra: Omit<VitalsReading, 'id' | 'takenAt'> = {}): VitalsReading {
  return reading(id, minutes, {
    systolicMmHg: 122,
    diastolicMmHg: 78,
    heartRateBpm: 76,
    spo2Pct: 98,
    respRatePerMin: 14,
    ...extra,
  });
}

/** A baseline of 120/76, HR 72, SpO2 98 %, RR 14 taken at minute -10 unless overridden. */
export function baseline(overrides: Partial<BaselineVitals> = {}): BaselineVitals {
  return {
    id: 'baseline-1',
    takenAt: at(-10),
    systolicMmHg: 120,
    diastolicMmHg: 76,
    heartRateBpm: 72,
    spo2Pct: 98,
    respRatePerMin: 14,
    ...overrides,
  };
}

/** An IV session whose infusion started at minute 0 and, when given, ended at `endMin`. */
export function ivContext(endMin: number | null = null, extra: Partial<SessionMonitoringContext> = {}): SessionMonitoringContext {
  return {
    kind: 'iv-ketamine',
    infusionStartedAt: at(0),
    infusionEndedAt: endMin === null ? null : at(endMin),
    pumpState: endMin === null ? 'running' : 'ended',
    ...extra,
  } as SessionMonitoringContext;
}

/** An esketamine session dosed at minute 0. */
export function esketamineContext(doseAtMin: number | null = 0): SessionMonitoringContext {
  return { kind: 'esketamine', doseAt: doseAtMin === null ? null : at(doseAtMin) };
}

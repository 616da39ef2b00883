import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateMonitoring } from './evaluate-monitoring.ts';
import { evaluateVitalsAlerts } from './vitals-alerts.ts';
import type { VitalsReading } from './vitals-types.ts';
import { at, baseline, ivContext, normalReading } from './test-helpers.ts';

const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });

/** Readings at distinct half-minute steps within two hours, each with a random subset of values. */
const readingsArb: fc.Arbitrary<VitalsReading[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 240 }), { maxLength: 40 })
  .chain((steps) =>
    fc.tuple(
      ...steps.map((step) =>
        fc.record({
          systolicMmHg: optional(fc.integer({ min: 90, max: 220 })),
          diastolicMmHg: optional(fc.integer({ min: 50, max: 130 })),
          heartRateBpm: optional(fc.integer({ min: 40, max: 150 })),
          spo2Pct: optional(fc.integer({ min: 82, max: 100 })),
          respRatePerMin: optional(fc.integer({ min: 6, max: 36 })),
          moaasScore: optional(fc.integer({ min: 0, max: 5 })),
        }).map((values): VitalsReading => {
          const clean = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
          return { id: `r${step}`, takenAt: at(step / 2), ...clean };
        }),
      ),
    ),
  );

const NOW_MIN = 121;

function evaluate(readings: readonly VitalsReading[]) {
  return evaluateMonitoring({ context: ivContext(), baseline: baseline(), readings, now: at(NOW_MIN) });
}

describe('vitals alert invariants', () => {
  it('gives the same alerts whatever order the readings arrive in (rules 19-25)', () => {
    fc.assert(
      fc.property(readingsArb.chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length }))), ([ordered, shuffled]) => {
        expect(evaluate(shuffled)).toEqual(evaluate(ordered));
      }),
    );
  });

  it('never creates a new BP alert when a normal reading is added after the others (rules 21, 22)', () => {
    fc.assert(
      fc.property(readingsArb, (readings) => {
        const bpKeys = (rs: readonly VitalsReading[]): string[] =>
          evaluate(rs).active.filter((a) => a.rule === 21 || a.rule === 22).map((a) => a.key);
        const before = new Set(bpKeys(readings));
        const after = bpKeys([...readings, normalReading('normal', NOW_MIN - 0.25)]);
        expect(after.filter((key) => !before.has(key))).toEqual([]);
        expect(after).toEqual([]);
      }),
    );
  });

  it('raises tachycardia only over at least 5 minutes of HR above 120 on every reading (rule 24)', () => {
    fc.assert(
      fc.property(readingsArb, (readings) => {
        const byId = new Map(readings.map((r) => [r.id, r]));
        const result = evaluateVitalsAlerts({ context: ivContext(), baseline: baseline(), readings, now: at(NOW_MIN) });
        for (const alert of [...result.active, ...result.cleared].filter((a) => a.code === 'hr-sustained-tachycardia')) {
          const rs = alert.readingIds.map((id) => byId.get(id) as VitalsReading);
          expect(rs.every((r) => (r.heartRateBpm ?? 0) > 120)).toBe(true);
          const spanMin = (rs[rs.length - 1]!.takenAt.getTime() - rs[0]!.takenAt.getTime()) / 60_000;
          expect(spanMin).toBeGreaterThanOrEqual(5);
        }
      }),
    );
  });

  it('confirms rule 22 only with a second qualifying reading 4 to 15 minutes after the first, or one severe reading (rule 22)', () => {
    fc.assert(
      fc.property(readingsArb, (readings) => {
        const byId = new Map(readings.map((r) => [r.id, r]));
        const result = evaluateVitalsAlerts({ context: ivContext(), baseline: baseline(), readings, now: at(NOW_MIN) });
        for (const alert of [...result.active, ...result.cleared].filter((a) => a.rule === 22 && a.severity === 'escalate')) {
          const trigger = byId.get(alert.facts.triggeringReadingId as string)!;
          if (alert.code === 'bp-severe-reading') {
            expect((trigger.systolicMmHg ?? 0) >= 200 || (trigger.diastolicMmHg ?? 0) >= 120).toBe(true);
          } else {
            expect(alert.facts.minutesBetweenReadings as number).toBeGreaterThanOrEqual(4);
            expect(alert.facts.minutesBetweenReadings as number).toBeLessThanOrEqual(15);
          }
        }
      }),
    );
  });
});

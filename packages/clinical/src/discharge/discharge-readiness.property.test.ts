import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VitalsReading } from '../monitoring/vitals-types.ts';
import { at, baseline, esketamineContext, ivContext } from '../monitoring/test-helpers.ts';
import { assessDischarge } from './discharge-readiness.ts';

const vitalsArb = fc.record({
  systolicMmHg: fc.integer({ min: 80, max: 200 }),
  diastolicMmHg: fc.integer({ min: 40, max: 120 }),
  heartRateBpm: fc.integer({ min: 40, max: 140 }),
  spo2Pct: fc.integer({ min: 85, max: 100 }),
  moaasScore: fc.integer({ min: 0, max: 5 }),
});

describe('discharge invariants', () => {
  it('is never ready before the minimum observation time, whatever the vitals (rules 27, 28)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('iv-ketamine', 'esketamine'),
        vitalsArb,
        fc.integer({ min: 0, max: 120 * 60_000 - 1 }),
        fc.boolean(),
        (kind, vitals, offsetMs, signedOff) => {
          const esketamine = kind === 'esketamine';
          const anchorMin = esketamine ? 0 : 40;
          const minObservation = esketamine ? 120 : 60;
          const nowMin = anchorMin + (offsetMs % (minObservation * 60_000)) / 60_000;
          const reading: VitalsReading = { id: 'v', takenAt: at(nowMin), ...vitals, dissociation: { scale: 'CADSS-6', score: 0 } };
          const result = assessDischarge({
            context: esketamine ? esketamineContext(0) : ivContext(40),
            baseline: baseline(),
            readings: [reading],
            aldrete: {
              assessedAt: at(nowMin),
              activity: 'moves-four-limbs',
              respiration: 'breathes-deeply-and-coughs',
              consciousness: 'fully-awake',
              systolicMmHg: vitals.systolicMmHg,
              baselineSystolicMmHg: 120,
              spo2Pct: vitals.spo2Pct,
              onSupplementalOxygen: false,
            },
            clinicianSignOff: signedOff ? { byUserId: 'dr-a', signedAt: at(nowMin), note: 'stable' } : null,
            escort: { name: 'Sam', phone: '555 0100' },
            now: at(nowMin),
          });
          expect(result.ready).toBe(false);
          expect(result.findings.some((f) => f.code === 'observation-time-not-met')).toBe(true);
        },
      ),
    );
  });

  it('reports ready only at or after the earliest time by the clock (rules 27, 28)', () => {
    fc.assert(
      fc.property(vitalsArb, fc.integer({ min: 40, max: 300 }), (vitals, nowMin) => {
        const result = assessDischarge({
          context: ivContext(40),
          baseline: baseline(),
          readings: [{ id: 'v', takenAt: at(nowMin), ...vitals, dissociation: { scale: 'observer-0-4', score: 1 } }],
          aldrete: null,
          padss: {
            assessedAt: at(nowMin),
            systolicMmHg: vitals.systolicMmHg,
            baselineSystolicMmHg: 120,
            heartRateBpm: vitals.heartRateBpm,
            baselineHeartRateBpm: 72,
            ambulation: 'steady-gait-no-dizziness',
            nauseaVomiting: 'minimal',
            pain: 'minimal',
            bleeding: 'minimal',
          },
          clinicianSignOff: null,
          escort: { name: 'Sam', phone: '555 0100' },
          now: at(nowMin),
        });
        if (result.ready) expect(nowMin).toBeGreaterThanOrEqual(100);
        expect(result.ready).toBe(result.findings.length === 0);
      }),
    );
  });
});

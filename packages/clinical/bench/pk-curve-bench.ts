/**
 * Times the predicted-concentration curve the infusion chart draws: 0-240 min at
 * 1-min resolution (241 points) for 0.5 mg/kg over 40 min with a pause and a rate
 * change, per model. Run with `npm run -s bench:clinical`; the last line is
 * `pk_curve_us=<mean microseconds per curve over all models>`.
 */
import { performance } from 'node:perf_hooks';
import { PK_MODEL_IDS } from '../src/pk/pk-models.ts';
import type { PkSchedule } from '../src/pk/pk-schedule.ts';
import { concentrationCurve } from '../src/pk/pk-simulate.ts';

const WEIGHT_KG = 70;
const DOSE_MG = 0.5 * WEIGHT_KG;
const BASE_RATE_MG_PER_MIN = DOSE_MG / 40;
// 0-10 min at the ordered rate, paused 10-15 min, 15-25 min at 1.5×, 25-40 min back at the ordered rate: 35 mg in all.
const SCHEDULE: PkSchedule = {
  segments: [
    { startMin: 0, endMin: 10, rateMgPerMin: BASE_RATE_MG_PER_MIN },
    { startMin: 15, endMin: 25, rateMgPerMin: 1.5 * BASE_RATE_MG_PER_MIN },
    { startMin: 25, endMin: 40, rateMgPerMin: BASE_RATE_MG_PER_MIN },
  ],
};
const OPTIONS = { fromMin: 0, toMin: 240, stepMin: 1 };
const WARMUP = 20_000;
const ITERATIONS = 200_000;

let sink = 0;
const perModelUs: number[] = [];
for (const model of PK_MODEL_IDS) {
  for (let i = 0; i < WARMUP; i++) sink += concentrationCurve(model, WEIGHT_KG, SCHEDULE, OPTIONS).concNgPerMl[40] ?? 0;
  const started = performance.now();
  for (let i = 0; i < ITERATIONS; i++) sink += concentrationCurve(model, WEIGHT_KG, SCHEDULE, OPTIONS).concNgPerMl[40] ?? 0;
  const us = ((performance.now() - started) * 1000) / ITERATIONS;
  perModelUs.push(us);
  const curve = concentrationCurve(model, WEIGHT_KG, SCHEDULE, OPTIONS);
  console.log(`${model}: ${us.toFixed(2)} us per ${curve.tMin.length}-point curve (C at 40 min ${curve.concNgPerMl[40]?.toFixed(1)} ng/mL)`);
}
console.log(`iterations=${ITERATIONS} per model after ${WARMUP} warm-up; checksum ${sink.toExponential(3)}`);
console.log(`pk_curve_us=${(perModelUs.reduce((a, b) => a + b, 0) / perModelUs.length).toFixed(2)}`);

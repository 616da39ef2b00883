import { describe, expect, it } from 'vitest';
import type { VitalsReading } from '../monitoring/vitals-types.ts';
import { at, baseline, esketamineContext, ivContext, normalReading } from '../monitoring/test-helpers.ts';
import { DEFAULT_DISCHARGE_CONFIG } from './discharge-config.ts';
import { assessDischarge } from './discharge-readiness.ts';
import type { DischargeInput } from './discharge-readiness.ts';
import type { ModifiedAldreteInput, PadssInput } from './recovery-scores.ts';

const aldreteAt = (min: number, overrides: Partial<ModifiedAldreteInput> = {}): ModifiedAldreteInput => ({
  assessedAt: at(min),
  activity: 'moves-four-limbs',
  respiration: 'breathes-deeply-and-coughs',
  consciousness: 'fully-awake',
  systolicMmHg: 124,
  baselineSystolicMmHg: 120,
  spo2Pct: 97,
  onSupplementalOxygen: false,
  ...overrides,
});

const padssAt = (min: number, overrides: Partial<PadssInput> = {}): PadssInput => ({
  assessedAt: at(min),
  systolicMmHg: 124,
  baselineSystolicMmHg: 120,
  heartRateBpm: 78,
  baselineHeartRateBpm: 72,
  ambulation: 'steady-gait-no-dizziness',
  nauseaVomiting: 'minimal',
  pain: 'minimal',
  bleeding: 'minimal',
  ...overrides,
});

const dischargeReading = (min: number, extra: Partial<VitalsReading> = {}): VitalsReading =>
  normalReading(`d${min}`, min, { moaasScore: 5, dissociation: { scale: 'CADSS-6', score: 0 }, ...extra });

/** An IV session that ended at minute 40 and is ready at minute 105. */
function readyIv(overrides: Partial<DischargeInput> = {}): DischargeInput {
  return {
    context: ivContext(40),
    baseline: baseline(),
    readings: [normalReading('m20', 20, { moaasScore: 4, dissociation: { scale: 'CADSS-6', score: 8 } }), dischargeReading(100)],
    aldrete: aldreteAt(102),
    clinicianSignOff: null,
    escort: { name: 'Sam Doe', phone: '+1 555 010 0200' },
    now: at(105),
    ...overrides,
  };
}

const codes = (input: DischargeInput): string[] => assessDischarge(input).findings.map((f) => `${f.rule}:${f.code}`).sort();

describe('IV ketamine discharge (rules 25, 28)', () => {
  it('is ready when every criterion is met (rule 28)', () => {
    const result = assessDischarge(readyIv());
    expect(result.findings).toEqual([]);
    expect(result.ready).toBe(true);
    expect(result.earliestByClockAt).toEqual(at(100));
    expect(result.aldrete?.total).toBe(10);
  });

  it.each([
    { title: 'blocks discharge 45 minutes after the infusion ended (rule 28)', input: readyIv({ now: at(85), readings: [dischargeReading(80)], aldrete: aldreteAt(84) }), expected: ['28:observation-time-not-met'] },
    { title: 'blocks discharge while the infusion has not ended (rule 28)', input: readyIv({ context: ivContext(null) }), expected: ['28:infusion-not-ended'] },
    { title: 'blocks discharge when SBP is more than 20 % above baseline (rule 28)', input: readyIv({ readings: [dischargeReading(100, { systolicMmHg: 150 })] }), expected: ['28:vitals-not-within-baseline'] },
    { title: 'blocks discharge when HR is more than 20 % below baseline (rule 28)', input: readyIv({ readings: [dischargeReading(100, { heartRateBpm: 55 })] }), expected: ['28:vitals-not-within-baseline'] },
    { title: 'blocks discharge when the last vitals are older than 15 minutes (rule 28)', input: readyIv({ readings: [dischargeReading(85), normalReading('s', 100, { systolicMmHg: undefined, diastolicMmHg: undefined, heartRateBpm: undefined, moaasScore: 5, dissociation: { scale: 'observer-0-4', score: 0 } })] }), expected: ['28:discharge-vitals-not-current'] },
    { title: 'blocks discharge when the modified Aldrete is 8 (rule 28)', input: readyIv({ aldrete: aldreteAt(102, { activity: 'moves-two-limbs', consciousness: 'arousable-on-calling' }) }), expected: ['28:aldrete-below-minimum'] },
    { title: 'blocks discharge without a recovery score (rule 28)', input: readyIv({ aldrete: null }), expected: ['28:recovery-score-missing'] },
    { title: 'blocks discharge on an Aldrete older than 15 minutes (rule 28)', input: readyIv({ aldrete: aldreteAt(80) }), expected: ['28:aldrete-not-current'] },
    { title: 'blocks discharge without an escort (rule 28)', input: readyIv({ escort: null }), expected: ['28:escort-missing'] },
    { title: 'blocks discharge with an escort without a phone number (rule 28)', input: readyIv({ escort: { name: 'Sam', phone: ' ' } }), expected: ['28:escort-missing'] },
    { title: 'blocks discharge without sedation and dissociation scores at discharge (rule 25)', input: readyIv({ readings: [normalReading('v', 100)] }), expected: ['25:discharge-dissociation-not-recorded', '25:discharge-sedation-not-recorded'] },
    { title: 'blocks discharge when the only dissociation score is from mid-infusion (rule 25)', input: readyIv({ readings: [normalReading('m', 20, { dissociation: { scale: 'CADSS', score: 12 } }), normalReading('v', 100, { rassScore: 0 })] }), expected: ['25:discharge-dissociation-not-recorded'] },
  ])('$title', ({ input, expected }) => {
    expect(codes(input)).toEqual(expected);
    expect(assessDischarge(input).ready).toBe(false);
  });

  it('lists every unmet criterion at once (rules 25, 28)', () => {
    const input = readyIv({ now: at(60), readings: [normalReading('v', 58, { systolicMmHg: 170 })], aldrete: null, escort: null });
    expect(codes(input)).toEqual([
      '25:discharge-dissociation-not-recorded',
      '25:discharge-sedation-not-recorded',
      '28:escort-missing',
      '28:observation-time-not-met',
      '28:recovery-score-missing',
      '28:vitals-not-within-baseline',
    ]);
    expect(assessDischarge(input).earliestByClockAt).toEqual(at(100));
  });

  it('accepts a clinician sign-off instead of vitals within 20 % of baseline (rule 28)', () => {
    const signOff = { byUserId: 'dr-a', signedAt: at(103), note: 'Chronic hypertension, at usual BP' };
    expect(assessDischarge(readyIv({ readings: [dischargeReading(100, { systolicMmHg: 150 })], clinicianSignOff: signOff })).ready).toBe(true);
  });

  it('does not accept a sign-off dated before the infusion ended (rule 28)', () => {
    const signOff = { byUserId: 'dr-a', signedAt: at(30), note: 'ok' };
    expect(codes(readyIv({ readings: [dischargeReading(100, { systolicMmHg: 150 })], clinicianSignOff: signOff }))).toEqual(['28:vitals-not-within-baseline']);
  });

  it('accepts a PADSS of 9 when the Aldrete is low (rule 28)', () => {
    const input = readyIv({ aldrete: aldreteAt(102, { activity: 'moves-two-limbs', consciousness: 'arousable-on-calling' }), padss: padssAt(102, { pain: 'moderate' }) });
    expect(assessDischarge(input).ready).toBe(true);
  });

  it('requires the Aldrete when the clinic is configured for it alone (rule 28)', () => {
    const config = { ...DEFAULT_DISCHARGE_CONFIG, recoveryScore: 'aldrete' as const };
    expect(codes(readyIv({ aldrete: null, padss: padssAt(102), config }))).toEqual(['28:recovery-score-missing']);
  });

  it('uses the configured observation time (rule 28)', () => {
    const config = { ...DEFAULT_DISCHARGE_CONFIG, iv: { minObservationAfterInfusionMin: 90 } };
    const result = assessDischarge(readyIv({ config }));
    expect(result.earliestByClockAt).toEqual(at(130));
    expect(result.findings.map((f) => f.code)).toEqual(['observation-time-not-met']);
  });
});

describe('esketamine discharge (rules 25, 27)', () => {
  const release = { byUserId: 'dr-a', signedAt: at(118), note: 'Clinically stable, BP falling' };
  const readyEsk = (overrides: Partial<DischargeInput> = {}): DischargeInput =>
    readyIv({ context: esketamineContext(0), aldrete: null, clinicianSignOff: release, readings: [dischargeReading(115)], now: at(121), ...overrides });

  it.each([
    { title: 'allows discharge at 121 minutes with a clinician release (rule 27)', input: readyEsk(), expected: [] },
    { title: 'blocks discharge at 119 minutes after the dose (rule 27)', input: readyEsk({ now: at(119), clinicianSignOff: { ...release, signedAt: at(119) } }), expected: ['27:observation-time-not-met'] },
    { title: 'blocks discharge without a clinician release (rule 27)', input: readyEsk({ clinicianSignOff: null }), expected: ['27:clinician-release-missing'] },
    { title: 'blocks discharge without a dose time (rule 27)', input: readyEsk({ context: esketamineContext(null) }), expected: ['27:esketamine-dose-time-missing'] },
    { title: 'blocks discharge without an escort (rule 27)', input: readyEsk({ escort: null }), expected: ['27:escort-missing'] },
    { title: 'does not apply the IV vitals and score criteria by default (rule 27)', input: readyEsk({ readings: [dischargeReading(115, { systolicMmHg: 160 })] }), expected: [] },
  ])('$title', ({ input, expected }) => {
    expect(codes(input)).toEqual(expected);
  });

  it('reports 120 minutes after the dose as the earliest discharge (rule 27)', () => {
    expect(assessDischarge(readyEsk({ now: at(60) })).earliestByClockAt).toEqual(at(120));
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_MONITORING_CONFIG } from './monitoring-config.ts';
import type { MonitoringConfig } from './monitoring-config.ts';
import { checkPreDoseBp, evaluateVitalsAlerts } from './vitals-alerts.ts';
import type { VitalsAlertInput } from './vitals-alerts.ts';
import type { PreDoseBpDecision, SessionMonitoringContext, VitalsReading } from './vitals-types.ts';
import { at, baseline, esketamineContext, ivContext, normalReading, reading } from './test-helpers.ts';

function run(readings: VitalsReading[], nowMin: number, extra: Partial<VitalsAlertInput> = {}) {
  return evaluateVitalsAlerts({ context: ivContext(), baseline: baseline(), readings, now: at(nowMin), ...extra });
}

const codes = (alerts: { code: string }[]): string[] => alerts.map((a) => a.code).sort();

describe('pre-dose BP gate (rule 19)', () => {
  const notStarted: SessionMonitoringContext = { kind: 'iv-ketamine', infusionStartedAt: null, infusionEndedAt: null, pumpState: 'not-started' };
  const proceed: PreDoseBpDecision = { decision: 'proceed', decidedAt: at(-5), decidedByUserId: 'dr-a', reason: 'Usual BP, benefit outweighs risk' };

  it.each([
    { title: '145/85 is above 140/90 (rule 19)', sbp: 145, dbp: 85, above: true },
    { title: '135/95 is above 140/90 on the diastolic (rule 19)', sbp: 135, dbp: 95, above: true },
    { title: '140/90 is not above 140/90 (rule 19)', sbp: 140, dbp: 90, above: false },
    { title: 'a missing diastolic is judged on the systolic alone (rule 19)', sbp: 150, dbp: null, above: true },
  ])('$title', ({ sbp, dbp, above }) => {
    expect(checkPreDoseBp({ systolicMmHg: sbp, diastolicMmHg: dbp }).aboveThreshold).toBe(above);
  });

  it.each([
    { title: 'asks for a proceed/delay decision when pre-dose BP is 150/95 and none is recorded (rule 19)', decision: null, mode: 'decision', code: 'pre-dose-bp-decision-required' },
    { title: 'raises nothing once a proceed decision with a reason is recorded (rule 19)', decision: proceed, mode: 'decision', code: null },
    { title: 'ignores a decision recorded before the BP was taken (rule 19)', decision: { ...proceed, decidedAt: at(-20) }, mode: 'decision', code: 'pre-dose-bp-decision-required' },
    { title: 'ignores a decision without a reason (rule 19)', decision: { ...proceed, reason: '  ' }, mode: 'decision', code: 'pre-dose-bp-decision-required' },
    { title: 'raises the hard stop in hard-stop mode even with a decision (rule 19)', decision: proceed, mode: 'hard-stop', code: 'pre-dose-bp-hard-stop' },
  ] as const)('$title', ({ decision, mode, code }) => {
    const config: MonitoringConfig = { ...DEFAULT_MONITORING_CONFIG, preDoseBp: { ...DEFAULT_MONITORING_CONFIG.preDoseBp, mode } };
    const result = run([], 0, { context: notStarted, baseline: baseline({ systolicMmHg: 150, diastolicMmHg: 95 }), preDoseDecision: decision, config });
    expect(result.active.find((a) => a.rule === 19)?.code ?? null).toBe(code);
  });

  it('raises nothing when the pre-dose BP is 138/88 (rule 19)', () => {
    expect(run([], 0, { context: notStarted, baseline: baseline({ systolicMmHg: 138, diastolicMmHg: 88 }) }).active).toEqual([]);
  });
});

describe('BP rise from baseline (rule 21)', () => {
  it.each([
    { title: 'alerts the supervising clinician when SBP rises 40 above baseline (rule 21)', sbp: 160, dbp: 80, alert: true },
    { title: 'alerts when DBP rises 25 above baseline (rule 21)', sbp: 130, dbp: 101, alert: true },
    { title: 'does not alert for a rise of 39/24 (rule 21)', sbp: 159, dbp: 100, alert: false },
  ])('$title', ({ sbp, dbp, alert }) => {
    const result = run([reading('r1', 10, { systolicMmHg: sbp, diastolicMmHg: dbp })], 12);
    const found = result.active.find((a) => a.rule === 21);
    expect(found !== undefined).toBe(alert);
    if (found) {
      expect(found.action).toBe('notify-supervising-clinician');
      expect(found.key).toBe('21:bp-rise-from-baseline:r1');
    }
  });

  it('clears the rise at the next BP reading below the rise thresholds and keeps it in history (rule 21)', () => {
    const result = run([reading('r1', 10, { systolicMmHg: 165, diastolicMmHg: 85 }), reading('r2', 20, { systolicMmHg: 140, diastolicMmHg: 85 })], 21);
    expect(result.active.filter((a) => a.rule === 21)).toEqual([]);
    expect(result.cleared.map((a) => [a.key, a.clearedByReadingId])).toContainEqual(['21:bp-rise-from-baseline:r1', 'r2']);
  });

  it('ignores readings taken before dosing started (rule 21)', () => {
    const result = run([reading('r0', -3, { systolicMmHg: 170, diastolicMmHg: 95 })], 1);
    expect(result.active.filter((a) => a.rule === 21 || a.rule === 22)).toEqual([]);
  });

  it('skips rule 21 without a baseline (rule 21)', () => {
    expect(run([reading('r1', 10, { systolicMmHg: 175, diastolicMmHg: 100 })], 11, { baseline: null }).active).toEqual([]);
  });
});

describe('urgent and severe BP (rule 22)', () => {
  const high = (id: string, min: number, sbp = 185, dbp = 100): VitalsReading => reading(id, min, { systolicMmHg: sbp, diastolicMmHg: dbp });

  it.each([
    { title: 'prompts to pause when SBP is 185 on two readings 5 minutes apart (rule 22)', readings: [high('a', 10), high('b', 15)], code: 'bp-urgent-confirmed' },
    { title: 'prompts to pause when DBP is 112 on two readings 10 minutes apart (rule 22)', readings: [high('a', 10, 150, 112), high('b', 20, 150, 112)], code: 'bp-urgent-confirmed' },
    { title: 'asks only for a recheck after a single 185/112 (rule 22)', readings: [high('a', 10, 185, 112)], code: 'bp-urgent-recheck' },
    { title: 'asks only for a recheck when the second reading is 2 minutes later (rule 22)', readings: [high('a', 10), high('b', 12)], code: 'bp-urgent-recheck' },
    { title: 'asks only for a recheck when the readings are 20 minutes apart (rule 22)', readings: [high('a', 10), high('b', 30)], code: 'bp-urgent-recheck' },
    { title: 'prompts to pause on a single SBP of 205 (rule 22)', readings: [high('a', 10, 205, 100)], code: 'bp-severe-reading' },
    { title: 'prompts to pause on a single DBP of 120 (rule 22)', readings: [high('a', 10, 170, 120)], code: 'bp-severe-reading' },
    { title: 'does nothing for 179/109 (rule 22)', readings: [high('a', 10, 179, 109), high('b', 15, 179, 109)], code: null },
    { title: 'does not pair two high readings split by a normal one (rule 22)', readings: [high('a', 10), reading('n', 12, { systolicMmHg: 150, diastolicMmHg: 90 }), high('b', 15)], code: 'bp-urgent-recheck' },
    { title: 'pairs across a reading without BP (rule 22)', readings: [high('a', 10), reading('hr', 12, { heartRateBpm: 90 }), high('b', 15)], code: 'bp-urgent-confirmed' },
  ])('$title', ({ readings, code }) => {
    const result = run(readings, 31);
    const alerts = result.active.filter((a) => a.rule === 22);
    expect(alerts.map((a) => a.code)).toEqual(code === null ? [] : [code]);
  });

  it('tells the team to pause the infusion during it and to assess only after it (rule 22)', () => {
    const during = run([high('a', 10, 205)], 11);
    expect(during.active[0]?.action).toBe('pause-infusion-and-assess');
    const after = run([high('a', 50, 205)], 51, { context: ivContext(40) });
    expect(after.active.find((a) => a.rule === 22)?.action).toBe('clinician-assessment');
  });

  it('keys a confirmed episode on its first reading and keeps the key as readings arrive (rule 22)', () => {
    const first = run([high('a', 10), high('b', 15)], 16).active.find((a) => a.rule === 22);
    const later = run([high('a', 10), high('b', 15), high('c', 25)], 26).active.find((a) => a.rule === 22);
    expect(first?.key).toBe('22:bp-urgent-confirmed:a');
    expect(later?.key).toBe(first?.key);
    expect(later?.since).toEqual(at(10));
    expect(later?.readingIds).toEqual(['a', 'b', 'c']);
  });

  it('clears at the next BP reading below 180/110 and asks the server to keep it until acknowledged (rule 22)', () => {
    const result = run([high('a', 10), high('b', 15), reading('c', 20, { systolicMmHg: 160, diastolicMmHg: 95 })], 21);
    expect(result.active.filter((a) => a.rule === 22)).toEqual([]);
    const cleared = result.cleared.find((a) => a.rule === 22);
    expect(cleared).toMatchObject({ code: 'bp-urgent-confirmed', clearedAt: at(20), clearedByReadingId: 'c', requiresAcknowledgement: true });
  });

  it('does not clear on a reading with only a normal systolic (rule 22)', () => {
    const result = run([high('a', 10, 205), reading('c', 20, { systolicMmHg: 160 })], 21);
    expect(codes(result.active.filter((a) => a.rule === 22))).toEqual(['bp-severe-reading']);
  });
});

describe('hypertensive crisis symptoms (rule 23)', () => {
  it.each([
    ['chest-pain'], ['dyspnea'], ['sudden-severe-headache'], ['visual-change'], ['seizure'], ['reduced-consciousness'], ['focal-deficit'],
  ] as const)('raises an emergency and stops the infusion for %s whatever the BP (rule 23)', (symptom) => {
    const result = run([reading('s', 12, { systolicMmHg: 118, diastolicMmHg: 70, symptoms: [symptom] })], 13);
    expect(result.active[0]).toMatchObject({ rule: 23, severity: 'emergency', action: 'call-emergency-and-stop-infusion', key: '23:hypertensive-crisis-symptom:s' });
  });

  it('stays active after a later reading without symptoms (rule 23)', () => {
    const result = run([reading('s', 12, { symptoms: ['chest-pain'] }), normalReading('n', 20, { symptoms: [] })], 21);
    expect(result.active.map((a) => a.rule)).toContain(23);
  });

  it('asks for emergency care without a pump to stop in an esketamine session (rule 23)', () => {
    const result = run([reading('s', 30, { symptoms: ['seizure'] })], 31, { context: esketamineContext(0) });
    expect(result.active[0]?.action).toBe('call-emergency');
  });

  it('raises nothing for an empty symptom list (rule 23)', () => {
    expect(run([normalReading('n', 10, { symptoms: [] })], 11).active).toEqual([]);
  });
});

describe('heart rate, respiration and oxygen saturation (rule 24)', () => {
  it.each([
    { title: 'does not alert when HR is 125 for 3 minutes (rule 24)', hrs: [[0, 125], [1, 126], [3, 125]], code: null },
    { title: 'alerts when HR stays above 120 for 5 minutes (rule 24)', hrs: [[0, 125], [2, 126], [5, 125]], code: 'hr-sustained-tachycardia' },
    { title: 'does not alert when one reading in the 5 minutes is 118 (rule 24)', hrs: [[0, 125], [2, 118], [5, 125]], code: null },
    { title: 'does not alert for HR of exactly 120 sustained (rule 24)', hrs: [[0, 120], [5, 120], [10, 120]], code: null },
    { title: 'alerts for HR 48 on one reading (rule 24)', hrs: [[0, 48]], code: 'hr-bradycardia' },
    { title: 'does not alert for HR 50 (rule 24)', hrs: [[0, 50]], code: null },
  ])('$title', ({ hrs, code }) => {
    const readings = hrs.map(([min, hr], i) => reading(`h${i}`, 10 + (min as number), { heartRateBpm: hr as number }));
    const result = run(readings, 20);
    expect(codes(result.active)).toEqual(code === null ? [] : [code]);
  });

  it.each([
    { title: 'alerts when RR is 8 (rule 24)', values: { respRatePerMin: 8 }, expected: ['rr-low'] },
    { title: 'alerts when RR is 32 (rule 24)', values: { respRatePerMin: 32 }, expected: ['rr-high'] },
    { title: 'does not alert for RR 10 or 30 (rule 24)', values: { respRatePerMin: 10 }, expected: [] },
    { title: 'warns when SpO2 is 93 % (rule 24)', values: { spo2Pct: 93 }, expected: ['spo2-low'] },
    { title: 'escalates when SpO2 is 88 % (rule 24)', values: { spo2Pct: 88 }, expected: ['spo2-critical', 'spo2-low'] },
    { title: 'does not alert for SpO2 94 % (rule 24)', values: { spo2Pct: 94 }, expected: [] },
  ])('$title', ({ values, expected }) => {
    expect(codes(run([reading('r', 10, values)], 11).active)).toEqual(expected);
  });

  it('clears tachycardia at the next HR reading at or below 120 (rule 24)', () => {
    const readings = [reading('a', 10, { heartRateBpm: 130 }), reading('b', 16, { heartRateBpm: 128 }), reading('c', 20, { heartRateBpm: 100 })];
    const result = run(readings, 21);
    expect(result.active).toEqual([]);
    expect(result.cleared.map((a) => a.code)).toEqual(['hr-sustained-tachycardia']);
  });

  it('marks the SpO2 escalation for acknowledgement but not the warning (rule 24)', () => {
    const result = run([reading('r', 10, { spo2Pct: 85 })], 11);
    expect(result.active.map((a) => [a.code, a.severity, a.requiresAcknowledgement])).toEqual([
      ['spo2-critical', 'escalate', true],
      ['spo2-low', 'warning', false],
    ]);
  });
});

describe('loss of consciousness (rule 25)', () => {
  it.each([
    { title: 'raises an emergency for MOAA/S 0 (rule 25)', values: { moaasScore: 0 }, alert: true },
    { title: 'raises an emergency for RASS -5 (rule 25)', values: { rassScore: -5 }, alert: true },
    { title: 'does not alert for MOAA/S 1 (rule 25)', values: { moaasScore: 1 }, alert: false },
  ])('$title', ({ values, alert }) => {
    const result = run([reading('m', 20, values)], 21);
    expect(result.active.some((a) => a.rule === 25 && a.severity === 'emergency')).toBe(alert);
  });

  it('clears when a later MOAA/S is above 0 but keeps the acknowledgement flag (rule 25)', () => {
    const result = run([reading('m', 20, { moaasScore: 0 }), reading('n', 23, { moaasScore: 3 })], 24);
    expect(result.active).toEqual([]);
    expect(result.cleared[0]).toMatchObject({ rule: 25, requiresAcknowledgement: true, clearedByReadingId: 'n' });
  });
});

describe('evaluation as of now', () => {
  it('ignores readings stamped after now', () => {
    expect(run([reading('future', 30, { spo2Pct: 80 })], 20).active).toEqual([]);
  });

  it('sorts emergencies before escalations before warnings', () => {
    const result = run(
      [reading('a', 10, { systolicMmHg: 205, diastolicMmHg: 100, heartRateBpm: 45 }), reading('b', 11, { symptoms: ['chest-pain'] })],
      12,
    );
    expect(result.active.map((a) => a.severity)).toEqual(['emergency', 'escalate', 'warning', 'warning']);
  });
});

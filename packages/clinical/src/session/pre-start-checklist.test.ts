import { describe, expect, it } from 'vitest';
import { DEFAULT_MONITORING_CONFIG } from '../monitoring/monitoring-config.ts';
import { at, baseline } from '../monitoring/test-helpers.ts';
import type { PreDoseBpDecision } from '../monitoring/vitals-types.ts';
import { evaluatePreStartChecklist, evaluateStartGate } from './pre-start-checklist.ts';
import type { PreStartChecklistInput } from './pre-start-checklist.ts';
import { DEFAULT_REQUIRED_VISIT_INSTRUMENTS, DEFAULT_SESSION_CONFIG } from './session-config.ts';

const DAY_MIN = 24 * 60;

/** Everything in order for an IV session at minute 0. */
function complete(overrides: Partial<PreStartChecklistInput> = {}): PreStartChecklistInput {
  return {
    kind: 'iv-ketamine',
    escort: { name: 'Sam Doe', phone: '+1 (555) 010-0200' },
    fasting: { lastSolidsAt: at(-8 * 60), lastLiquidsAt: at(-150), recordedAt: at(-20) },
    childbearingPotential: true,
    pregnancyTest: { result: 'negative', takenAt: at(-2 * DAY_MIN) },
    weightMeasuredAt: at(-10 * DAY_MIN),
    baseline: baseline({ takenAt: at(-10) }),
    requiredInstrumentIds: DEFAULT_REQUIRED_VISIT_INSTRUMENTS,
    completedInstruments: [
      { instrumentId: 'PHQ-9', completedAt: at(-30) },
      { instrumentId: 'C-SSRS-Screener', completedAt: at(-28) },
    ],
    now: at(0),
    ...overrides,
  };
}

const unmet = (input: PreStartChecklistInput): string[] =>
  evaluatePreStartChecklist(input).items.filter((i) => i.status === 'unmet').map((i) => `${i.id}:${i.finding?.code}`);

describe('pre-start checklist (rule 18)', () => {
  it('is complete when every item is met (rule 18)', () => {
    const result = evaluatePreStartChecklist(complete());
    expect(result.complete).toBe(true);
    expect(result.items.map((i) => i.status)).toEqual(['met', 'met', 'met', 'met', 'met', 'met']);
  });

  it.each([
    { title: 'needs an escort (rule 18)', change: { escort: null }, expected: ['escort:escort-missing'] },
    { title: 'needs the escort phone number (rule 18)', change: { escort: { name: 'Sam', phone: '555' } }, expected: ['escort:escort-phone-missing'] },
    { title: 'needs the fasting status recorded (rule 18)', change: { fasting: null }, expected: ['fasting:fasting-not-recorded'] },
    { title: 'blocks IV dosing 5 hours after solids (rule 18)', change: { fasting: { lastSolidsAt: at(-300), lastLiquidsAt: null, recordedAt: at(-5) } }, expected: ['fasting:fasting-not-met'] },
    { title: 'blocks IV dosing 90 minutes after clear liquids (rule 18)', change: { fasting: { lastSolidsAt: null, lastLiquidsAt: at(-90), recordedAt: at(-5) } }, expected: ['fasting:fasting-not-met'] },
    { title: 'needs a pregnancy test for a patient of childbearing potential (rule 18)', change: { pregnancyTest: null }, expected: ['pregnancy:pregnancy-status-missing'] },
    { title: 'rejects a negative pregnancy test 8 days old (rule 18)', change: { pregnancyTest: { result: 'negative', takenAt: at(-8 * DAY_MIN) } }, expected: ['pregnancy:pregnancy-status-not-current'] },
    { title: 'flags a positive pregnancy test (rule 18)', change: { pregnancyTest: { result: 'positive', takenAt: at(-60) } }, expected: ['pregnancy:pregnancy-test-positive'] },
    { title: 'needs a weight within 30 days for IV dosing (rule 18)', change: { weightMeasuredAt: at(-31 * DAY_MIN) }, expected: ['weight:weight-not-current'] },
    { title: 'needs a weight at all for IV dosing (rule 18)', change: { weightMeasuredAt: null }, expected: ['weight:weight-missing'] },
    { title: 'needs baseline vitals (rule 18)', change: { baseline: null }, expected: ['baseline-vitals:baseline-vitals-missing'] },
    { title: 'needs a baseline SpO2 (rule 18)', change: { baseline: baseline({ takenAt: at(-10), spo2Pct: null }) }, expected: ['baseline-vitals:baseline-vitals-incomplete'] },
    { title: 'needs baseline vitals from the last hour (rule 18)', change: { baseline: baseline({ takenAt: at(-90) }) }, expected: ['baseline-vitals:baseline-vitals-not-current'] },
    { title: 'needs the PHQ-9 for the visit (rule 18)', change: { completedInstruments: [{ instrumentId: 'C-SSRS-Screener', completedAt: at(-5) }] }, expected: ['visit-scales:visit-scales-incomplete'] },
    { title: 'does not count a C-SSRS from two days ago (rule 18)', change: { completedInstruments: [{ instrumentId: 'PHQ-9', completedAt: at(-5) }, { instrumentId: 'C-SSRS-Screener', completedAt: at(-2 * DAY_MIN) }] }, expected: ['visit-scales:visit-scales-incomplete'] },
  ])('$title', ({ change, expected }) => {
    const input = complete(change as Partial<PreStartChecklistInput>);
    expect(unmet(input)).toEqual(expected);
    expect(evaluatePreStartChecklist(input).complete).toBe(false);
  });

  it.each([
    { title: 'accepts esketamine dosing 2 hours after food and 30 minutes after liquids (rule 18)', solids: -120, liquids: -30, met: true },
    { title: 'blocks esketamine dosing 20 minutes after liquids (rule 18)', solids: -180, liquids: -20, met: false },
  ])('$title', ({ solids, liquids, met }) => {
    const input = complete({ kind: 'esketamine', fasting: { lastSolidsAt: at(solids), lastLiquidsAt: at(liquids), recordedAt: at(-1) } });
    expect(unmet(input).length === 0).toBe(met);
  });

  it('does not ask for weight in an esketamine session or pregnancy without childbearing potential (rule 18)', () => {
    const result = evaluatePreStartChecklist(complete({ kind: 'esketamine', weightMeasuredAt: null, childbearingPotential: false, pregnancyTest: null }));
    expect(result.complete).toBe(true);
    expect(result.items.filter((i) => i.status === 'not-applicable').map((i) => i.id)).toEqual(['pregnancy', 'weight']);
  });

  it('keeps the checklist complete when the clinic sets unmet fasting to a warning (rule 18)', () => {
    const config = { ...DEFAULT_SESSION_CONFIG, fasting: { ...DEFAULT_SESSION_CONFIG.fasting, unmetSeverity: 'warning' as const } };
    const result = evaluatePreStartChecklist(complete({ fasting: { lastSolidsAt: at(-60), lastLiquidsAt: null, recordedAt: at(-1) }, config }));
    expect(result.complete).toBe(true);
    expect(result.items.find((i) => i.id === 'fasting')?.finding?.severity).toBe('warning');
  });

  it('skips fasting when the clinic has no IV fasting rule (rule 18)', () => {
    const config = { ...DEFAULT_SESSION_CONFIG, fasting: { ...DEFAULT_SESSION_CONFIG.fasting, ivKetamine: null } };
    expect(evaluatePreStartChecklist(complete({ fasting: null, config })).complete).toBe(true);
  });

  it('requires the baseline respiratory rate when configured (rule 18)', () => {
    const config = { ...DEFAULT_SESSION_CONFIG, baselineRequiresRespRate: true };
    expect(unmet(complete({ baseline: baseline({ takenAt: at(-5), respRatePerMin: null }), config }))).toEqual(['baseline-vitals:baseline-vitals-incomplete']);
  });
});

describe('start gate (rules 18, 19)', () => {
  const proceed: PreDoseBpDecision = { decision: 'proceed', decidedAt: at(-2), decidedByUserId: 'dr-a', reason: 'Usual BP for this patient' };
  const highBaseline = baseline({ takenAt: at(-10), systolicMmHg: 152, diastolicMmHg: 94 });
  const checklist = evaluatePreStartChecklist(complete({ baseline: highBaseline }));

  it.each([
    { title: 'allows the start when BP is below 140/90 and the checklist is complete (rule 19)', bl: baseline({ takenAt: at(-10) }), decision: null, allowed: true, codes: [] },
    { title: 'blocks the start above 140/90 without a decision (rule 19)', bl: highBaseline, decision: null, allowed: false, codes: ['pre-dose-bp-decision-required'] },
    { title: 'allows the start above 140/90 with a proceed decision (rule 19)', bl: highBaseline, decision: proceed, allowed: true, codes: ['pre-dose-bp-proceed-recorded'] },
    { title: 'blocks the start when the decision is to delay (rule 19)', bl: highBaseline, decision: { ...proceed, decision: 'delay' as const }, allowed: false, codes: ['pre-dose-bp-delay-decided'] },
    { title: 'blocks the start on a decision made before the BP was taken (rule 19)', bl: highBaseline, decision: { ...proceed, decidedAt: at(-30) }, allowed: false, codes: ['pre-dose-bp-decision-required'] },
    { title: 'blocks the start on a decision without a reason (rule 19)', bl: highBaseline, decision: { ...proceed, reason: '' }, allowed: false, codes: ['pre-dose-bp-decision-required'] },
  ])('$title', ({ bl, decision, allowed, codes }) => {
    const gate = evaluateStartGate({ checklist, baseline: bl, preDoseDecision: decision, now: at(0) });
    expect(gate.allowed).toBe(allowed);
    expect(gate.findings.map((f) => f.code)).toEqual(codes);
  });

  it('blocks the start above 140/90 in hard-stop mode even with a proceed decision (rule 19)', () => {
    const monitoringConfig = { ...DEFAULT_MONITORING_CONFIG, preDoseBp: { ...DEFAULT_MONITORING_CONFIG.preDoseBp, mode: 'hard-stop' as const } };
    const gate = evaluateStartGate({ checklist, baseline: highBaseline, preDoseDecision: proceed, now: at(0), monitoringConfig });
    expect(gate).toMatchObject({ allowed: false, findings: [{ rule: 19, code: 'pre-dose-bp-hard-stop' }] });
  });

  it('blocks the start while the checklist is incomplete (rule 18)', () => {
    const incomplete = evaluatePreStartChecklist(complete({ escort: null }));
    const gate = evaluateStartGate({ checklist: incomplete, baseline: baseline({ takenAt: at(-10) }), preDoseDecision: null, now: at(0) });
    expect(gate).toMatchObject({ allowed: false, findings: [{ rule: 18, code: 'pre-start-checklist-incomplete', facts: { unmetItems: 'escort' } }] });
  });
});

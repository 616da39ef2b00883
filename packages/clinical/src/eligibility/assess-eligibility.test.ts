import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EligibilityConfig } from './eligibility-config.ts';
import { DEFAULT_ELIGIBILITY_CONFIG } from './eligibility-config.ts';
import type { EligibilityFacts } from './assess-eligibility.ts';
import { ABSOLUTE_CONTRAINDICATIONS, MONITORING_CONDITIONS, RELATIVE_CONTRAINDICATIONS, assessEligibility } from './assess-eligibility.ts';
import { addDays } from '../shared/calendar-date.ts';

const TODAY = '2025-03-10';
const ago = (days: number): string => addDays(TODAY, -days);
const cfg = DEFAULT_ELIGIBILITY_CONFIG;

const base = (): EligibilityFacts => ({
  occasion: 'first-infusion',
  route: 'iv-ketamine',
  purpose: 'psychiatric',
  diagnoses: [{ code: 'F33.2' }],
  antidepressantTrials: [
    { drug: 'sertraline', doseMgPerDay: 150, weeks: 8, adequate: true, outcome: 'non-response', currentEpisode: true },
    { drug: 'Effexor XR', doseMgPerDay: 225, weeks: 6, adequate: true, outcome: 'partial-response', currentEpisode: true },
  ],
  consent: { signedOn: ago(5) },
  orderedDoseMgPerKg: 0.5,
  contraindications: [],
  childbearingPotential: false,
  pregnancyTests: [],
  substanceUse: { assessedOn: ago(10), currentUse: false, misuseSuspected: false, activeAbuse: false },
  cardiovascularRisk: false,
  liverRisk: false,
  highDosePainCoursesPlanned: false,
  medications: [{ name: 'sertraline', dose: 150, doseUnit: 'mg', frequencyPerDay: 1 }],
});

interface Case {
  title: string;
  facts: Partial<EligibilityFacts>;
  config?: EligibilityConfig;
  codes: string[];
  status: 'blocked' | 'needs-acknowledgement' | 'clear';
}

const run = ({ facts, config }: Pick<Case, 'facts' | 'config'>): ReturnType<typeof assessEligibility> =>
  assessEligibility({ ...base(), ...facts }, config ?? cfg, TODAY);

const trial = (drug: string, extra: Partial<EligibilityFacts['antidepressantTrials'][number]> = {}): EligibilityFacts['antidepressantTrials'][number] => ({
  drug, weeks: 6, adequate: true, outcome: 'non-response', currentEpisode: true, ...extra,
});

function check(c: Case): void {
  const r = run(c);
  expect(r.findings.map((f) => f.code).sort()).toEqual([...c.codes].sort());
  expect(r.status).toBe(c.status);
}

describe('eligibility', () => {
  it('is clear for a documented TRD patient with consent, screening and no flags', () => {
    expect(run({ facts: {} })).toEqual({ status: 'clear', findings: [] });
  });

  it.each<Case>([
    { title: 'blocks a first infusion with only one failed adequate trial', facts: { antidepressantTrials: [trial('sertraline')] }, codes: ['treatment-resistance-not-documented'], status: 'blocked' },
    { title: 'counts two trials of the same drug once', facts: { antidepressantTrials: [trial('sertraline'), trial('Zoloft')] }, codes: ['treatment-resistance-not-documented'], status: 'blocked' },
    { title: 'counts every trial when configured so', facts: { antidepressantTrials: [trial('sertraline'), trial('Zoloft')] }, config: { ...cfg, rule1: { ...cfg.rule1, countDistinct: 'trial' } }, codes: [], status: 'clear' },
    { title: 'counts antidepressant classes when configured so', facts: { antidepressantTrials: [trial('sertraline'), trial('escitalopram')] }, config: { ...cfg, rule1: { ...cfg.rule1, countDistinct: 'class' } }, codes: ['treatment-resistance-not-documented'], status: 'blocked' },
    { title: 'accepts one failed trial when the threshold is configured to 1', facts: { antidepressantTrials: [trial('sertraline')] }, config: { ...cfg, rule1: { ...cfg.rule1, minFailedAdequateTrials: 1 } }, codes: [], status: 'clear' },
    { title: 'does not count trials from an earlier episode', facts: { antidepressantTrials: [trial('sertraline'), trial('bupropion', { currentEpisode: false })] }, codes: ['treatment-resistance-not-documented'], status: 'blocked' },
    { title: 'does not count a response or an inadequate trial', facts: { antidepressantTrials: [trial('sertraline'), trial('bupropion', { outcome: 'response' }), trial('mirtazapine', { adequate: false })] }, codes: ['treatment-resistance-not-documented'], status: 'blocked' },
    { title: 'does not count a trial shorter than 4 weeks and says why', facts: { antidepressantTrials: [trial('sertraline'), trial('bupropion', { weeks: 3 })] }, codes: ['trial-too-short', 'treatment-resistance-not-documented'], status: 'blocked' },
    { title: 'does not count a drug that is not an antidepressant and says why', facts: { antidepressantTrials: [trial('sertraline'), trial('aripiprazole')] }, codes: ['trial-drug-not-counted', 'treatment-resistance-not-documented'], status: 'blocked' },
    { title: 'blocks without a qualifying diagnosis', facts: { diagnoses: [{ code: 'I10' }] }, codes: ['diagnosis-code-not-listed', 'no-qualifying-diagnosis'], status: 'blocked' },
    { title: 'warns about an invalid diagnosis code and does not count it', facts: { diagnoses: [{ code: 'F33-2' }] }, codes: ['diagnosis-code-invalid', 'no-qualifying-diagnosis'], status: 'blocked' },
    { title: 'accepts an unlisted code with an explicit indication', facts: { diagnoses: [{ code: 'F33.8', indication: 'depression' }, { code: 'F06.32', indication: 'depression' }] }, codes: [], status: 'clear' },
    { title: 'does not require failed trials for PTSD', facts: { diagnoses: [{ code: 'F43.12' }], antidepressantTrials: [] }, codes: [], status: 'clear' },
    { title: 'does not qualify on suicidal ideation alone', facts: { diagnoses: [{ code: 'R45.851' }] }, codes: ['no-qualifying-diagnosis'], status: 'blocked' },
    { title: 'checks trials only before the first infusion', facts: { occasion: 'infusion', antidepressantTrials: [] }, codes: [], status: 'clear' },
    { title: 'does not apply the psychiatric criterion to a pain course', facts: { purpose: 'pain', diagnoses: [{ code: 'G90.511' }], antidepressantTrials: [] }, codes: [], status: 'clear' },
  ])('$title (rule 1)', check);

  it.each<Case>([
    { title: 'blocks without signed off-label consent', facts: { consent: null }, codes: ['off-label-consent-missing'], status: 'blocked' },
    { title: 'blocks when consent is signed after the infusion date', facts: { consent: { signedOn: addDays(TODAY, 3) }, plannedOn: addDays(TODAY, 1) }, codes: ['off-label-consent-missing'], status: 'blocked' },
    { title: 'requires re-consent above 0.5 mg/kg', facts: { orderedDoseMgPerKg: 0.75 }, codes: ['re-consent-required'], status: 'blocked' },
    { title: 'accepts a higher dose covered by a re-consent', facts: { orderedDoseMgPerKg: 0.75, consent: { signedOn: ago(1), maxDoseMgPerKg: 1 } }, codes: [], status: 'clear' },
    { title: 'does not ask for off-label consent for on-label esketamine', facts: { route: 'esketamine', consent: null }, codes: [], status: 'clear' },
  ])('$title (rule 2)', check);

  it.each<Case>([
    ...ABSOLUTE_CONTRAINDICATIONS.map((c): Case => ({ title: `blocks on ${c}`, facts: { contraindications: [c] }, codes: ['absolute-contraindication'], status: 'blocked' })),
    ...RELATIVE_CONTRAINDICATIONS.filter((c) => c !== 'active-substance-abuse').map((c): Case => ({ title: `hard-warns on ${c}`, facts: { contraindications: [c] }, codes: ['relative-contraindication'], status: 'needs-acknowledgement' })),
    { title: 'hard-warns on active substance abuse and blocks serial infusions', facts: { contraindications: ['active-substance-abuse'] }, codes: ['relative-contraindication', 'active-substance-abuse-serial-infusions'], status: 'blocked' },
    ...MONITORING_CONDITIONS.map((c): Case => ({ title: `informs on ${c}`, facts: { contraindications: [c] }, codes: ['intensify-bp-monitoring'], status: 'clear' })),
    { title: 'warns on a diagnosis with psychotic features', facts: { diagnoses: [{ code: 'F33.3' }] }, codes: ['psychotic-features-diagnosis'], status: 'needs-acknowledgement' },
  ])('$title (rule 3)', check);

  it.each<Case>([
    { title: 'blocks a series start without a pregnancy test', facts: { childbearingPotential: true }, codes: ['pregnancy-test-missing'], status: 'blocked' },
    { title: 'treats unrecorded childbearing potential as possible', facts: { childbearingPotential: null }, codes: ['pregnancy-test-missing'], status: 'blocked' },
    { title: 'accepts a negative test on the same day', facts: { childbearingPotential: true, pregnancyTests: [{ takenOn: TODAY, result: 'negative' }] }, codes: [], status: 'clear' },
    { title: 'accepts a negative test 7 days before', facts: { childbearingPotential: true, pregnancyTests: [{ takenOn: ago(7), result: 'negative' }] }, codes: [], status: 'clear' },
    { title: 'blocks when the negative test is 8 days old', facts: { childbearingPotential: true, pregnancyTests: [{ takenOn: ago(8), result: 'negative' }] }, codes: ['pregnancy-test-missing'], status: 'blocked' },
    { title: 'blocks when the latest test is positive', facts: { childbearingPotential: true, pregnancyTests: [{ takenOn: ago(5), result: 'negative' }, { takenOn: ago(1), result: 'positive' }] }, codes: ['pregnancy-test-positive'], status: 'blocked' },
    { title: 'lets a positive result win on the same day', facts: { childbearingPotential: true, pregnancyTests: [{ takenOn: ago(1), result: 'negative' }, { takenOn: ago(1), result: 'positive' }] }, codes: ['pregnancy-test-positive'], status: 'blocked' },
    { title: 'measures the window back from the planned series start', facts: { childbearingPotential: true, plannedOn: addDays(TODAY, 10), pregnancyTests: [{ takenOn: TODAY, result: 'negative' }] }, codes: ['pregnancy-test-missing'], status: 'blocked' },
    { title: 'does not re-test within a series by default', facts: { occasion: 'infusion', childbearingPotential: true }, codes: [], status: 'clear' },
    { title: 'tests before every infusion when configured', facts: { occasion: 'infusion', childbearingPotential: true }, config: { ...cfg, rule4: { ...cfg.rule4, requiredAt: 'every-infusion' } }, codes: ['pregnancy-test-missing'], status: 'blocked' },
  ])('$title (rule 4)', check);

  it.each<Case>([
    { title: 'blocks without a substance-use assessment', facts: { substanceUse: null }, codes: ['substance-use-assessment-missing'], status: 'blocked' },
    { title: 'blocks when the assessment is older than 90 days', facts: { substanceUse: { assessedOn: ago(91), currentUse: false, misuseSuspected: false, activeAbuse: false } }, codes: ['substance-use-assessment-stale'], status: 'blocked' },
    { title: 'accepts an assessment exactly 90 days old', facts: { substanceUse: { assessedOn: ago(90), currentUse: false, misuseSuspected: false, activeAbuse: false } }, codes: [], status: 'clear' },
    { title: 'prompts a urine drug screen when misuse is suspected', facts: { substanceUse: { assessedOn: ago(3), currentUse: true, misuseSuspected: true, activeAbuse: false } }, codes: ['urine-drug-screen-prompt'], status: 'needs-acknowledgement' },
    { title: 'does not prompt again once a screen follows the assessment', facts: { substanceUse: { assessedOn: ago(3), currentUse: true, misuseSuspected: true, activeAbuse: false, urineDrugScreenOn: ago(2) } }, codes: [], status: 'clear' },
    { title: 'blocks serial infusions during active substance abuse', facts: { substanceUse: { assessedOn: ago(3), currentUse: true, misuseSuspected: false, activeAbuse: true } }, codes: ['active-substance-abuse-serial-infusions'], status: 'blocked' },
    { title: 'warns for a single infusion during active substance abuse', facts: { singleInfusion: true, substanceUse: { assessedOn: ago(3), currentUse: true, misuseSuspected: false, activeAbuse: true } }, codes: ['active-substance-abuse-single-infusion'], status: 'needs-acknowledgement' },
    { title: 'asks to reconcile an active substance-use diagnosis', facts: { diagnoses: [{ code: 'F33.2' }, { code: 'F11.20' }] }, codes: ['substance-use-diagnosis-unreconciled'], status: 'needs-acknowledgement' },
    { title: 'notes current use without misuse', facts: { substanceUse: { assessedOn: ago(3), currentUse: true, misuseSuspected: false, activeAbuse: false } }, codes: ['current-substance-use'], status: 'clear' },
  ])('$title (rule 5)', check);

  it.each<Case>([
    { title: 'blocks without an ECG when cardiovascular risk is flagged', facts: { cardiovascularRisk: true }, codes: ['ecg-required'], status: 'blocked' },
    { title: 'blocks with an ECG older than a year', facts: { cardiovascularRisk: true, ecgOn: ago(366) }, codes: ['ecg-required'], status: 'blocked' },
    { title: 'accepts a recent ECG', facts: { cardiovascularRisk: true, ecgOn: ago(200) }, codes: [], status: 'clear' },
    { title: 'accepts any ECG on file when no age limit is configured', facts: { cardiovascularRisk: true, ecgOn: ago(2000) }, config: { ...cfg, rule6: { ...cfg.rule6, ecgMaxAgeDays: null } }, codes: [], status: 'clear' },
    { title: 'blocks without baseline LFTs when liver risk is flagged', facts: { liverRisk: true }, codes: ['baseline-lft-required'], status: 'blocked' },
    { title: 'blocks without baseline LFTs before frequent high-dose pain courses', facts: { highDosePainCoursesPlanned: true, lftOn: ago(120) }, codes: ['baseline-lft-required'], status: 'blocked' },
    { title: 'accepts recent LFTs', facts: { liverRisk: true, lftOn: ago(30) }, codes: [], status: 'clear' },
  ])('$title (rule 6)', check);

  it.each<Case>([
    { title: 'warns on bipolar depression without a mood stabilizer', facts: { diagnoses: [{ code: 'F31.81' }] }, codes: ['bipolar-without-mood-stabilizer'], status: 'needs-acknowledgement' },
    { title: 'accepts lithium', facts: { diagnoses: [{ code: 'F31.4' }], medications: [{ name: 'lithium carbonate' }] }, codes: [], status: 'clear' },
    { title: 'ignores a stopped mood stabilizer', facts: { diagnoses: [{ code: 'F31.4' }], medications: [{ name: 'Depakote', active: false }] }, codes: ['bipolar-without-mood-stabilizer'], status: 'needs-acknowledgement' },
    { title: 'accepts an antipsychotic approved for bipolar disorder', facts: { diagnoses: [{ code: 'F31.4' }], medications: [{ name: 'Latuda' }] }, codes: [], status: 'clear' },
    {
      title: 'does not accept antipsychotics when configured not to',
      facts: { diagnoses: [{ code: 'F31.4' }], medications: [{ name: 'Latuda' }] },
      config: { ...cfg, rule7: { antipsychoticsCountAsMoodStabilizers: false } },
      codes: ['bipolar-without-mood-stabilizer'], status: 'needs-acknowledgement',
    },
  ])('$title (rule 7)', check);

  it.each<Case>([
    { title: 'passes medication warnings through', facts: { medications: [{ name: 'Parnate' }, { name: 'Adderall' }] }, codes: ['maoi-intensify-bp-checks', 'psychostimulant-intensify-bp-checks'], status: 'needs-acknowledgement' },
    { title: 'keeps lamotrigine informational', facts: { medications: [{ name: 'Lamictal' }] }, codes: ['lamotrigine-information'], status: 'clear' },
  ])('$title (rule 8)', check);

  it('returns each finding with rule, severity, message, facts, thresholds and sources, sorted by severity', () => {
    const r = run({ facts: { antidepressantTrials: [trial('sertraline')], medications: [{ name: 'Lamictal' }, { name: 'Parnate' }] } });
    expect(r.findings.map((f) => f.severity)).toEqual(['block', 'warning', 'info']);
    expect(r.findings[0]).toMatchObject({
      rule: 1, severity: 'block', code: 'treatment-resistance-not-documented',
      facts: { failedAdequateTrials: 1 }, thresholds: { 'rule1.minFailedAdequateTrials': 2 }, sources: ['S20', 'S50', 'S49'],
    });
    expect(r.findings[0]?.message).toMatch(/needs 2 failed adequate antidepressant trials/);
  });

  it('refuses malformed input with the field named', () => {
    expect(() => run({ facts: { childbearingPotential: true, pregnancyTests: [{ takenOn: '2025-13-01', result: 'negative' }] } })).toThrow('pregnancyTests[0].takenOn');
    expect(() => run({ facts: {}, config: { ...cfg, rule1: { ...cfg.rule1, minFailedAdequateTrials: 4 } } })).toThrow('rule1.minFailedAdequateTrials');
  });

  it('is blocked iff some finding blocks, and needs acknowledgement iff otherwise some finding warns', () => {
    const date = fc.integer({ min: -30, max: 400 }).map((d) => ago(d));
    const factsArb: fc.Arbitrary<EligibilityFacts> = fc.record({
      occasion: fc.constantFrom('first-infusion' as const, 'series-start' as const, 'infusion' as const),
      route: fc.constantFrom('iv-ketamine' as const, 'esketamine' as const),
      purpose: fc.constantFrom('psychiatric' as const, 'pain' as const),
      diagnoses: fc.array(fc.record({ code: fc.constantFrom('F33.2', 'F31.4', 'F43.12', 'F11.20', 'F33.3', 'R45.851', 'I10', 'bad', 'G89.4') }), { maxLength: 3 }),
      antidepressantTrials: fc.array(fc.record({
        drug: fc.constantFrom('sertraline', 'Zoloft', 'bupropion', 'Effexor', 'aripiprazole', 'unknownium'),
        weeks: fc.integer({ min: 0, max: 12 }),
        adequate: fc.boolean(),
        outcome: fc.constantFrom('non-response' as const, 'partial-response' as const, 'response' as const, 'intolerance' as const),
        currentEpisode: fc.boolean(),
      }), { maxLength: 4 }),
      consent: fc.option(fc.record({ signedOn: date, maxDoseMgPerKg: fc.option(fc.constantFrom(0.5, 0.75, 1)) })),
      orderedDoseMgPerKg: fc.option(fc.constantFrom(0.3, 0.5, 0.75, 1)),
      contraindications: fc.subarray([...ABSOLUTE_CONTRAINDICATIONS, ...RELATIVE_CONTRAINDICATIONS, ...MONITORING_CONDITIONS], { maxLength: 2 }),
      childbearingPotential: fc.option(fc.boolean()),
      pregnancyTests: fc.array(fc.record({ takenOn: date, result: fc.constantFrom('negative' as const, 'positive' as const) }), { maxLength: 2 }),
      substanceUse: fc.option(fc.record({ assessedOn: date, currentUse: fc.boolean(), misuseSuspected: fc.boolean(), activeAbuse: fc.boolean(), urineDrugScreenOn: fc.option(date) })),
      singleInfusion: fc.boolean(),
      cardiovascularRisk: fc.boolean(),
      ecgOn: fc.option(date),
      liverRisk: fc.boolean(),
      highDosePainCoursesPlanned: fc.boolean(),
      lftOn: fc.option(date),
      medications: fc.array(fc.record({ name: fc.constantFrom('lorazepam', 'Parnate', 'Adderall', 'lithium', 'Lamictal', 'Latuda', 'vitamin D') }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(factsArb, (facts) => {
        const r = assessEligibility(facts, cfg, TODAY);
        const anyBlock = r.findings.some((f) => f.severity === 'block');
        const anyWarning = r.findings.some((f) => f.severity === 'warning');
        expect(r.status === 'blocked').toBe(anyBlock);
        expect(r.status === 'needs-acknowledgement').toBe(!anyBlock && anyWarning);
        expect(r.status === 'clear').toBe(!anyBlock && !anyWarning);
        for (const f of r.findings) {
          expect(f.rule).toBeGreaterThanOrEqual(1);
          expect(f.rule).toBeLessThanOrEqual(8);
          expect(f.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 500 },
    );
  });
});

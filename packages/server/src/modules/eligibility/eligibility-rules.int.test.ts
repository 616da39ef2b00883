/**
 * Rules 1-8 of clinical.md §15 through the API: each case starts from a chart the
 * clinical core finds clear, changes one fact through the API, and reads the
 * eligibility panel (GET /api/patients/{id}/eligibility).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/index.ts';
import { caller, cleanChart, clinicToday, daysBefore, eligibility, expectStatus, newPatient, profile, signConsent, type Call } from '../intake/intake-fixtures.ts';

let t: TestApp;
let call: Call;
beforeAll(async () => {
  t = await createTestApp();
  call = caller(t, await t.loginAs('prescriber'));
});
afterAll(() => t.close());

const post = async (url: string, body: unknown): Promise<void> => {
  expectStatus(await call('POST', url, body), 201);
};

interface RuleCase {
  title: string;
  rule: number;
  /** Changes one thing on the clean chart of `id`. */
  change: (id: string, today: string) => Promise<void>;
  query?: string;
  consent?: boolean;
  trials?: string[];
  expected: { code: string; severity: 'block' | 'warning' | 'info' } | null;
  status: 'blocked' | 'needs-acknowledgement' | 'clear';
  /** Finding codes that must not appear for this rule. */
  absent?: string[];
}

const cases: RuleCase[] = [
  { title: 'is clear for the clean chart', rule: 1, change: async () => undefined, expected: null, status: 'clear' },
  {
    title: 'blocks without a qualifying diagnosis (rule 1)', rule: 1,
    change: async (id) => {
      const history = expectStatus(await call('GET', `/api/patients/${id}/history`), 200).json();
      expectStatus(await call('PATCH', `/api/patients/${id}/problems/${history.problems[0].id}`, { status: 'resolved' }), 200);
    },
    expected: { code: 'no-qualifying-diagnosis', severity: 'block' }, status: 'blocked',
  },
  {
    title: 'blocks depression with one failed adequate trial (rule 1)', rule: 1, trials: ['sertraline'],
    change: async () => undefined, expected: { code: 'treatment-resistance-not-documented', severity: 'block' }, status: 'blocked',
  },
  {
    title: 'counts two trials of the same drug once (rule 1)', rule: 1, trials: ['sertraline', 'Zoloft'],
    change: async () => undefined, expected: { code: 'treatment-resistance-not-documented', severity: 'block' }, status: 'blocked',
  },
  {
    title: 'lets PTSD qualify without antidepressant trials (rule 1)', rule: 1, trials: [],
    change: async (id) => {
      const history = expectStatus(await call('GET', `/api/patients/${id}/history`), 200).json();
      await post(`/api/patients/${id}/problems`, { code: 'F43.12' });
      expectStatus(await call('PATCH', `/api/patients/${id}/problems/${history.problems[0].id}`, { status: 'resolved' }), 200);
    },
    expected: null, status: 'clear',
  },
  {
    title: 'blocks the first IV infusion without signed off-label consent (rule 2)', rule: 2, consent: false,
    change: async () => undefined, expected: { code: 'off-label-consent-missing', severity: 'block' }, status: 'blocked',
  },
  {
    title: 'demands re-consent when the planned dose exceeds 0.5 mg/kg (rule 2)', rule: 2, query: '?orderedDoseMgPerKg=0.75',
    change: async () => undefined, expected: { code: 're-consent-required', severity: 'block' }, status: 'blocked',
  },
  {
    title: 'does not demand re-consent at 0.5 mg/kg (rule 2)', rule: 2, query: '?orderedDoseMgPerKg=0.5',
    change: async () => undefined, expected: null, status: 'clear',
  },
  {
    title: 'blocks on an esketamine absolute contraindication (rule 3)', rule: 3,
    change: async (id) => profile(call, id, { contraindications: ['arteriovenous-malformation'] }),
    expected: { code: 'absolute-contraindication', severity: 'block' }, status: 'blocked',
  },
  {
    title: 'warns on a ketamine relative contraindication (rule 3)', rule: 3,
    change: async (id) => profile(call, id, { contraindications: ['active-psychosis'] }),
    expected: { code: 'relative-contraindication', severity: 'warning' }, status: 'needs-acknowledgement',
  },
  {
    title: 'blocks childbearing potential without a pregnancy test (rule 4)', rule: 4,
    change: async (id) => profile(call, id, { childbearingPotential: true }),
    expected: { code: 'pregnancy-test-missing', severity: 'block' }, status: 'blocked',
  },
  {
    title: 'treats unrecorded childbearing potential as possible (rule 4)', rule: 4,
    change: async (id) => profile(call, id, { childbearingPotential: null }),
    expected: { code: 'pregnancy-test-missing', severity: 'block' }, status: 'blocked',
  },
  {
    title: 'blocks on a positive pregnancy test within the window (rule 4)', rule: 4,
    change: async (id, today) => {
      await profile(call, id, { childbearingPotential: true });
      await post(`/api/patients/${id}/observations`, { kind: 'pregnancy-test', observedOn: daysBefore(today, 2), result: 'positive', method: 'urine' });
    },
    expected: { code: 'pregnancy-test-positive', severity: 'block' }, status: 'blocked',
  },
  {
    title: 'accepts a negative pregnancy test from 7 days ago (rule 4)', rule: 4,
    change: async (id, today) => {
      await profile(call, id, { childbearingPotential: true });
      await post(`/api/patients/${id}/observations`, { kind: 'pregnancy-test', observedOn: daysBefore(today, 7), result: 'negative', method: 'serum' });
    },
    expected: null, status: 'clear',
  },
  {
    title: 'does not accept a negative pregnancy test from 8 days ago (rule 4)', rule: 4,
    change: async (id, today) => {
      await profile(call, id, { childbearingPotential: true });
      await post(`/api/patients/${id}/observations`, { kind: 'pregnancy-test', observedOn: daysBefore(today, 8), result: 'negative', method: 'urine' });
    },
    expected: { code: 'pregnancy-test-missing', severity: 'block' }, status: 'blocked',
  },
  {
    title: 'blocks serial infusions during active substance abuse (rule 5)', rule: 5,
    change: async (id, today) => post(`/api/patients/${id}/substance-use-assessments`, { assessedOn: today, currentUse: true, misuseSuspected: true, activeAbuse: true, substances: 'alcohol', urineDrugScreenOn: today, urineDrugScreenResult: 'positive' }),
    expected: { code: 'active-substance-abuse-serial-infusions', severity: 'block' }, status: 'blocked',
  },
  {
    title: 'prompts a urine drug screen when misuse is suspected (rule 5)', rule: 5,
    change: async (id, today) => post(`/api/patients/${id}/substance-use-assessments`, { assessedOn: today, currentUse: true, misuseSuspected: true, activeAbuse: false }),
    expected: { code: 'urine-drug-screen-prompt', severity: 'warning' }, status: 'needs-acknowledgement',
  },
  {
    title: 'uses the newest substance-use assessment: an older one does not count (rule 5)', rule: 5,
    change: async (id, today) => post(`/api/patients/${id}/substance-use-assessments`, { assessedOn: daysBefore(today, 120), currentUse: false, misuseSuspected: false, activeAbuse: false }),
    expected: null, status: 'clear',
  },
  {
    title: 'requires an ECG when cardiovascular risk is flagged (rule 6)', rule: 6,
    change: async (id) => profile(call, id, { cardiovascularRisk: true }),
    expected: { code: 'ecg-required', severity: 'block' }, status: 'blocked',
  },
  {
    title: 'accepts a recent ECG for cardiovascular risk (rule 6)', rule: 6,
    change: async (id, today) => {
      await profile(call, id, { cardiovascularRisk: true });
      await post(`/api/patients/${id}/observations`, { kind: 'ecg', observedOn: daysBefore(today, 30), result: 'normal' });
    },
    expected: null, status: 'clear',
  },
  {
    title: 'requires baseline LFTs with liver risk (rule 6)', rule: 6,
    change: async (id) => profile(call, id, { liverRisk: true }),
    expected: { code: 'baseline-lft-required', severity: 'block' }, status: 'blocked',
  },
  {
    title: 'warns on bipolar depression without a mood stabilizer (rule 7)', rule: 7,
    change: async (id) => post(`/api/patients/${id}/problems`, { code: 'F31.4' }),
    expected: { code: 'bipolar-without-mood-stabilizer', severity: 'warning' }, status: 'needs-acknowledgement',
  },
  {
    title: 'accepts bipolar depression with lithium on the medication list (rule 7)', rule: 7,
    change: async (id) => {
      await post(`/api/patients/${id}/problems`, { code: 'F31.4' });
      await post(`/api/patients/${id}/medications`, { name: 'lithium carbonate', dose: 300, doseUnit: 'mg', frequencyPerDay: 2 });
    },
    expected: null, status: 'clear',
  },
  {
    title: 'warns on benzodiazepines above 8 mg diazepam-equivalent per day (rule 8)', rule: 8,
    change: async (id) => post(`/api/patients/${id}/medications`, { name: 'lorazepam', dose: 1, doseUnit: 'mg', frequencyPerDay: 3 }),
    expected: { code: 'benzodiazepine-above-dze-threshold', severity: 'warning' }, status: 'needs-acknowledgement',
  },
  {
    title: 'warns on an MAOI: intensify BP checks (rule 8)', rule: 8,
    change: async (id) => post(`/api/patients/${id}/medications`, { name: 'phenelzine', dose: 15, doseUnit: 'mg', frequencyPerDay: 3 }),
    expected: { code: 'maoi-intensify-bp-checks', severity: 'warning' }, status: 'needs-acknowledgement',
  },
  {
    title: 'gives lamotrigine as information only (rule 8)', rule: 8,
    change: async (id) => post(`/api/patients/${id}/medications`, { name: 'lamotrigine', dose: 100, doseUnit: 'mg', frequencyPerDay: 1 }),
    expected: { code: 'lamotrigine-information', severity: 'info' }, status: 'clear',
  },
];

describe('eligibility rules 1-8 through the API', () => {
  it.each(cases)('$title', async (c) => {
    const id = await newPatient(call);
    await cleanChart(t, call, id, { consent: c.consent ?? true, ...(c.trials ? { trials: c.trials } : {}) });
    t.clock.advanceMinutes(1);
    await c.change(id, clinicToday(t));
    const panel = await eligibility(call, id, c.query ?? '');
    const ofRule = panel.findings.filter((f) => f.rule === c.rule && f.severity !== 'info' || (f.rule === c.rule && c.expected?.severity === 'info'));
    if (c.expected) {
      const found = panel.findings.find((f) => f.code === c.expected!.code);
      expect(found, JSON.stringify(panel.findings)).toMatchObject({ rule: c.rule, severity: c.expected.severity });
      expect(found!.sources.length).toBeGreaterThan(0);
    } else {
      expect(ofRule, JSON.stringify(panel.findings)).toEqual([]);
    }
    expect(panel.status).toBe(c.status);
  });

  it('re-demands consent when the template changes materially (rule 2)', async () => {
    const id = await newPatient(call);
    await cleanChart(t, call, id);
    expect((await eligibility(call, id)).status).toBe('clear');
    const md = caller(t, await t.loginAs('medical-director'));
    const templates = expectStatus(await md('GET', '/api/consent-templates'), 200).json();
    const current = templates.find((x: { templateKey: string; latest: boolean }) => x.templateKey === 'iv-ketamine-off-label' && x.latest);
    expectStatus(await md('POST', '/api/consent-templates/iv-ketamine-off-label/versions', {
      title: current.title, body: `${current.body}\n\n9. New: infusions may be given at up to 0.75 mg/kg after review.`, route: 'iv-ketamine', maxDoseMgPerKg: 0.75, materialChange: true, changeSummary: 'dose range',
    }), 201);
    const panel = await eligibility(call, id);
    expect(panel.findings.map((f) => f.code)).toContain('off-label-consent-missing');
    await signConsent(t, call, id);
    const after = await eligibility(call, id, '?orderedDoseMgPerKg=0.75');
    expect(after.status).toBe('clear');
  });

  it('answers the documented shape: status and findings with rule, severity, message and sources', async () => {
    const id = await newPatient(call);
    await cleanChart(t, call, id, { consent: false });
    const body = expectStatus(await call('GET', `/api/patients/${id}/eligibility`), 200).json();
    expect(body.status).toBe('blocked');
    expect(body.findings[0]).toEqual(expect.objectContaining({ rule: 2, severity: 'block', message: expect.any(String), sources: ['S1a', 'S3'] }));
  });

  it('blocks once the only substance-use assessment is older than 90 days (rule 5)', async () => {
    const id = await newPatient(call);
    await cleanChart(t, call, id);
    expect((await eligibility(call, id)).status).toBe('clear');
    t.clock.advance(91 * 86_400_000);
    call = caller(t, await t.loginAs('prescriber'));
    const panel = await eligibility(call, id);
    expect(panel.findings).toEqual([expect.objectContaining({ rule: 5, code: 'substance-use-assessment-stale', severity: 'block' })]);
  });

  it('documents the assessment and eligibility routes in the OpenAPI description', async () => {
    const spec = expectStatus(await t.request({ method: 'GET', url: '/api/openapi.json' }), 200).json();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/patients/{id}/assessments', '/api/patients/{id}/eligibility', '/api/patients/{id}/eligibility/decisions', '/api/patients/{id}/consents']));
    const eligibility = spec.paths['/api/patients/{id}/eligibility'].get;
    expect(eligibility.description).toContain('Roles: nurse, prescriber, medical-director.');
    expect(JSON.stringify(eligibility.responses['200'])).toContain('needs-acknowledgement');
  });
});

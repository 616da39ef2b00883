import { describe, expect, it } from 'vitest';
import { MEDICATION_CATALOG } from './medication-catalog.ts';
import { DEFAULT_MEDICATION_FLAG_CONFIG } from './medication-config.ts';
import type { MedicationInput } from './classify-medication.ts';
import { classifyMedication, medicationFindings, medicationNameWords } from './classify-medication.ts';

const cfg = DEFAULT_MEDICATION_FLAG_CONFIG;
const codesOf = (meds: MedicationInput[]): string[] => medicationFindings(meds, cfg).map((f) => f.code).sort();

describe('medication classification (rule 8)', () => {
  it.each([
    { name: 'Lorazepam', generics: ['lorazepam'], flags: ['benzodiazepine', 'cnsDepressant'] },
    { name: 'ATIVAN 1 mg tablet', generics: ['lorazepam'], flags: ['benzodiazepine', 'cnsDepressant'] },
    { name: 'alprazolam ER', generics: ['alprazolam'], flags: ['benzodiazepine', 'cnsDepressant'] },
    { name: 'Adderall XR', generics: ['amphetamine'], flags: ['psychostimulant'] },
    { name: 'mixed amphetamine salts', generics: ['amphetamine'], flags: ['psychostimulant'] },
    { name: 'Methylphenidate HCl (Concerta)', generics: ['methylphenidate'], flags: ['psychostimulant'] },
    { name: 'Nuvigil', generics: ['armodafinil'], flags: ['psychostimulant'] },
    { name: 'phenelzine sulfate', generics: ['phenelzine'], flags: ['maoi', 'antidepressant'] },
    { name: 'Emsam', generics: ['selegiline transdermal'], flags: ['maoi', 'antidepressant'] },
    { name: 'Eldepryl', generics: ['selegiline'], flags: ['maoi'] },
    { name: 'Methylene Blue', generics: ['methylene blue'], flags: ['maoi'] },
    { name: 'Oxycodone/acetaminophen (Percocet)', generics: ['oxycodone'], flags: ['cnsDepressant'] },
    { name: 'Ambien CR', generics: ['zolpidem'], flags: ['cnsDepressant'] },
    { name: 'gabapentin', generics: ['gabapentin'], flags: ['cnsDepressant'] },
    { name: 'Lamictal XR', generics: ['lamotrigine'], flags: ['lamotrigine', 'moodStabilizer'] },
    { name: 'Lithium carbonate ER', generics: ['lithium'], flags: ['moodStabilizer'] },
    { name: 'Divalproex sodium DR', generics: ['valproate'], flags: ['moodStabilizer'] },
    { name: 'Latuda', generics: ['lurasidone'], flags: ['moodStabilizer'] },
    { name: 'Symbyax', generics: ['olanzapine', 'fluoxetine'], flags: ['moodStabilizer', 'antidepressant'] },
    { name: 'Sertraline', generics: ['sertraline'], flags: ['antidepressant'] },
    { name: 'Auvelity', generics: ['dextromethorphan-bupropion'], flags: ['antidepressant'] },
    { name: 'Vitamin D3', generics: [], flags: [] },
  ])('classifies $name (rule 8)', ({ name, generics, flags }) => {
    const c = classifyMedication({ name });
    expect(c.generics).toEqual(generics);
    expect(c.recognized).toBe(generics.length > 0);
    const all = ['benzodiazepine', 'maoi', 'psychostimulant', 'cnsDepressant', 'lamotrigine', 'moodStabilizer', 'antidepressant'] as const;
    expect(all.filter((k) => c[k])).toEqual([...flags].sort((a, b) => all.indexOf(a as (typeof all)[number]) - all.indexOf(b as (typeof all)[number])));
  });

  it('treats oral selegiline given as a patch as the antidepressant MAOI (rule 8)', () => {
    expect(classifyMedication({ name: 'selegiline', route: 'transdermal' })).toMatchObject({ generics: ['selegiline transdermal'], antidepressantClass: 'maoi', maoiKind: 'non-selective' });
  });

  it.each([
    { name: 'lorazepam', dose: 1, doseUnit: 'mg', frequencyPerDay: 2, dze: 20 },
    { name: 'clonazepam', dose: 0.5, doseUnit: 'mg', frequencyPerDay: 2, dze: 20 },
    { name: 'alprazolam', dose: 250, doseUnit: 'mcg', frequencyPerDay: 3, dze: 15 },
    { name: 'diazepam', dose: 5, doseUnit: 'mg', frequencyPerDay: 1, dze: 5 },
    { name: 'temazepam', dose: 15, doseUnit: 'mg', frequencyPerDay: 1, dze: 7.5 },
    { name: 'chlordiazepoxide', dose: 25, doseUnit: 'mg', frequencyPerDay: 3, dze: 30 },
    { name: 'oxazepam', dose: 10, doseUnit: 'mg', frequencyPerDay: 2, dze: 10 },
    { name: 'midazolam', dose: 2.5, doseUnit: 'mg', frequencyPerDay: 1, dze: 5 },
  ])('converts $name $dose $doseUnit × $frequencyPerDay/day to $dze mg diazepam-equivalent (rule 8)', ({ dze, ...med }) => {
    expect(classifyMedication(med).diazepamEquivalentMgPerDay).toBe(dze);
  });

  it.each([
    { med: { name: 'lorazepam', dose: 1, frequencyPerDay: 2 }, note: 'dose unit not recorded' },
    { med: { name: 'lorazepam', dose: 1, doseUnit: 'mL', frequencyPerDay: 2 }, note: "dose unit 'mL' is not mg, mcg or g" },
    { med: { name: 'lorazepam', dose: 1, doseUnit: 'mg' }, note: 'frequency per day not recorded' },
    { med: { name: 'Limbitrol', dose: 10, doseUnit: 'mg', frequencyPerDay: 1 }, note: 'fixed-dose combination: enter the benzodiazepine component separately' },
  ])('leaves the diazepam equivalent uncomputed when it cannot be known: $note (rule 8)', ({ med, note }) => {
    const c = classifyMedication(med);
    expect(c.diazepamEquivalentMgPerDay).toBeNull();
    expect(c.diazepamEquivalentNote).toBe(note);
  });

  it('strips salts and release forms but keeps words that name a drug', () => {
    expect(medicationNameWords('Bupropion HCl XL 150mg')).toEqual(['bupropion', '150mg']);
  });

  it('has no alias claimed by two catalog entries and a diazepam equivalent for every benzodiazepine', () => {
    const benzos = MEDICATION_CATALOG.filter((e) => e.classes.includes('benzodiazepine'));
    expect(benzos.every((e) => (e.diazepamEquivalentMg ?? 0) > 0)).toBe(true);
    for (const e of MEDICATION_CATALOG) {
      for (const name of [e.generic, ...e.aliases]) expect(classifyMedication({ name }).generics).toContain(name === 'selegiline patch' || name === 'emsam' ? 'selegiline transdermal' : e.generic);
    }
  });
});

describe('medication flags (rule 8)', () => {
  it.each([
    { title: 'warns above 8 mg diazepam-equivalent per day', meds: [{ name: 'lorazepam', dose: 0.5, doseUnit: 'mg', frequencyPerDay: 2 }], codes: ['benzodiazepine-above-dze-threshold', 'cns-depressant-sedation'] },
    { title: 'does not warn at exactly 8 mg diazepam-equivalent', meds: [{ name: 'diazepam', dose: 4, doseUnit: 'mg', frequencyPerDay: 2 }], codes: ['cns-depressant-sedation'] },
    { title: 'adds benzodiazepines together across the list', meds: [{ name: 'diazepam', dose: 5, doseUnit: 'mg', frequencyPerDay: 1 }, { name: 'temazepam', dose: 10, doseUnit: 'mg', frequencyPerDay: 1 }], codes: ['benzodiazepine-above-dze-threshold', 'cns-depressant-sedation', 'cns-depressant-sedation'] },
    { title: 'tells the clinician when a benzodiazepine dose cannot be converted', meds: [{ name: 'Xanax' }], codes: ['benzodiazepine-dze-not-computed', 'cns-depressant-sedation'] },
    { title: 'warns to intensify BP checks for an MAOI', meds: [{ name: 'Parnate' }], codes: ['maoi-intensify-bp-checks'] },
    { title: 'warns to intensify BP checks for a psychostimulant', meds: [{ name: 'Vyvanse' }], codes: ['psychostimulant-intensify-bp-checks'] },
    { title: 'warns about sedation for an opioid', meds: [{ name: 'Suboxone' }], codes: ['cns-depressant-sedation'] },
    { title: 'gives information only for lamotrigine', meds: [{ name: 'lamotrigine' }], codes: ['lamotrigine-information'] },
    { title: 'notes medications it cannot classify', meds: [{ name: 'lorazapam' }], codes: ['medication-not-classified'] },
    { title: 'ignores stopped medications', meds: [{ name: 'Parnate', active: false }], codes: [] },
    { title: 'raises nothing for an SSRI', meds: [{ name: 'Lexapro' }], codes: [] },
  ])('$title (rule 8)', ({ meds, codes }) => {
    expect(codesOf(meds)).toEqual([...codes].sort());
  });

  it('reports facts, threshold and source of the benzodiazepine warning (rule 8)', () => {
    const f = medicationFindings([{ name: 'clonazepam', dose: 1, doseUnit: 'mg', frequencyPerDay: 2 }], cfg).find((x) => x.code === 'benzodiazepine-above-dze-threshold');
    expect(f).toMatchObject({ rule: 8, severity: 'warning', facts: { totalDiazepamEquivalentMgPerDay: 40 }, thresholds: { benzodiazepineWarnAboveDzeMgPerDay: 8 }, sources: ['S34'] });
  });

  it('cites the label for MAOI, stimulant and sedation flags and S35 for lamotrigine (rule 8)', () => {
    const fs = medicationFindings([{ name: 'Nardil' }, { name: 'Ritalin' }, { name: 'Norco' }, { name: 'Lamictal' }], cfg);
    expect(fs.every((f) => f.rule === 8)).toBe(true);
    expect(fs.find((f) => f.code === 'lamotrigine-information')?.sources).toEqual(['S35']);
    expect(fs.filter((f) => f.severity === 'warning').every((f) => f.sources.includes('S60') && f.sources.includes('S5'))).toBe(true);
  });
});

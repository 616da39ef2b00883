/**
 * Classifies a medication-list entry and raises the rule 8 flags
 * (clinical.md §15 rule 8, §6.3). Names are matched case-insensitively on whole
 * words after dropping salts and release forms ("Lorazepam HCl ER" → lorazepam),
 * on generic or brand names, including multi-word names ("methylene blue").
 */
import type { Finding } from '../shared/finding.ts';
import type { AntidepressantClass, MaoiKind, MedicationClass, MedicationEntry, MoodStabilizerKind } from './medication-catalog.ts';
import { CNS_DEPRESSANT_CLASSES, COMBINATION_BRANDS, MEDICATION_CATALOG } from './medication-catalog.ts';
import type { MedicationFlagConfig } from './medication-config.ts';

export interface MedicationInput {
  /** Generic or brand name as written on the medication list. */
  name: string;
  /** Dose per administration. */
  dose?: number | null;
  /** 'mg', 'mcg' (or 'µg', 'ug') or 'g'; other units leave the diazepam equivalent uncomputed. */
  doseUnit?: string | null;
  /** Administrations per day (0.5 = every other day). */
  frequencyPerDay?: number | null;
  /** Route as recorded; 'transdermal'/'patch' distinguishes selegiline transdermal (an antidepressant MAOI). */
  route?: string | null;
  /** False for a stopped medication; stopped medications raise no flags. Default true. */
  active?: boolean;
}

export interface MedicationClassification {
  name: string;
  recognized: boolean;
  /** Catalog generic names matched, in the order found. */
  generics: string[];
  /** True for a fixed-dose combination (more than one ingredient). */
  combination: boolean;
  classes: MedicationClass[];
  benzodiazepine: boolean;
  /** Benzodiazepine dose in mg diazepam-equivalent per day, or null when it cannot be computed. */
  diazepamEquivalentMgPerDay: number | null;
  /** Why the diazepam equivalent is null for a benzodiazepine. */
  diazepamEquivalentNote: string | null;
  maoi: boolean;
  maoiKind: MaoiKind | null;
  psychostimulant: boolean;
  cnsDepressant: boolean;
  cnsDepressantClasses: MedicationClass[];
  lamotrigine: boolean;
  moodStabilizer: boolean;
  moodStabilizerKinds: MoodStabilizerKind[];
  antidepressant: boolean;
  antidepressantClass: AntidepressantClass | null;
}

const SALT_AND_FORM_WORDS = new Set([
  'hcl', 'hydrochloride', 'dihydrochloride', 'hbr', 'hydrobromide', 'sodium', 'potassium', 'calcium', 'magnesium',
  'carbonate', 'citrate', 'sulfate', 'sulphate', 'tartrate', 'bitartrate', 'mesylate', 'dimesylate', 'besylate',
  'maleate', 'succinate', 'fumarate', 'oxalate', 'acetate', 'phosphate', 'napsylate', 'pamoate', 'lauroxil',
  'er', 'xr', 'sr', 'cr', 'la', 'xl', 'ir', 'dr', 'ec', 'odt', 'cd', 'extended', 'release', 'delayed', 'immediate',
  'controlled', 'sustained', 'tablet', 'tablets', 'tab', 'tabs', 'capsule', 'capsules', 'cap', 'caps', 'oral', 'solution',
]);

/** Lower-case words of a medication name with salts, release forms and punctuation removed. */
export function medicationNameWords(name: string): string[] {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((w) => w.length > 0 && !SALT_AND_FORM_WORDS.has(w));
}

interface AliasTarget {
  generics: readonly string[];
  combination: boolean;
}

const ENTRY_BY_GENERIC = new Map<string, MedicationEntry>(MEDICATION_CATALOG.map((e) => [e.generic, e]));
const ALIASES = buildAliasIndex();
const MAX_ALIAS_WORDS = Math.max(...[...ALIASES.keys()].map((k) => k.split(' ').length));

function buildAliasIndex(): Map<string, AliasTarget> {
  const index = new Map<string, AliasTarget>();
  const add = (alias: string, target: AliasTarget): void => {
    const key = medicationNameWords(alias).join(' ');
    const existing = index.get(key);
    if (existing !== undefined && existing.generics.join() !== target.generics.join()) {
      throw new Error(`medication catalog: alias '${alias}' maps to both ${existing.generics.join()} and ${target.generics.join()}`);
    }
    index.set(key, target);
  };
  for (const entry of MEDICATION_CATALOG) {
    add(entry.generic, { generics: [entry.generic], combination: false });
    for (const alias of entry.aliases) add(alias, { generics: [entry.generic], combination: false });
  }
  for (const [brand, generics] of Object.entries(COMBINATION_BRANDS)) add(brand, { generics, combination: true });
  return index;
}

function matchGenerics(words: readonly string[]): AliasTarget {
  const generics: string[] = [];
  let combination = false;
  let p = 0;
  while (p < words.length) {
    let matched = 0;
    for (let n = Math.min(MAX_ALIAS_WORDS, words.length - p); n >= 1 && matched === 0; n--) {
      const target = ALIASES.get(words.slice(p, p + n).join(' '));
      if (target !== undefined) {
        for (const g of target.generics) if (!generics.includes(g)) generics.push(g);
        combination ||= target.combination;
        matched = n;
      }
    }
    p += matched > 0 ? matched : 1;
  }
  return { generics, combination: combination || generics.length > 1 };
}

function doseInMg(dose: number, unit: string): number | null {
  switch (unit.trim().toLowerCase()) {
    case 'mg':
      return dose;
    case 'mcg':
    case 'µg':
    case 'μg':
    case 'ug':
      return dose / 1000;
    case 'g':
      return dose * 1000;
    default:
      return null;
  }
}

function diazepamEquivalent(med: MedicationInput, benzos: readonly MedicationEntry[], combination: boolean): { value: number | null; note: string | null } {
  if (benzos.length === 0) return { value: null, note: null };
  const entry = benzos[0] as MedicationEntry;
  if (combination || benzos.length > 1) return { value: null, note: 'fixed-dose combination: enter the benzodiazepine component separately' };
  if (entry.diazepamEquivalentMg === undefined) return { value: null, note: `no diazepam equivalent on file for ${entry.generic}` };
  if (med.dose == null || !Number.isFinite(med.dose) || med.dose < 0) return { value: null, note: 'dose not recorded' };
  if (med.doseUnit == null) return { value: null, note: 'dose unit not recorded' };
  const mg = doseInMg(med.dose, med.doseUnit);
  if (mg === null) return { value: null, note: `dose unit '${med.doseUnit}' is not mg, mcg or g` };
  if (med.frequencyPerDay == null || !Number.isFinite(med.frequencyPerDay) || med.frequencyPerDay < 0) {
    return { value: null, note: 'frequency per day not recorded' };
  }
  const value = (mg * med.frequencyPerDay * 10) / entry.diazepamEquivalentMg;
  return { value: Math.round(value * 100) / 100, note: null };
}

/**
 * Classifies one medication-list entry into the flags used by rules 1, 7 and 8:
 * benzodiazepine with mg diazepam-equivalent per day (dose × frequency × 10 /
 * equivalent dose, Ashton 2002 table; see medication-catalog.ts), MAOI,
 * psychostimulant, CNS depressant, lamotrigine, mood stabilizer and antidepressant
 * class. Sources: [S34], [S5], [S60], [S35].
 */
export function classifyMedication(med: MedicationInput): MedicationClassification {
  const matched = matchGenerics(medicationNameWords(med.name));
  const route = (med.route ?? '').toLowerCase();
  const transdermal = route.includes('transdermal') || route.includes('patch');
  const generics = matched.generics.map((g) => (g === 'selegiline' && transdermal ? 'selegiline transdermal' : g));
  const entries = generics.map((g) => ENTRY_BY_GENERIC.get(g) as MedicationEntry);
  const classes = [...new Set(entries.flatMap((e) => e.classes))];
  const benzos = entries.filter((e) => e.classes.includes('benzodiazepine'));
  const dze = diazepamEquivalent(med, benzos, matched.combination);
  const maoiEntry = entries.find((e) => e.maoiKind !== undefined);
  const antidepressantEntry = entries.find((e) => e.antidepressantClass !== undefined);
  return {
    name: med.name,
    recognized: entries.length > 0,
    generics,
    combination: matched.combination,
    classes,
    benzodiazepine: benzos.length > 0,
    diazepamEquivalentMgPerDay: dze.value,
    diazepamEquivalentNote: dze.note,
    maoi: classes.includes('maoi'),
    maoiKind: maoiEntry?.maoiKind ?? null,
    psychostimulant: classes.includes('psychostimulant'),
    cnsDepressant: classes.some((c) => CNS_DEPRESSANT_CLASSES.includes(c)),
    cnsDepressantClasses: classes.filter((c) => CNS_DEPRESSANT_CLASSES.includes(c)),
    lamotrigine: classes.includes('lamotrigine'),
    moodStabilizer: classes.includes('mood-stabilizer'),
    moodStabilizerKinds: [...new Set(entries.flatMap((e) => (e.moodStabilizerKind !== undefined ? [e.moodStabilizerKind] : [])))],
    antidepressant: antidepressantEntry !== undefined,
    antidepressantClass: antidepressantEntry?.antidepressantClass ?? null,
  };
}

const MAOI_KIND_TEXT: Record<MaoiKind, string> = {
  'non-selective': 'non-selective MAOI',
  'mao-b-selective': 'MAO-B-selective inhibitor',
  'reversible-mao-a': 'reversible MAO-A inhibitor',
  'mao-inhibiting-drug': 'drug with MAO-inhibiting activity',
};

/**
 * Rule 8 medication flags for a medication list, checked at every visit:
 * benzodiazepines totalling above `benzodiazepineWarnAboveDzeMgPerDay` (8) mg
 * diazepam-equivalent per day (warning: may blunt response [S34]); MAOI or
 * psychostimulant (warning: intensify BP checks [S5], [S60]); CNS depressant
 * (warning: sedation [S5], [S60]); lamotrigine (information [S35]). Also reports,
 * as information, benzodiazepines whose equivalent cannot be computed and names
 * Glia does not recognise, so nothing is silently skipped. Stopped medications
 * (active: false) are ignored.
 */
export function medicationFindings(medications: readonly MedicationInput[], config: MedicationFlagConfig): Finding[] {
  const findings: Finding[] = [];
  const threshold = config.benzodiazepineWarnAboveDzeMgPerDay;
  const counted: string[] = [];
  let totalDze = 0;
  for (const med of medications) {
    if (med.active === false) continue;
    const c = classifyMedication(med);
    const drug = c.generics.join(' + ') || med.name;
    if (!c.recognized) {
      findings.push({
        rule: 8, severity: 'info', code: 'medication-not-classified',
        message: `'${med.name}' is not in Glia's medication classes; review it for interactions by hand (rule 8).`,
        facts: { medication: med.name }, sources: ['S5', 'S60'],
      });
      continue;
    }
    if (c.benzodiazepine) {
      if (c.diazepamEquivalentMgPerDay === null) {
        findings.push({
          rule: 8, severity: 'info', code: 'benzodiazepine-dze-not-computed',
          message: `Diazepam equivalent of '${med.name}' not computed (${c.diazepamEquivalentNote}); the ${threshold} mg/day check cannot include it (rule 8).`,
          facts: { medication: med.name, generic: drug, reason: c.diazepamEquivalentNote },
          thresholds: { benzodiazepineWarnAboveDzeMgPerDay: threshold }, sources: ['S34'],
        });
      } else {
        totalDze += c.diazepamEquivalentMgPerDay;
        counted.push(`${drug} ${c.diazepamEquivalentMgPerDay} mg DZE/day`);
      }
    }
    if (c.maoi) {
      findings.push({
        rule: 8, severity: 'warning', code: 'maoi-intensify-bp-checks',
        message: `${med.name} (${MAOI_KIND_TEXT[c.maoiKind as MaoiKind]}) can raise blood pressure further with ketamine; intensify BP checks (rule 8).`,
        facts: { medication: med.name, generic: drug, maoiKind: c.maoiKind }, sources: ['S5', 'S60'],
      });
    }
    if (c.psychostimulant) {
      findings.push({
        rule: 8, severity: 'warning', code: 'psychostimulant-intensify-bp-checks',
        message: `${med.name} is a psychostimulant and can raise blood pressure with ketamine; intensify BP checks (rule 8).`,
        facts: { medication: med.name, generic: drug }, sources: ['S5', 'S60'],
      });
    }
    if (c.cnsDepressant) {
      findings.push({
        rule: 8, severity: 'warning', code: 'cns-depressant-sedation',
        message: `${med.name} is a CNS depressant (${c.cnsDepressantClasses.join(', ')}); expect more sedation and monitor closely (rule 8).`,
        facts: { medication: med.name, generic: drug, classes: c.cnsDepressantClasses.join(', ') }, sources: ['S5', 'S60'],
      });
    }
    if (c.lamotrigine) {
      findings.push({
        rule: 8, severity: 'info', code: 'lamotrigine-information',
        message: `${med.name}: lamotrigine reduced ketamine's perceptual effects in volunteers but did not change antidepressant response in a small cohort; do not stop it without a plan (rule 8).`,
        facts: { medication: med.name }, sources: ['S35'],
      });
    }
  }
  const total = Math.round(totalDze * 100) / 100;
  if (total > threshold) {
    findings.push({
      rule: 8, severity: 'warning', code: 'benzodiazepine-above-dze-threshold',
      message: `Benzodiazepines total ${total} mg diazepam-equivalent per day (${counted.join('; ')}), above ${threshold} mg/day; this may blunt the response to ketamine (rule 8).`,
      facts: { totalDiazepamEquivalentMgPerDay: total, benzodiazepines: counted.join('; ') },
      thresholds: { benzodiazepineWarnAboveDzeMgPerDay: threshold }, sources: ['S34'],
    });
  }
  return findings;
}

import type { InstrumentDefinition, LoincCode } from '../instrument-definition.ts';
import { PHQ_FREQUENCY_OPTIONS } from './option-sets.ts';

export type Gad7Band = 'minimal' | 'mild' | 'moderate' | 'severe';

const itemLoinc = (code: string): LoincCode => ({
  code,
  display: `GAD-7 item (${code})`,
  confidence: 'medium',
  evidence: 'instruments.md §2.2 (HL7 personal-health-record-format-ig example); not in the §4 log',
});

/** GAD-7 item wording, public domain (instruments.md §2.2, §5). */
const ITEMS: readonly { shortLabel: string; text: string; loinc: LoincCode }[] = [
  { shortLabel: 'nervous or on edge', text: 'Feeling nervous, anxious or on edge', loinc: itemLoinc('69725-0') },
  { shortLabel: "can't stop worrying", text: 'Not being able to stop or control worrying', loinc: itemLoinc('68509-9') },
  { shortLabel: 'worrying too much', text: 'Worrying too much about different things', loinc: itemLoinc('69733-4') },
  { shortLabel: 'trouble relaxing', text: 'Trouble relaxing', loinc: itemLoinc('69734-2') },
  { shortLabel: 'restless', text: 'Being so restless that it is hard to sit still', loinc: itemLoinc('69735-9') },
  { shortLabel: 'irritable', text: 'Becoming easily annoyed or irritable', loinc: itemLoinc('69689-8') },
  { shortLabel: 'afraid something awful will happen', text: 'Feeling afraid as if something awful might happen', loinc: itemLoinc('69736-7') },
];

/** GAD-7 (Spitzer et al. 2006). See instruments.md §2.2. */
export const GAD7: InstrumentDefinition<Gad7Band> = {
  id: 'GAD-7',
  name: 'Generalized Anxiety Disorder 7-item scale',
  rater: 'self',
  recallPeriod: 'past 2 weeks',
  stem: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  items: ITEMS.map((item, index) => ({ number: index + 1, min: 0, max: 3, options: PHQ_FREQUENCY_OPTIONS, ...item })),
  scoring: 'sum',
  totalRange: { min: 0, max: 21 },
  bands: {
    appliesTo: 'total',
    source: 'Spitzer et al. 2006; awell-score GAD_7 (instruments.md §2.2)',
    bands: [
      { code: 'minimal', label: 'minimal', min: 0, max: 4 },
      { code: 'mild', label: 'mild', min: 5, max: 9 },
      { code: 'moderate', label: 'moderate', min: 10, max: 14 },
      { code: 'severe', label: 'severe', min: 15, max: 21 },
    ],
  },
  subscales: [{ id: 'gad2', label: 'embedded GAD-2 (items 1-2)', items: [1, 2], method: 'sum', min: 0, max: 6 }],
  safetyItems: [],
  missingItemRule:
    'No verified author rule: any missing item gives a null total. As for the PHQ-9, a separately labelled proratedTotalOptional (mean of answered × 7, half-up) is reported when 1-2 items are missing (instruments.md §2.2, §6.1).',
  responseRemission: {
    remissionMaxTotal: 4,
    alternativeRemissionMaxTotals: [],
    responseMinReductionPercent: 50,
    partialResponseMinReductionPercent: 25,
    source: 'Remission < 5 (PHQ-9 convention), response ≥ 50 %; MCID 4 points, Toussaint et al. 2020 (instruments.md §2.2, §3)',
  },
  loinc: {
    panel: { code: '69737-5', display: 'Generalized anxiety disorder 7 item (GAD-7)', confidence: 'high', evidence: 'instruments.md §4' },
    total: {
      code: '70274-6',
      display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]',
      confidence: 'high',
      evidence: 'instruments.md §4',
    },
    answerList: 'LL358-3',
  },
  licence: { class: 'full-text', note: 'Public domain, as the PHQ-9 (instruments.md §2.2, §5).' },
  sources: ['instruments.md §2.2', 'Spitzer et al. 2006', 'Toussaint et al. 2020'],
};

import type { InstrumentDefinition } from '../instrument-definition.ts';
import { NONE_TO_EXTREME_0_4, uniformItems } from './option-sets.ts';

export type YbocsBand = 'subclinical' | 'mild' | 'moderate' | 'severe' | 'extreme';

const DIMENSIONS = ['time occupied', 'interference', 'distress', 'resistance', 'control'];

/** Y-BOCS (Goodman et al. 1989), 10 core items. Numbers and short labels only. See instruments.md §2.8. */
export const YBOCS: InstrumentDefinition<YbocsBand> = {
  id: 'Y-BOCS',
  name: 'Yale–Brown Obsessive Compulsive Scale',
  rater: 'clinician',
  recallPeriod: 'past week',
  items: uniformItems(
    [...DIMENSIONS.map((d) => `obsessions: ${d}`), ...DIMENSIONS.map((d) => `compulsions: ${d}`)],
    0,
    4,
    NONE_TO_EXTREME_0_4,
  ),
  scoring: 'sum',
  totalRange: { min: 0, max: 40 },
  bands: {
    appliesTo: 'total',
    source: 'Goodman 1989 severity ranges as widely reproduced (instruments.md §2.8)',
    bands: [
      { code: 'subclinical', label: 'subclinical', min: 0, max: 7 },
      { code: 'mild', label: 'mild', min: 8, max: 15 },
      { code: 'moderate', label: 'moderate', min: 16, max: 23 },
      { code: 'severe', label: 'severe', min: 24, max: 31 },
      { code: 'extreme', label: 'extreme', min: 32, max: 40 },
    ],
  },
  subscales: [
    { id: 'obsessions', label: 'obsessions (items 1-5)', items: [1, 2, 3, 4, 5], method: 'sum', min: 0, max: 20 },
    { id: 'compulsions', label: 'compulsions (items 6-10)', items: [6, 7, 8, 9, 10], method: 'sum', min: 0, max: 20 },
  ],
  safetyItems: [],
  missingItemRule: 'No rule: any missing item gives a null total; a subtotal with a missing item is null (instruments.md §2.8).',
  responseRemission: {
    remissionMaxTotal: 12,
    alternativeRemissionMaxTotals: [],
    responseMinReductionPercent: 35,
    partialResponseMinReductionPercent: 25,
    source:
      'Mataix-Cols et al. 2016 consensus, score part only (CGI criteria recorded separately); clinical.md §15 rule 32 (instruments.md §2.8, §3)',
  },
  loinc: {},
  licence: {
    class: 'numbers-and-short-labels',
    note: '© Goodman et al. 1986; distribution needs the authors’ authorisation (instruments.md §2.8, §5).',
  },
  sources: ['instruments.md §2.8', 'Goodman et al. 1989', 'Mataix-Cols et al. 2016'],
};

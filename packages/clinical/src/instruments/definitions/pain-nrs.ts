import type { BandScheme, InstrumentDefinition } from '../instrument-definition.ts';
import { numericOptions } from './option-sets.ts';

export type PainBand = 'none' | 'mild' | 'moderate' | 'severe';

export const PAIN_0_10_OPTIONS = numericOptions(0, 10, { 0: '0 – no pain', 10: '10 – worst imaginable' });

/** Serlin et al. 1995 cut-points (0 / 1-4 / 5-6 / 7-10), reproduced by Palos et al. 2006 (instruments.md §2.11). */
export const SERLIN_PAIN_BANDS: BandScheme<PainBand> = {
  appliesTo: 'total',
  source: 'Serlin et al. 1995; Palos et al. 2006 (instruments.md §2.11)',
  bands: [
    { code: 'none', label: 'no pain', min: 0, max: 0 },
    { code: 'mild', label: 'mild', min: 1, max: 4 },
    { code: 'moderate', label: 'moderate', min: 5, max: 6 },
    { code: 'severe', label: 'severe', min: 7, max: 10 },
  ],
};

/** Pain NRS 0-10, single item. See instruments.md §2.11. */
export const PAIN_NRS: InstrumentDefinition<PainBand> = {
  id: 'Pain-NRS',
  name: 'Pain numeric rating scale (0-10)',
  rater: 'self',
  recallPeriod: 'now (or as the clinic asks)',
  items: [{ number: 1, shortLabel: 'pain intensity', min: 0, max: 10, options: PAIN_0_10_OPTIONS }],
  scoring: 'sum',
  totalRange: { min: 0, max: 10 },
  bands: SERLIN_PAIN_BANDS,
  alternativeBands: {
    appliesTo: 'total',
    source: 'Common clinical convention 1-3 / 4-6 / 7-10 (instruments.md §2.11, §6.4)',
    bands: [
      { code: 'none', label: 'no pain', min: 0, max: 0 },
      { code: 'mild', label: 'mild', min: 1, max: 3 },
      { code: 'moderate', label: 'moderate', min: 4, max: 6 },
      { code: 'severe', label: 'severe', min: 7, max: 10 },
    ],
  },
  subscales: [],
  safetyItems: [],
  missingItemRule: 'Single item: missing gives a null total.',
  responseRemission: {
    remissionMaxTotal: null,
    alternativeRemissionMaxTotals: [],
    responseMinReductionPercent: 30,
    partialResponseMinReductionPercent: null,
    source: '≈ 30 % reduction (Farrar et al. 2001; IMMPACT ≥ 30 % moderate, ≥ 50 % substantial); clinical.md §15 rule 32, §16 open question 6',
  },
  loinc: {
    total: {
      code: '72514-3',
      display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
      confidence: 'high',
      evidence: 'instruments.md §4 (eCQM value set, FHIR profiles)',
    },
  },
  licence: { class: 'full-text', note: 'Generic scale, no copyright restriction (instruments.md §2.11, §5).' },
  sources: ['instruments.md §2.11', 'Serlin et al. 1995', 'Farrar et al. 2001'],
};

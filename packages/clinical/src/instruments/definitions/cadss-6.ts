import type { InstrumentDefinition } from '../instrument-definition.ts';
import { CADSS6_ITEM_NUMBERS, CADSS_OPTIONS } from './cadss.ts';

/** CADSS-6 (Rodrigues et al. 2021): six CADSS items summed, not yet validated. See instruments.md §2.10. */
export const CADSS6: InstrumentDefinition<never> = {
  id: 'CADSS-6',
  name: 'CADSS-6 (six-item short form of the CADSS)',
  rater: 'clinician',
  recallPeriod: 'at this time',
  items: CADSS6_ITEM_NUMBERS.map((cadssItem, index) => ({
    number: index + 1,
    tag: `CADSS ${cadssItem}`,
    shortLabel: `CADSS subjective item ${cadssItem}`,
    min: 0,
    max: 4,
    options: CADSS_OPTIONS,
  })),
  scoring: 'sum',
  totalRange: { min: 0, max: 24 },
  bands: null,
  subscales: [],
  safetyItems: [],
  missingItemRule: 'No rule: any missing item gives a null total (instruments.md §2.10).',
  responseRemission: null,
  loinc: {},
  licence: { class: 'numbers-and-short-labels', note: 'As CADSS: numbers only (instruments.md §2.10, §5).' },
  sources: ['instruments.md §2.10', 'Rodrigues et al. 2021'],
};

import type { InstrumentDefinition, ItemDefinition } from '../instrument-definition.ts';
import { numericOptions } from './option-sets.ts';

/** CADSS items that form the CADSS-6 (Rodrigues et al. 2021), in this order. */
export const CADSS6_ITEM_NUMBERS: readonly number[] = [1, 2, 6, 7, 15, 22];

/** Options as numbers only: no free-use statement was found for the anchors (instruments.md §2.10). */
export const CADSS_OPTIONS = numericOptions(0, 4, { 0: '0 – none', 4: '4 – maximum' });

const ITEMS: ItemDefinition[] = Array.from({ length: 23 }, (_, index) => ({
  number: index + 1,
  shortLabel: `subjective item ${index + 1}`,
  min: 0,
  max: 4,
  options: CADSS_OPTIONS,
}));

/**
 * CADSS 23-item subjective total (Bremner et al. 1998); observer items 24-28 are
 * not part of it. No validated bands. See instruments.md §2.10.
 */
export const CADSS: InstrumentDefinition<never> = {
  id: 'CADSS',
  name: 'Clinician-Administered Dissociative States Scale (23 subjective items)',
  rater: 'clinician',
  recallPeriod: 'at this time (typically ~40 min after the dose)',
  items: ITEMS,
  scoring: 'sum',
  totalRange: { min: 0, max: 92 },
  bands: null,
  subscales: [
    { id: 'cadss6', label: 'CADSS-6 (items 1, 2, 6, 7, 15, 22)', items: CADSS6_ITEM_NUMBERS, method: 'sum', min: 0, max: 24 },
  ],
  safetyItems: [],
  missingItemRule:
    'No rule: total null; CADSS-6 still reported when its six items are present. Subscale mapping (depersonalisation, derealisation, amnesia) is unverified and not implemented (instruments.md §2.10).',
  responseRemission: null,
  loinc: {},
  licence: {
    class: 'numbers-and-short-labels',
    note: '© J. Douglas Bremner; no free-use statement found: item numbers only, obtain the form from the author (instruments.md §2.10, §5).',
  },
  sources: ['instruments.md §2.10', 'Bremner et al. 1998', 'Rodrigues et al. 2021', 'esketamine post hoc analyses (peak > 4)'],
};

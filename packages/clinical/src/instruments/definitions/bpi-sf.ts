import type { InstrumentDefinition, ItemDefinition } from '../instrument-definition.ts';
import { PAIN_0_10_OPTIONS, SERLIN_PAIN_BANDS } from './pain-nrs.ts';
import type { PainBand } from './pain-nrs.ts';
import { numericOptions } from './option-sets.ts';

const INTERFERENCE_OPTIONS = numericOptions(0, 10, { 0: '0 – does not interfere', 10: '10 – completely interferes' });

const SPEC: readonly (readonly [string, string, 'severity' | 'interference'])[] = [
  ['3', 'worst pain, last 24 h', 'severity'],
  ['4', 'least pain, last 24 h', 'severity'],
  ['5', 'average pain', 'severity'],
  ['6', 'pain right now', 'severity'],
  ['9A', 'interference: general activity', 'interference'],
  ['9B', 'interference: mood', 'interference'],
  ['9C', 'interference: walking ability', 'interference'],
  ['9D', 'interference: normal work', 'interference'],
  ['9E', 'interference: relations with others', 'interference'],
  ['9F', 'interference: sleep', 'interference'],
  ['9G', 'interference: enjoyment of life', 'interference'],
];

const ITEMS: ItemDefinition[] = SPEC.map(([tag, shortLabel, kind], index) => ({
  number: index + 1,
  tag,
  shortLabel,
  min: 0,
  max: 10,
  options: kind === 'severity' ? PAIN_0_10_OPTIONS : INTERFERENCE_OPTIONS,
}));

/**
 * BPI short form, scored items only, in our response order: 4 severity items then
 * interference A-G. Scores are means, not a total. See instruments.md §2.12.
 */
export const BPI_SF: InstrumentDefinition<PainBand> = {
  id: 'BPI-SF',
  name: 'Brief Pain Inventory, short form',
  rater: 'self',
  recallPeriod: 'last 24 hours / now',
  items: ITEMS,
  scoring: 'means',
  totalRange: null,
  bands: { ...SERLIN_PAIN_BANDS, appliesTo: { item: 1 }, source: 'Serlin et al. 1995 category of the worst-pain item (instruments.md §2.12)' },
  subscales: [
    { id: 'severity', label: 'pain severity (mean of items 1-4)', items: [1, 2, 3, 4], method: 'mean', minAnswered: 4, min: 0, max: 10 },
    {
      id: 'interference',
      label: 'pain interference (mean of A-G, valid with ≥ 4 of 7)',
      items: [5, 6, 7, 8, 9, 10, 11],
      method: 'mean',
      minAnswered: 4,
      min: 0,
      max: 10,
      loinc: {
        code: '77565-0',
        display: 'Pain interference score [BPI Short Form]',
        confidence: 'medium',
        evidence: 'instruments.md §4 (eCQM value set, commented)',
      },
    },
  ],
  safetyItems: [],
  missingItemRule:
    'Severity needs all 4 items (implementer rule). Interference is the mean of the answered items when at least 4 of 7 are answered (ePPOC rule, commonly attributed to the BPI user guide). Means rounded half-up to 2 decimals (instruments.md §2.12).',
  responseRemission: null,
  // The panel code is unresolved (77564-3 vs 75441-6), so none is shipped (instruments.md §4).
  loinc: {},
  licence: {
    class: 'numbers-and-short-labels',
    note: '© 1991 Charles S. Cleeland; may not be used or reproduced without permission, fees may apply (instruments.md §2.12, §5).',
  },
  sources: ['instruments.md §2.12', 'Cleeland BPI user guide', 'ePPOC', 'Serlin et al. 1995', 'IMMPACT (interference change 1 point)'],
};

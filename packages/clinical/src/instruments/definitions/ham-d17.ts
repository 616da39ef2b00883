import type { InstrumentDefinition, ItemDefinition } from '../instrument-definition.ts';
import { numericOptions } from './option-sets.ts';

export type HamdBand = 'none' | 'mild' | 'moderate' | 'severe';
export type HamdAltBand = 'normal' | 'mild' | 'moderate' | 'severe' | 'very-severe';

const WIDE = numericOptions(0, 4, { 0: '0 – absent', 4: '4 – most severe' });
const NARROW = numericOptions(0, 2, { 0: '0 – absent', 2: '2 – clearly present' });

/** [short label, max] per item in printed order; nine 0-4 items and eight 0-2 items (instruments.md §2.5). */
const SPEC: readonly (readonly [string, 2 | 4])[] = [
  ['depressed mood', 4],
  ['guilt', 4],
  ['suicide', 4],
  ['early insomnia', 2],
  ['middle insomnia', 2],
  ['late insomnia', 2],
  ['work and activities', 4],
  ['retardation', 4],
  ['agitation', 4],
  ['psychic anxiety', 4],
  ['somatic anxiety', 4],
  ['gastrointestinal symptoms', 2],
  ['general somatic symptoms', 2],
  ['genital symptoms', 2],
  ['hypochondriasis', 4],
  ['weight loss (16A by history or 16B measured)', 2],
  ['insight', 2],
];

const ITEMS: ItemDefinition[] = SPEC.map(([shortLabel, max], index) => {
  const item: ItemDefinition = { number: index + 1, shortLabel, min: 0, max, options: max === 4 ? WIDE : NARROW };
  return index === 15
    ? { ...item, tag: '16A/16B', skipNote: 'Score 16A or 16B, not both; a rating of 3 ("not assessed") is stored as empty.' }
    : item;
});

/** HAM-D17 (Hamilton 1960), 17-item total. See instruments.md §2.5. */
export const HAMD17: InstrumentDefinition<HamdBand> = {
  id: 'HAM-D17',
  name: 'Hamilton Depression Rating Scale, 17 items',
  rater: 'clinician',
  recallPeriod: 'past week',
  items: ITEMS,
  scoring: 'sum',
  totalRange: { min: 0, max: 52 },
  bands: {
    appliesTo: 'total',
    source: 'Zimmerman et al. 2013, empirically derived (instruments.md §2.5)',
    bands: [
      { code: 'none', label: 'no depression', min: 0, max: 7 },
      { code: 'mild', label: 'mild', min: 8, max: 16 },
      { code: 'moderate', label: 'moderate', min: 17, max: 23 },
      { code: 'severe', label: 'severe', min: 24, max: 52 },
    ],
  },
  alternativeBands: {
    appliesTo: 'total',
    source: 'CamCOPS / older consensus scheme (instruments.md §2.5, §6.2)',
    bands: [
      { code: 'normal', label: 'normal', min: 0, max: 7 },
      { code: 'mild', label: 'mild', min: 8, max: 13 },
      { code: 'moderate', label: 'moderate', min: 14, max: 18 },
      { code: 'severe', label: 'severe', min: 19, max: 22 },
      { code: 'very-severe', label: 'very severe', min: 23, max: 52 },
    ] satisfies readonly { code: HamdAltBand; label: string; min: number; max: number }[],
  },
  subscales: [],
  safetyItems: [
    {
      item: 3,
      flag: 'suicideItemNonzero',
      minScoreForFlag: 1,
      description: 'Item 3 above 0 (informational, instruments.md §2.5, §6.11).',
    },
  ],
  missingItemRule: 'No rule: any missing item gives a null total (instruments.md §2.5).',
  responseRemission: {
    remissionMaxTotal: 7,
    alternativeRemissionMaxTotals: [],
    responseMinReductionPercent: 50,
    partialResponseMinReductionPercent: 25,
    source: 'Remission ≤ 7 (Frank et al. 1991 convention); response ≥ 50 % (instruments.md §2.5, §3)',
  },
  loinc: {},
  licence: {
    class: 'full-text',
    note: 'Public domain per NINDS CDE (instruments.md §2.5). Item wording is not bundled here; structured interview guides such as SIGH-D are separate works.',
  },
  sources: ['instruments.md §2.5', 'Hamilton 1960', 'Zimmerman et al. 2013', 'Frank et al. 1991'],
};

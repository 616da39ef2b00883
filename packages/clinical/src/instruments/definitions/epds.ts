import type { InstrumentDefinition, ItemDefinition } from '../instrument-definition.ts';

export type EpdsBand = 'below-threshold' | 'possible-depression' | 'probable-depression';

/** Options are the printed positions; the score depends on the item's direction (instruments.md §2.7). */
const POSITION_OPTIONS = [
  { value: 0, label: 'first (top) option' },
  { value: 1, label: 'second option' },
  { value: 2, label: 'third option' },
  { value: 3, label: 'last (bottom) option' },
] as const;

const LABELS = [
  'able to laugh',
  'looking forward',
  'self-blame',
  'anxious or worried',
  'scared or panicky',
  'overwhelmed',
  'unhappy with poor sleep',
  'sad or miserable',
  'crying',
  'thoughts of self-harm',
];

/** Items scored 3 − position (top option scores 3); items 1, 2 and 4 score the position itself. */
const REVERSED = new Set([3, 5, 6, 7, 8, 9, 10]);

const ITEMS: ItemDefinition[] = LABELS.map((shortLabel, index) => ({
  number: index + 1,
  shortLabel,
  min: 0,
  max: 3,
  options: POSITION_OPTIONS,
  ...(REVERSED.has(index + 1) ? { reverseScored: true } : {}),
}));

/** EPDS (Cox, Holden, Sagovsky 1987). Responses are printed positions. See instruments.md §2.7. */
export const EPDS: InstrumentDefinition<EpdsBand> = {
  id: 'EPDS',
  name: 'Edinburgh Postnatal Depression Scale',
  rater: 'self',
  recallPeriod: 'past 7 days',
  items: ITEMS,
  scoring: 'sum',
  totalRange: { min: 0, max: 30 },
  bands: {
    appliesTo: 'total',
    source: 'Cox et al. 1987 scoring notes: ≥ 13 main cut-point, ≥ 10 for sensitivity; antenatal services may use higher (instruments.md §2.7, §6.6)',
    bands: [
      { code: 'below-threshold', label: 'below threshold', min: 0, max: 9 },
      { code: 'possible-depression', label: 'possible depression', min: 10, max: 12 },
      { code: 'probable-depression', label: 'probable depression', min: 13, max: 30 },
    ],
  },
  subscales: [],
  safetyItems: [
    {
      item: 10,
      flag: 'selfHarmFlag',
      minScoreForFlag: 1,
      description: 'Any item-10 score above 0 (positions 0-2) needs immediate clinical follow-up regardless of the total (instruments.md §2.7).',
    },
  ],
  missingItemRule: 'No rule: total null; the item-10 flag is still computed when item 10 is answered (instruments.md §2.7).',
  responseRemission: null,
  loinc: {
    panel: { code: '71354-5', display: 'Edinburgh Postnatal Depression Scale [EPDS]', confidence: 'high', evidence: 'instruments.md §4' },
    total: {
      code: '99046-5',
      display: 'Total score [EPDS]',
      confidence: 'medium-high',
      evidence: 'instruments.md §4 (display names inconsistent across repositories)',
    },
  },
  licence: {
    class: 'numbers-and-short-labels',
    note: '© 1987 Royal College of Psychiatrists; republication in any medium needs written permission, refused to CamCOPS (instruments.md §2.7, §5).',
  },
  sources: ['instruments.md §2.7', 'Cox et al. 1987', 'NSW SAFE START guidance'],
};

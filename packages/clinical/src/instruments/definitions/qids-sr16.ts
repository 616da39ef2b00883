import type { InstrumentDefinition, ItemDefinition } from '../instrument-definition.ts';
import { numericOptions } from './option-sets.ts';

export type QidsBand = 'none' | 'mild' | 'moderate' | 'severe' | 'very-severe';

/** The nine DSM domains of the QIDS-SR16 (instruments.md §2.4). */
export type QidsDomain =
  | 'sleep'
  | 'mood'
  | 'appetiteWeight'
  | 'concentration'
  | 'selfView'
  | 'suicide'
  | 'interest'
  | 'energy'
  | 'psychomotor';

const QIDS_OPTIONS = numericOptions(0, 3, { 0: '0 – least', 3: '3 – most' });

const LABELS = [
  'falling asleep',
  'sleep during the night',
  'waking too early',
  'sleeping too much',
  'sadness',
  'appetite down',
  'appetite up',
  'weight down',
  'weight up',
  'concentration / decisions',
  'view of self',
  'thoughts of death or suicide',
  'general interest',
  'energy',
  'feeling slowed down',
  'feeling restless',
];

const SKIP_NOTES: Readonly<Record<number, string>> = {
  6: 'Answer item 6 or item 7, not both.',
  7: 'Answer item 6 or item 7, not both.',
  8: 'Answer item 8 or item 9, not both.',
  9: 'Answer item 8 or item 9, not both.',
};

const ITEMS: ItemDefinition[] = LABELS.map((shortLabel, index) => {
  const number = index + 1;
  const skipNote = SKIP_NOTES[number];
  return { number, shortLabel, min: 0, max: 3, options: QIDS_OPTIONS, ...(skipNote === undefined ? {} : { skipNote }) };
});

const domain = (id: QidsDomain, label: string, items: number[]): InstrumentDefinition['subscales'][number] => ({
  id,
  label,
  items,
  method: 'max',
  min: 0,
  max: 3,
});

/**
 * QIDS-SR16 (Rush et al. 2003). The total is the sum of nine domain scores, each
 * the maximum of its answered items, not the sum of 16 items. See instruments.md §2.4.
 */
export const QIDS_SR16: InstrumentDefinition<QidsBand> = {
  id: 'QIDS-SR16',
  name: 'Quick Inventory of Depressive Symptomatology, self-report (16 items)',
  rater: 'self',
  recallPeriod: 'past 7 days',
  items: ITEMS,
  scoring: 'domain-max-sum',
  totalRange: { min: 0, max: 27 },
  bands: {
    appliesTo: 'total',
    source: 'ids-qids.org interpretation table; Rush et al. 2003 (instruments.md §2.4)',
    bands: [
      { code: 'none', label: 'none', min: 0, max: 5 },
      { code: 'mild', label: 'mild', min: 6, max: 10 },
      { code: 'moderate', label: 'moderate', min: 11, max: 15 },
      { code: 'severe', label: 'severe', min: 16, max: 20 },
      { code: 'very-severe', label: 'very severe', min: 21, max: 27 },
    ],
  },
  subscales: [
    domain('sleep', 'sleep (max of items 1-4)', [1, 2, 3, 4]),
    domain('mood', 'sad mood (item 5)', [5]),
    domain('appetiteWeight', 'appetite / weight (max of items 6-9)', [6, 7, 8, 9]),
    domain('concentration', 'concentration (item 10)', [10]),
    domain('selfView', 'view of self (item 11)', [11]),
    domain('suicide', 'thoughts of death or suicide (item 12)', [12]),
    domain('interest', 'general interest (item 13)', [13]),
    domain('energy', 'energy (item 14)', [14]),
    domain('psychomotor', 'psychomotor (max of items 15-16)', [15, 16]),
  ],
  safetyItems: [
    {
      item: 12,
      flag: 'suicideItemNonzero',
      minScoreForFlag: 1,
      description: 'Item 12 above 0 (informational, instruments.md §2.4, §6.11).',
    },
  ],
  missingItemRule:
    'Nulls inside a multi-item domain are expected (either/or items); a domain is the max of its answered items. A wholly unanswered domain gives a null total and is listed in missingDomains (instruments.md §2.4).',
  responseRemission: {
    remissionMaxTotal: 5,
    alternativeRemissionMaxTotals: [],
    responseMinReductionPercent: 50,
    partialResponseMinReductionPercent: 25,
    source: 'Remission ≤ 5 (STAR*D, Trivedi et al. 2006; clinical.md §15 rule 31); response ≥ 50 % (instruments.md §3)',
  },
  loinc: {},
  licence: {
    class: 'numbers-and-short-labels',
    note: '© Rush / UT Southwestern. Paper versions are free to clinicians and researchers; embedded electronic use is not clearly covered, so numbers and short labels until the holder confirms (instruments.md §2.4, §6.9).',
  },
  sources: ['instruments.md §2.4', 'Rush et al. 2003', 'Trivedi et al. 2006'],
};

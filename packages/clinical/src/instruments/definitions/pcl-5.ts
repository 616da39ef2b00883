import type { InstrumentDefinition, ItemDefinition } from '../instrument-definition.ts';
import { numericOptions } from './option-sets.ts';

export type Pcl5Band = 'below-cutoff' | 'probable-ptsd';
export type Pcl5Cluster = 'B' | 'C' | 'D' | 'E';

const PCL5_OPTIONS = numericOptions(0, 4, {
  0: 'not at all',
  1: 'a little bit',
  2: 'moderately',
  3: 'quite a bit',
  4: 'extremely',
});

const LABELS: readonly (readonly [string, string])[] = [
  ['B1', 'intrusive memories'],
  ['B2', 'nightmares'],
  ['B3', 'flashbacks'],
  ['B4', 'upset at reminders'],
  ['B5', 'physical reactions to reminders'],
  ['C6', 'avoiding thoughts or feelings'],
  ['C7', 'avoiding external reminders'],
  ['D8', 'memory gaps for the event'],
  ['D9', 'negative beliefs'],
  ['D10', 'blame'],
  ['D11', 'negative emotions'],
  ['D12', 'loss of interest'],
  ['D13', 'detachment'],
  ['D14', 'no positive feelings'],
  ['E15', 'irritability or aggression'],
  ['E16', 'risky behaviour'],
  ['E17', 'hypervigilance'],
  ['E18', 'startle'],
  ['E19', 'concentration'],
  ['E20', 'sleep'],
];

const ITEMS: ItemDefinition[] = LABELS.map(([tag, shortLabel], index) => ({
  number: index + 1,
  tag,
  shortLabel,
  min: 0,
  max: 4,
  options: PCL5_OPTIONS,
}));

/**
 * DSM-5 provisional-diagnosis rule (instruments.md §2.6): items rated at least
 * `endorsedMinItemScore` count as endorsed; each cluster needs `minEndorsed` of them.
 */
export const PCL5_DIAGNOSIS_RULE: {
  endorsedMinItemScore: number;
  minEndorsed: Readonly<Record<Pcl5Cluster, number>>;
} = { endorsedMinItemScore: 2, minEndorsed: { B: 1, C: 1, D: 2, E: 2 } };

/** PCL-5 (Weathers et al. 2013, National Center for PTSD). See instruments.md §2.6. */
export const PCL5: InstrumentDefinition<Pcl5Band> = {
  id: 'PCL-5',
  name: 'PTSD Checklist for DSM-5',
  rater: 'self',
  recallPeriod: 'past month',
  items: ITEMS,
  scoring: 'sum',
  totalRange: { min: 0, max: 80 },
  bands: {
    appliesTo: 'total',
    source:
      'No empirically derived severity bands; probable PTSD at 31-33, default 33 and configurable (VA "Using the PCL-5"; instruments.md §2.6, §6.5)',
    bands: [
      { code: 'below-cutoff', label: 'below the probable-PTSD cut-point', min: 0, max: 32 },
      { code: 'probable-ptsd', label: 'probable PTSD', min: 33, max: 80 },
    ],
  },
  subscales: [
    { id: 'B', label: 'cluster B intrusion (items 1-5)', items: [1, 2, 3, 4, 5], method: 'sum', min: 0, max: 20 },
    { id: 'C', label: 'cluster C avoidance (items 6-7)', items: [6, 7], method: 'sum', min: 0, max: 8 },
    {
      id: 'D',
      label: 'cluster D negative cognitions and mood (items 8-14)',
      items: [8, 9, 10, 11, 12, 13, 14],
      method: 'sum',
      min: 0,
      max: 28,
    },
    { id: 'E', label: 'cluster E arousal and reactivity (items 15-20)', items: [15, 16, 17, 18, 19, 20], method: 'sum', min: 0, max: 24 },
  ],
  safetyItems: [],
  missingItemRule: 'No author rule: total null; a cluster with a missing item is null; provisional diagnosis null (instruments.md §2.6).',
  responseRemission: null,
  changePoints: {
    clinicallyMeaningfulMinPoints: 10,
    reliableMinPoints: 5,
    source:
      'VA guidance carried over from the DSM-IV PCL; Marx et al. 2022 later put the reliable-change index at 15-18 points (instruments.md §2.6, §3, §6.5)',
  },
  loinc: {
    panel: { code: '101697-1', display: 'PTSD Checklist for DSM-5 (PCL-5) panel', confidence: 'medium', evidence: 'instruments.md §4: one CoCM guide; verify on loinc.org' },
    total: { code: '101698-9', display: 'PTSD PCL-5 score [PCL-5]', confidence: 'medium', evidence: 'instruments.md §4: one CoCM guide; verify on loinc.org' },
  },
  licence: {
    class: 'full-text',
    note: 'US-government work of the National Center for PTSD (instruments.md §2.6, §5). Item wording is not bundled here.',
  },
  sources: ['instruments.md §2.6', 'Weathers et al. 2013', 'Marx et al. 2022'],
};

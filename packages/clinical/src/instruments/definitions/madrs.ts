import type { InstrumentDefinition } from '../instrument-definition.ts';
import { numericOptions, uniformItems } from './option-sets.ts';

export type MadrsBand = 'normal' | 'mild' | 'moderate' | 'severe';

/** Anchors are defined at even numbers; odd numbers rate in between (instruments.md §2.3). */
const MADRS_OPTIONS = numericOptions(0, 6, {
  0: '0 – absent',
  1: '1 – between anchors',
  2: '2 – anchor',
  3: '3 – between anchors',
  4: '4 – anchor',
  5: '5 – between anchors',
  6: '6 – most severe anchor',
});

/** MADRS (Montgomery & Åsberg 1979). Numbers and short labels only. See instruments.md §2.3. */
export const MADRS: InstrumentDefinition<MadrsBand> = {
  id: 'MADRS',
  name: 'Montgomery–Åsberg Depression Rating Scale',
  rater: 'clinician',
  recallPeriod: 'past week',
  items: uniformItems(
    [
      'apparent sadness',
      'reported sadness',
      'inner tension',
      'reduced sleep',
      'reduced appetite',
      'concentration difficulty',
      'lassitude',
      'inability to feel',
      'pessimistic thoughts',
      'suicidal thoughts',
    ],
    0,
    6,
    MADRS_OPTIONS,
  ),
  scoring: 'sum',
  totalRange: { min: 0, max: 60 },
  bands: {
    appliesTo: 'total',
    source: 'Snaith et al. 1986 as commonly cited; 35 supported by Müller et al. 2000, 31 found by Müller et al. 2003 (instruments.md §2.3, §6.3)',
    bands: [
      { code: 'normal', label: 'normal / absent', min: 0, max: 6 },
      { code: 'mild', label: 'mild', min: 7, max: 19 },
      { code: 'moderate', label: 'moderate', min: 20, max: 34 },
      { code: 'severe', label: 'severe', min: 35, max: 60 },
    ],
  },
  alternativeBands: {
    appliesTo: 'total',
    source: 'Müller et al. 2003: moderate/severe boundary at 31 instead of 35; other boundaries unchanged (instruments.md §2.3, §6.3)',
    bands: [
      { code: 'normal', label: 'normal / absent', min: 0, max: 6 },
      { code: 'mild', label: 'mild', min: 7, max: 19 },
      { code: 'moderate', label: 'moderate', min: 20, max: 30 },
      { code: 'severe', label: 'severe', min: 31, max: 60 },
    ] satisfies readonly { code: MadrsBand; label: string; min: number; max: number }[],
  },
  subscales: [],
  safetyItems: [
    {
      item: 10,
      flag: 'suicideItemNonzero',
      minScoreForFlag: 1,
      description: 'Item 10 above 0 (informational; escalation threshold is configurable, instruments.md §2.3, §6.11).',
    },
  ],
  missingItemRule: 'No rule: any missing item gives a null total (instruments.md §2.3).',
  responseRemission: {
    remissionMaxTotal: 10,
    alternativeRemissionMaxTotals: [9, 12],
    responseMinReductionPercent: 50,
    partialResponseMinReductionPercent: 25,
    source:
      'Remission ≤ 10 (2018 esketamine trial; clinical.md §15 rule 31), alternatives ≤ 9 (Hawley 2002) and ≤ 12 (TRANSFORM); response ≥ 50 % (instruments.md §2.3, §3)',
  },
  loinc: {},
  licence: {
    class: 'numbers-and-short-labels',
    note: '© Royal College of Psychiatrists; permission for full embedding was refused to CamCOPS. Rating anchors must come from the clinic’s licensed paper copy (instruments.md §2.3, §5).',
  },
  sources: ['instruments.md §2.3', 'Montgomery & Åsberg 1979', 'Snaith et al. 1986', 'Hawley et al. 2002'],
};

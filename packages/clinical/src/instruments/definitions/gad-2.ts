import type { InstrumentDefinition } from '../instrument-definition.ts';
import { GAD7 } from './gad-7.ts';
import type { ScreenBand } from './phq-2.ts';

/** GAD-2: GAD-7 items 1-2, positive screen at 3 or more. See instruments.md §2.2. */
export const GAD2: InstrumentDefinition<ScreenBand> = {
  id: 'GAD-2',
  name: 'Generalized Anxiety Disorder 2-item screen',
  rater: 'self',
  recallPeriod: 'past 2 weeks',
  stem: GAD7.stem,
  items: GAD7.items.slice(0, 2),
  scoring: 'sum',
  totalRange: { min: 0, max: 6 },
  bands: {
    appliesTo: 'total',
    source: 'Kroenke 2007; awell-score GAD_2, cut-point ≥ 3 (instruments.md §2.2)',
    bands: [
      { code: 'negative', label: 'negative screen', min: 0, max: 2 },
      { code: 'positive', label: 'positive screen', min: 3, max: 6 },
    ],
  },
  subscales: [],
  safetyItems: [],
  missingItemRule: 'No rule: any missing item gives a null total (instruments.md §0.2).',
  responseRemission: null,
  // No verified GAD-2 code: 70272-0 appears in one unreliable list only (instruments.md §2.2, §4).
  loinc: { answerList: 'LL358-3' },
  licence: { class: 'full-text', note: 'Public domain, as the PHQ-9 (instruments.md §5).' },
  sources: ['instruments.md §2.2', 'Kroenke et al. 2007'],
};

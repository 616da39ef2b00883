import type { InstrumentDefinition } from '../instrument-definition.ts';
import { PHQ9 } from './phq-9.ts';

export type ScreenBand = 'negative' | 'positive';

/** PHQ-2: PHQ-9 items 1-2, positive screen at 3 or more. See instruments.md §2.1. */
export const PHQ2: InstrumentDefinition<ScreenBand> = {
  id: 'PHQ-2',
  name: 'Patient Health Questionnaire-2',
  rater: 'self',
  recallPeriod: 'past 2 weeks',
  stem: PHQ9.stem,
  items: PHQ9.items.slice(0, 2),
  scoring: 'sum',
  totalRange: { min: 0, max: 6 },
  bands: {
    appliesTo: 'total',
    source: 'Kroenke 2003; Kroenke et al. 2010 review, cut-point ≥ 3 (instruments.md §2.1)',
    bands: [
      { code: 'negative', label: 'negative screen', min: 0, max: 2 },
      { code: 'positive', label: 'positive screen', min: 3, max: 6 },
    ],
  },
  subscales: [],
  safetyItems: [],
  missingItemRule: 'No rule: any missing item gives a null total (instruments.md §0.2).',
  responseRemission: null,
  loinc: {
    panel: { code: '55757-9', display: 'PHQ-2 [Reported]', confidence: 'high', evidence: 'instruments.md §4' },
    total: {
      code: '55758-7',
      display: 'Patient Health Questionnaire 2 item (PHQ-2) total score [Reported]',
      confidence: 'high',
      evidence: 'instruments.md §4',
    },
    answerList: 'LL358-3',
  },
  licence: { class: 'full-text', note: 'Public domain, as the PHQ-9 (instruments.md §5).' },
  sources: ['instruments.md §2.1', 'Kroenke et al. 2003', 'Kroenke et al. 2010'],
};

import type { InstrumentDefinition, LoincCode } from '../instrument-definition.ts';
import { PHQ_FREQUENCY_OPTIONS } from './option-sets.ts';

export type Phq9Band = 'none-minimal' | 'mild' | 'moderate' | 'moderately-severe' | 'severe';

const itemLoinc = (code: string, confidence: LoincCode['confidence'] = 'medium'): LoincCode => ({
  code,
  display: `PHQ-9 item (${code})`,
  confidence,
  evidence: 'instruments.md §2.1 item list (LHC-Forms-derived PHQ-9 Questionnaire)',
});

/** PHQ-9 item wording, public domain (instruments.md §2.1, §5). */
const ITEMS: readonly { shortLabel: string; text: string; loinc: LoincCode }[] = [
  { shortLabel: 'anhedonia', text: 'Little interest or pleasure in doing things', loinc: itemLoinc('44250-9') },
  { shortLabel: 'low mood', text: 'Feeling down, depressed, or hopeless', loinc: itemLoinc('44255-8') },
  { shortLabel: 'sleep', text: 'Trouble falling or staying asleep, or sleeping too much', loinc: itemLoinc('44259-0') },
  { shortLabel: 'fatigue', text: 'Feeling tired or having little energy', loinc: itemLoinc('44254-1') },
  { shortLabel: 'appetite', text: 'Poor appetite or overeating', loinc: itemLoinc('44251-7') },
  {
    shortLabel: 'worthlessness or guilt',
    text: 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    loinc: itemLoinc('44258-2'),
  },
  {
    shortLabel: 'concentration',
    text: 'Trouble concentrating on things, such as reading the newspaper or watching television',
    loinc: itemLoinc('44252-5'),
  },
  {
    shortLabel: 'psychomotor change',
    text:
      'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
    loinc: itemLoinc('44253-3'),
  },
  {
    shortLabel: 'thoughts of death or self-harm',
    text: 'Thoughts that you would be better off dead or of hurting yourself in some way',
    loinc: { ...itemLoinc('44260-8', 'high'), evidence: 'instruments.md §4 (several Questionnaires)' },
  },
];

/** PHQ-9 (Kroenke, Spitzer, Williams 2001). See instruments.md §2.1. */
export const PHQ9: InstrumentDefinition<Phq9Band> = {
  id: 'PHQ-9',
  name: 'Patient Health Questionnaire-9',
  rater: 'self',
  recallPeriod: 'past 2 weeks',
  stem: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  items: ITEMS.map((item, index) => ({ number: index + 1, min: 0, max: 3, options: PHQ_FREQUENCY_OPTIONS, ...item })),
  scoring: 'sum',
  totalRange: { min: 0, max: 27 },
  bands: {
    appliesTo: 'total',
    source: 'Kroenke et al. 2001; CamCOPS phq9.py (instruments.md §2.1)',
    bands: [
      { code: 'none-minimal', label: 'none or minimal', min: 0, max: 4 },
      { code: 'mild', label: 'mild', min: 5, max: 9 },
      { code: 'moderate', label: 'moderate', min: 10, max: 14 },
      { code: 'moderately-severe', label: 'moderately severe', min: 15, max: 19 },
      { code: 'severe', label: 'severe', min: 20, max: 27 },
    ],
  },
  subscales: [
    {
      id: 'phq2',
      label: 'embedded PHQ-2 (items 1-2)',
      items: [1, 2],
      method: 'sum',
      min: 0,
      max: 6,
      loinc: {
        code: '55758-7',
        display: 'Patient Health Questionnaire 2 item (PHQ-2) total score [Reported]',
        confidence: 'high',
        evidence: 'instruments.md §4',
      },
    },
  ],
  safetyItems: [
    {
      item: 9,
      flag: 'suicideRisk',
      minScoreForFlag: 1,
      description: 'Item 9 at 1 or more flags suicide risk whatever the total (instruments.md §2.1).',
    },
  ],
  missingItemRule:
    'No verified author proration rule: any missing item gives a null total. A separately labelled proratedTotalOptional (mean of answered × 9, half-up) is reported when 1-2 items are missing (instruments.md §2.1, §6.1).',
  responseRemission: {
    remissionMaxTotal: 4,
    alternativeRemissionMaxTotals: [],
    responseMinReductionPercent: 50,
    partialResponseMinReductionPercent: 25,
    source: 'HEDIS-style remission < 5; response ≥ 50 % (instruments.md §3; clinical.md §15 rule 31)',
  },
  loinc: {
    panel: { code: '44249-1', display: 'PHQ-9 quick depression assessment panel', confidence: 'high', evidence: 'instruments.md §4' },
    total: {
      code: '44261-6',
      display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]',
      confidence: 'high',
      evidence: 'instruments.md §4',
    },
    answerList: 'LL358-3',
  },
  licence: {
    class: 'full-text',
    note: 'Public domain: the PHQ site states no permission is needed to reproduce, translate, display or distribute (instruments.md §2.1, §5).',
  },
  sources: ['instruments.md §2.1', 'Kroenke et al. 2001', 'Kroenke et al. 2010', 'Löwe et al. 2004 (MCID 5 points)'],
};

import type { InstrumentDefinition, ItemDefinition, LoincCode } from '../instrument-definition.ts';
import { YES_NO_OPTIONS } from './option-sets.ts';

export type CssrsRiskLevel = 'none' | 'low' | 'moderate' | 'high';

const itemLoinc = (code: string): LoincCode => ({
  code,
  display: `C-SSRS screener item (${code})`,
  confidence: 'medium-high',
  evidence: 'instruments.md §4 (LHC-Forms-derived FHIR Questionnaire)',
});

const SPEC: readonly (readonly [string, string, string, string?])[] = [
  ['Q1', 'wish to be dead', '93246-7'],
  ['Q2', 'non-specific active suicidal thoughts', '93247-5'],
  ['Q3', 'thoughts of a method, no plan or intent', '93248-3', 'Asked only when Q2 is yes.'],
  ['Q4', 'some intent, no specific plan', '93249-1', 'Asked only when Q2 is yes.'],
  ['Q5', 'specific plan with intent', '93250-9', 'Asked only when Q2 is yes.'],
  ['Q6', 'any suicidal behaviour or preparation, ever', '93267-3'],
  ['Q6b', 'was the behaviour within the past 3 months', '93269-9', 'Asked only when Q6 is yes.'],
];

const ITEMS: ItemDefinition[] = SPEC.map(([tag, shortLabel, code, skipNote], index) => ({
  number: index + 1,
  tag,
  shortLabel,
  min: 0,
  max: 1,
  options: YES_NO_OPTIONS,
  loinc: itemLoinc(code),
  ...(skipNote === undefined ? {} : { skipNote }),
}));

/**
 * C-SSRS screener, "recent" version: responses [Q1, Q2, Q3, Q4, Q5, Q6, Q6b] as
 * 1 = yes, 0 = no. No numeric total; the result is a triage risk level.
 * See instruments.md §2.9.
 */
export const CSSRS_SCREENER: InstrumentDefinition<CssrsRiskLevel> = {
  id: 'C-SSRS-Screener',
  name: 'Columbia Suicide Severity Rating Scale, screener (recent)',
  rater: 'clinician-or-self',
  recallPeriod: 'ideation past month; behaviour lifetime and past 3 months',
  items: ITEMS,
  scoring: 'risk-tier',
  totalRange: null,
  bands: null,
  levels: [
    { code: 'none', label: 'no risk identified', description: 'All answered questions no.' },
    { code: 'low', label: 'low', description: 'Q1 or Q2 yes.' },
    { code: 'moderate', label: 'moderate', description: 'Q3 yes, or Q6 yes but not in the past 3 months.' },
    { code: 'high', label: 'high', description: 'Q4 or Q5 yes, or Q6 yes within the past 3 months (or recency unknown).' },
  ],
  subscales: [],
  safetyItems: [],
  missingItemRule:
    'Skip logic: Q3-Q5 only when Q2 is yes, Q6b only when Q6 is yes. Implementer rules: Q3-Q5 yes despite Q2 no still count and set skipLogicViolation; Q6 yes with Q6b missing counts as recent (high) and sets recencyUnknown; a missing required answer (Q1, Q2, Q6, or Q3-Q5 when Q2 is yes) makes the level null unless high was reached (instruments.md §2.9, §6.7).',
  responseRemission: null,
  loinc: {
    panel: {
      code: '93373-9',
      display: 'Columbia - suicide severity rating scale screener - recent [C-SSRS]',
      confidence: 'high',
      evidence: 'instruments.md §4',
    },
    scores: {
      riskLevel: {
        code: '93374-7',
        display: 'Suicide risk level',
        confidence: 'medium',
        evidence: 'instruments.md §4 (SPiER IG), used with a local value set',
      },
    },
  },
  licence: {
    class: 'numbers-and-short-labels',
    note: '© 2008 Research Foundation for Mental Hygiene; free but permission/registration based, wording may not be altered, commercial use needs a licence (instruments.md §2.9, §5).',
  },
  sources: ['instruments.md §2.9', 'Columbia screener with triage points for primary care', 'SPiER adoption guide'],
};

/**
 * Instrument definitions as data (instruments.md §1-§5). The web UI renders entry
 * forms from these, the FHIR export reads the LOINC codes, and the scorer
 * (score.ts) reads item ranges, bands and subscales from here, so one file per
 * instrument holds everything the product knows about it.
 *
 * Wording rule (instruments.md §5): `text` carries verbatim item wording only for
 * instruments whose licence class is 'full-text'; everything else ships item
 * numbers and short labels written in our own words.
 */

/** Stable ids, spelled exactly as in shared/spec/instrument-vectors.json. */
export type InstrumentId =
  | 'PHQ-9'
  | 'PHQ-2'
  | 'GAD-7'
  | 'GAD-2'
  | 'MADRS'
  | 'QIDS-SR16'
  | 'HAM-D17'
  | 'PCL-5'
  | 'EPDS'
  | 'Y-BOCS'
  | 'C-SSRS-Screener'
  | 'CADSS'
  | 'CADSS-6'
  | 'Pain-NRS'
  | 'BPI-SF';

/** Who completes the instrument. */
export type Rater = 'self' | 'clinician' | 'clinician-or-self';

/**
 * What the product may contain (instruments.md §5): 'full-text' = item wording and
 * options may be shipped; 'numbers-and-short-labels' = item numbers and our own
 * paraphrased labels only, until the clinic holds a licence.
 */
export type LicenceClass = 'full-text' | 'numbers-and-short-labels';

/** Confidence in a LOINC code, copied from the verification log (instruments.md §4). */
export type LoincConfidence = 'high' | 'medium-high' | 'medium';

export interface LoincCode {
  code: string;
  display: string;
  confidence: LoincConfidence;
  /** Where the code was seen (instruments.md §4); medium codes must be confirmed on loinc.org before EHR use. */
  evidence: string;
}

export interface ResponseOption {
  /** The number recorded for this option (for EPDS: the printed position, 0 = top). */
  value: number;
  /** Short label in our own words, fit for a column header or a button. */
  label: string;
  /** Verbatim option wording; only for 'full-text' instruments. */
  text?: string;
  /** LOINC answer code (LA…), where a verified answer list exists. */
  loincAnswer?: string;
}

export interface ItemDefinition {
  /** 1-based, in the authors' printed order (instruments.md §0.1). */
  number: number;
  /** The authors' own item tag when it differs from the number (PCL-5 "B1", C-SSRS "Q6b", HAM-D "16A/B"). */
  tag?: string;
  /** Short label in our own words. */
  shortLabel: string;
  /** Verbatim item wording; only for 'full-text' instruments. */
  text?: string;
  /** Lowest valid recorded value. */
  min: number;
  /** Highest valid recorded value (HAM-D17 mixes 0-4 and 0-2 items). */
  max: number;
  options: readonly ResponseOption[];
  /**
   * EPDS only: the item score is (3 − recorded position), instruments.md §2.7.
   * The recorded value stays the printed position.
   */
  reverseScored?: boolean;
  /** Item-level LOINC code where instruments.md lists one. */
  loinc?: LoincCode;
  /** Why the item may legitimately be left empty (skip logic, either/or items). */
  skipNote?: string;
}

/** One inclusive integer band looked up from the total only (instruments.md §0.5). */
export interface BandDefinition<B extends string = string> {
  code: B;
  label: string;
  min: number;
  max: number;
}

export interface BandScheme<B extends string = string> {
  /** What the bands are applied to: the total, or (BPI-SF) the worst-pain item. */
  appliesTo: 'total' | { item: number };
  bands: readonly BandDefinition<B>[];
  source: string;
}

/**
 * A score computed from a subset of items.
 * 'sum' needs every item; 'max' needs at least one answered item (QIDS domains);
 * 'mean' needs at least `minAnswered` items and is rounded half-up to 2 decimals.
 */
export interface SubscaleDefinition {
  /** Key used in score results (e.g. "B", "appetiteWeight", "obsessions"). */
  id: string;
  label: string;
  items: readonly number[];
  method: 'sum' | 'max' | 'mean';
  minAnswered?: number;
  min: number;
  max: number;
  loinc?: LoincCode;
}

/** A safety item and the result flag it drives (instruments.md §0.3: missing item → null flag). */
export interface SafetyItemDefinition {
  item: number;
  /** Result field name (e.g. "suicideRisk", "selfHarmFlag", "suicideItemNonzero"). */
  flag: string;
  /** The flag is true when the item's score (after reverse scoring) is at least this. */
  minScoreForFlag: number;
  description: string;
}

/** The research definitions of remission and response (instruments.md §3). */
export interface ResponseRemissionDefinition {
  /** Remission when the current total is at or below this; null = no remission convention. */
  remissionMaxTotal: number | null;
  /** Other published remission cut-offs, for display and configuration. */
  alternativeRemissionMaxTotals: readonly number[];
  /** Response when the reduction from baseline is at least this percentage. */
  responseMinReductionPercent: number;
  /** Partial response when the reduction is at least this percentage; null = no partial band. */
  partialResponseMinReductionPercent: number | null;
  source: string;
}

/** PCL-5 uses point changes instead of percentage response (instruments.md §2.6, §3). */
export interface ChangePointsDefinition {
  clinicallyMeaningfulMinPoints: number;
  reliableMinPoints: number;
  source: string;
}

export interface InstrumentLoinc {
  panel?: LoincCode;
  total?: LoincCode;
  /** Codes for derived scores other than the total (BPI interference, C-SSRS risk level). */
  scores?: Readonly<Record<string, LoincCode>>;
  /** LOINC answer list of the shared options, where verified. */
  answerList?: string;
}

export interface InstrumentDefinition<B extends string = string> {
  id: InstrumentId;
  name: string;
  rater: Rater;
  recallPeriod: string;
  /** Instruction shown above the items; verbatim only for 'full-text' instruments. */
  stem?: string;
  items: readonly ItemDefinition[];
  /** How the headline score is formed (instruments.md §2). */
  scoring: 'sum' | 'domain-max-sum' | 'means' | 'risk-tier';
  /** Range of the total; null when the instrument has no numeric total (C-SSRS, BPI-SF). */
  totalRange: { min: number; max: number } | null;
  /** Default band scheme; null when no validated bands exist (CADSS). */
  bands: BandScheme<B> | null;
  /** The other published scheme where sources disagree (instruments.md §6), reported as `bandAlt`. */
  alternativeBands?: BandScheme<string>;
  /** Categorical levels for instruments without a numeric total (C-SSRS risk tiers), highest last. */
  levels?: readonly { code: string; label: string; description: string }[];
  subscales: readonly SubscaleDefinition[];
  safetyItems: readonly SafetyItemDefinition[];
  /** The author's missing-item rule, or the implementer rule applied (instruments.md §0.2). */
  missingItemRule: string;
  responseRemission: ResponseRemissionDefinition | null;
  changePoints?: ChangePointsDefinition;
  loinc: InstrumentLoinc;
  licence: { class: LicenceClass; note: string };
  /** Where the scoring rules come from (instruments.md section and primary references). */
  sources: readonly string[];
}

import type { CssrsRiskLevel } from './definitions/c-ssrs-screener.ts';
import type { EpdsBand } from './definitions/epds.ts';
import type { Gad7Band } from './definitions/gad-7.ts';
import type { HamdAltBand, HamdBand } from './definitions/ham-d17.ts';
import type { MadrsBand } from './definitions/madrs.ts';
import type { PainBand } from './definitions/pain-nrs.ts';
import type { Pcl5Band, Pcl5Cluster } from './definitions/pcl-5.ts';
import type { ScreenBand } from './definitions/phq-2.ts';
import type { Phq9Band } from './definitions/phq-9.ts';
import type { QidsBand, QidsDomain } from './definitions/qids-sr16.ts';
import type { YbocsBand } from './definitions/y-bocs.ts';
import type { InstrumentId } from './instrument-definition.ts';

/** One recorded answer: an integer in the item's range, or null when not answered / not asked. */
export type ItemResponse = number | null;

/**
 * Why a form could not be scored (instruments.md §0.4): 'out-of-range' when an
 * item is outside its own range or not an integer; 'wrong-item-count' when the
 * number of responses differs from the number of items.
 */
export type ScoreError = 'out-of-range' | 'wrong-item-count';

/**
 * Fields every scored result carries. Field names match the `expected` keys of
 * shared/spec/instrument-vectors.json so the vector checker can compare them.
 */
export interface ScoreCommon {
  /** Integer total; null when any item is missing or invalid, or the instrument has no total. */
  total: number | null;
  /** False when a required item is missing (instruments.md §0.2). */
  complete: boolean;
  /** 1-based numbers of required items left empty. */
  missingItems: number[];
  error: ScoreError | null;
  /** 1-based numbers of items outside their range or not integers. */
  invalidItems: number[];
}

export interface Phq9Score extends ScoreCommon {
  instrument: 'PHQ-9';
  band: Phq9Band | null;
  /** Item 9 ≥ 1; null when item 9 is missing or invalid, never false by inference (§0.3). */
  suicideRisk: boolean | null;
  suicideItemMissing: boolean;
  /** Items 1 + 2 (the embedded PHQ-2); null when either is missing. */
  phq2Total: number | null;
  phq2Band: ScreenBand | null;
  /**
   * Non-author proration round-half-up(mean of answered × 9) when 1-2 items are
   * missing; null otherwise. Never the total (instruments.md §2.1, §6.1).
   */
  proratedTotalOptional: number | null;
}

export interface Phq2Score extends ScoreCommon {
  instrument: 'PHQ-2';
  band: ScreenBand | null;
}

export interface Gad7Score extends ScoreCommon {
  instrument: 'GAD-7';
  band: Gad7Band | null;
  gad2Total: number | null;
  gad2Band: ScreenBand | null;
  /** As PHQ-9 (× 7); a separately labelled, non-author value. */
  proratedTotalOptional: number | null;
}

export interface Gad2Score extends ScoreCommon {
  instrument: 'GAD-2';
  band: ScreenBand | null;
}

export interface MadrsScore extends ScoreCommon {
  instrument: 'MADRS';
  /** Snaith et al. 1986 bands (severe from 35). */
  band: MadrsBand | null;
  /** Same bands with the Müller et al. 2003 severe boundary at 31 (instruments.md §6.3). */
  bandAlt: MadrsBand | null;
  /** Item 10 > 0 (informational). */
  suicideItemNonzero: boolean | null;
  /** Item 10 ≥ ScoringConfig.madrsSuicideItemEscalationMin. */
  suicideItemEscalation: boolean | null;
}

export interface QidsScore extends ScoreCommon {
  instrument: 'QIDS-SR16';
  band: QidsBand | null;
  /** Domain scores (max of answered items); null for a wholly unanswered domain. */
  domains: Record<QidsDomain, number | null>;
  missingDomains: QidsDomain[];
  /** Item 12 > 0 (informational). */
  suicideItemNonzero: boolean | null;
}

export interface HamdScore extends ScoreCommon {
  instrument: 'HAM-D17';
  /** Zimmerman et al. 2013 bands. */
  band: HamdBand | null;
  /** Older consensus bands (instruments.md §2.5). */
  bandAlt: HamdAltBand | null;
  /** Item 3 > 0 (informational). */
  suicideItemNonzero: boolean | null;
}

export interface Pcl5Score extends ScoreCommon {
  instrument: 'PCL-5';
  band: Pcl5Band | null;
  /** Cluster sums; a cluster with a missing item is null. */
  clusters: Record<Pcl5Cluster, number | null>;
  /** DSM-5 rule (≥1 B, ≥1 C, ≥2 D, ≥2 E items rated ≥ 2); null unless all 20 items are valid. */
  provisionalDiagnosis: boolean | null;
}

export interface EpdsScore extends ScoreCommon {
  instrument: 'EPDS';
  band: EpdsBand | null;
  /** Item-10 score > 0; null when item 10 is missing or invalid. */
  selfHarmFlag: boolean | null;
  /** Item scores after reverse scoring; null for missing or invalid positions. */
  itemScores: (number | null)[];
}

export interface YbocsScore extends ScoreCommon {
  instrument: 'Y-BOCS';
  band: YbocsBand | null;
  obsessions: number | null;
  compulsions: number | null;
}

export interface CssrsScore extends ScoreCommon {
  instrument: 'C-SSRS-Screener';
  /** Always null: the screener has no numeric total. */
  total: null;
  /** Triage risk level; null when incomplete below 'high' or invalid. */
  band: CssrsRiskLevel | null;
  /** Q3-Q5 answered yes although Q2 was no (counted anyway). */
  skipLogicViolation: boolean;
  /** Q6 yes with Q6b unanswered (treated as recent). */
  recencyUnknown: boolean;
}

export interface CadssScore extends ScoreCommon {
  instrument: 'CADSS';
  /** No validated bands (instruments.md §2.10). */
  band: null;
  /** Items 1, 2, 6, 7, 15, 22 summed; reported whenever those six are valid. */
  cadss6: number | null;
  /** Total > 4, the post hoc "marked dissociation" marker; null when the total is null. */
  exceeds4: boolean | null;
}

export interface Cadss6Score extends ScoreCommon {
  instrument: 'CADSS-6';
  band: null;
}

export interface PainNrsScore extends ScoreCommon {
  instrument: 'Pain-NRS';
  /** Serlin et al. 1995 bands. */
  band: PainBand | null;
  /** Clinical convention 1-3 / 4-6 / 7-10. */
  bandAlt: PainBand | null;
}

export interface BpiScore extends ScoreCommon {
  instrument: 'BPI-SF';
  /** Always null: BPI-SF reports means, not a total (instruments.md §0.7). */
  total: null;
  /** Serlin category of the worst-pain item. */
  band: PainBand | null;
  /** Mean of the 4 severity items, half-up to 2 decimals; null unless all 4 are valid. */
  severity: number | null;
  /** Mean of answered interference items, half-up to 2 decimals; null with fewer than 4 of 7. */
  interference: number | null;
  interferenceItemsAnswered: number;
}

/** A scored form, discriminated by `instrument`. */
export type InstrumentScore =
  | Phq9Score
  | Phq2Score
  | Gad7Score
  | Gad2Score
  | MadrsScore
  | QidsScore
  | HamdScore
  | Pcl5Score
  | EpdsScore
  | YbocsScore
  | CssrsScore
  | CadssScore
  | Cadss6Score
  | PainNrsScore
  | BpiScore;

/** The result type for one instrument id. */
export type ScoreFor<I extends InstrumentId> = Extract<InstrumentScore, { instrument: I }>;

/** Returned instead of throwing when the id names no known instrument. */
export interface UnknownInstrumentScore {
  instrument: null;
  requestedInstrument: string;
  error: 'unknown-instrument';
  total: null;
  band: null;
  complete: false;
  missingItems: number[];
  invalidItems: number[];
}

import type { CssrsRiskLevel } from './definitions/c-ssrs-screener.ts';
import type { EpdsBand } from './definitions/epds.ts';
import type { HamdAltBand } from './definitions/ham-d17.ts';
import type { MadrsBand } from './definitions/madrs.ts';
import type { PainBand } from './definitions/pain-nrs.ts';
import { PCL5_DIAGNOSIS_RULE } from './definitions/pcl-5.ts';
import type { Pcl5Band, Pcl5Cluster } from './definitions/pcl-5.ts';
import type { QidsDomain } from './definitions/qids-sr16.ts';
import type {
  BandScheme,
  InstrumentDefinition,
  InstrumentId,
  SubscaleDefinition,
} from './instrument-definition.ts';
import { INSTRUMENTS, isInstrumentId } from './registry.ts';
import { roundHalfUpRatio } from './rounding.ts';
import type {
  BpiScore,
  Cadss6Score,
  CadssScore,
  CssrsScore,
  EpdsScore,
  Gad2Score,
  Gad7Score,
  HamdScore,
  InstrumentScore,
  ItemResponse,
  MadrsScore,
  Pcl5Score,
  PainNrsScore,
  Phq2Score,
  Phq9Score,
  QidsScore,
  ScoreCommon,
  ScoreError,
  ScoreFor,
  UnknownInstrumentScore,
  YbocsScore,
} from './score-types.ts';
import { DEFAULT_SCORING_CONFIG } from './scoring-config.ts';
import type { ScoringConfig } from './scoring-config.ts';

/** The items of one form after validation: `values[i]` is item i+1, null when missing or invalid. */
interface ReadItems {
  values: (number | null)[];
  missing: number[];
  invalid: number[];
  error: ScoreError | null;
}

/**
 * Validates every response against its own item range (instruments.md §0.4).
 * null/undefined is "not answered"; anything else that is not an integer inside
 * [min, max] is invalid. Values are never clamped and never defaulted to 0.
 */
function readItems(definition: InstrumentDefinition, responses: readonly unknown[]): ReadItems {
  const items = definition.items;
  if (responses.length !== items.length) {
    return { values: items.map(() => null), missing: [], invalid: [], error: 'wrong-item-count' };
  }
  const values: (number | null)[] = [];
  const missing: number[] = [];
  const invalid: number[] = [];
  items.forEach((item, index) => {
    const raw = responses[index];
    if (raw === null || raw === undefined) {
      missing.push(item.number);
      values.push(null);
    } else if (typeof raw === 'number' && Number.isInteger(raw) && raw >= item.min && raw <= item.max) {
      values.push(raw);
    } else {
      invalid.push(item.number);
      values.push(null);
    }
  });
  return { values, missing, invalid, error: invalid.length > 0 ? 'out-of-range' : null };
}

function itemValue(read: ReadItems, itemNumber: number): number | null {
  return read.values[itemNumber - 1] ?? null;
}

/** Sum of the listed items, or null when any is missing or invalid (no proration, §0.2). */
function sumItems(read: ReadItems, itemNumbers: readonly number[]): number | null {
  let sum = 0;
  for (const n of itemNumbers) {
    const v = itemValue(read, n);
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

function allItemNumbers(definition: InstrumentDefinition): number[] {
  return definition.items.map((item) => item.number);
}

function subscale(definition: InstrumentDefinition, id: string): SubscaleDefinition {
  const found = definition.subscales.find((s) => s.id === id);
  if (found === undefined) throw new Error(`${definition.id} definition has no subscale ${id}`);
  return found;
}

/** Inclusive band lookup from a single value (instruments.md §0.5). */
function bandOf<B extends string>(scheme: BandScheme<B> | null | undefined, value: number | null): B | null {
  if (scheme == null || value === null) return null;
  return scheme.bands.find((band) => value >= band.min && value <= band.max)?.code ?? null;
}

/** Item flag from a valid value only: a missing or invalid item gives null, never false (§0.3). */
function flagAtLeast(value: number | null, minimum: number): boolean | null {
  return value === null ? null : value >= minimum;
}

/** The fields shared by every result. A total is reported only when nothing is missing or invalid. */
function common(read: ReadItems, total: number | null, missingItems: number[] = read.missing): ScoreCommon {
  return {
    total: read.error === null && missingItems.length === 0 ? total : null,
    complete: read.error !== 'wrong-item-count' && missingItems.length === 0,
    missingItems,
    error: read.error,
    invalidItems: read.invalid,
  };
}

/** Aggregates (subscales, screens) are withheld when the form has an error. */
function unlessError<T>(read: ReadItems, value: T | null): T | null {
  return read.error === null ? value : null;
}

/**
 * round-half-up(mean of answered × itemCount) when 1..maxMissing items are missing
 * (instruments.md §2.1, §6.1). A labelled optional value, never the total.
 */
function proratedTotal(read: ReadItems, maxMissing: number): number | null {
  if (read.error !== null || read.missing.length === 0 || read.missing.length > maxMissing) return null;
  const answered = read.values.filter((v): v is number => v !== null);
  if (answered.length === 0) return null;
  const sum = answered.reduce((a, b) => a + b, 0);
  return roundHalfUpRatio(sum * read.values.length, answered.length, 0);
}

function scorePhq9(read: ReadItems, config: ScoringConfig): Phq9Score {
  const def = INSTRUMENTS['PHQ-9'];
  const base = common(read, sumItems(read, allItemNumbers(def)));
  const phq2Total = unlessError(read, sumItems(read, subscale(def, 'phq2').items));
  const item9 = itemValue(read, 9);
  return {
    instrument: 'PHQ-9',
    ...base,
    band: bandOf(def.bands, base.total),
    suicideRisk: flagAtLeast(item9, 1),
    suicideItemMissing: item9 === null,
    phq2Total,
    phq2Band: bandOf(INSTRUMENTS['PHQ-2'].bands, phq2Total),
    proratedTotalOptional: proratedTotal(read, config.proratedTotalMaxMissingItems),
  };
}

function scorePhq2(read: ReadItems): Phq2Score {
  const def = INSTRUMENTS['PHQ-2'];
  const base = common(read, sumItems(read, allItemNumbers(def)));
  return { instrument: 'PHQ-2', ...base, band: bandOf(def.bands, base.total) };
}

function scoreGad7(read: ReadItems, config: ScoringConfig): Gad7Score {
  const def = INSTRUMENTS['GAD-7'];
  const base = common(read, sumItems(read, allItemNumbers(def)));
  const gad2Total = unlessError(read, sumItems(read, subscale(def, 'gad2').items));
  return {
    instrument: 'GAD-7',
    ...base,
    band: bandOf(def.bands, base.total),
    gad2Total,
    gad2Band: bandOf(INSTRUMENTS['GAD-2'].bands, gad2Total),
    proratedTotalOptional: proratedTotal(read, config.proratedTotalMaxMissingItems),
  };
}

function scoreGad2(read: ReadItems): Gad2Score {
  const def = INSTRUMENTS['GAD-2'];
  const base = common(read, sumItems(read, allItemNumbers(def)));
  return { instrument: 'GAD-2', ...base, band: bandOf(def.bands, base.total) };
}

function scoreMadrs(read: ReadItems, config: ScoringConfig): MadrsScore {
  const def = INSTRUMENTS.MADRS;
  const base = common(read, sumItems(read, allItemNumbers(def)));
  const item10 = itemValue(read, 10);
  return {
    instrument: 'MADRS',
    ...base,
    band: bandOf(def.bands, base.total),
    bandAlt: bandOf(def.alternativeBands as BandScheme<MadrsBand> | undefined, base.total),
    suicideItemNonzero: flagAtLeast(item10, 1),
    suicideItemEscalation: flagAtLeast(item10, config.madrsSuicideItemEscalationMin),
  };
}

/**
 * QIDS-SR16 domain-max scoring (instruments.md §2.4): each of the 9 domains is the
 * maximum of its answered items; the total is the sum of domains and is null when
 * a whole domain is unanswered.
 */
function scoreQids(read: ReadItems): QidsScore {
  const def = INSTRUMENTS['QIDS-SR16'];
  const domains = {} as Record<QidsDomain, number | null>;
  const missingDomains: QidsDomain[] = [];
  const missingItems: number[] = [];
  let total = 0;
  for (const domain of def.subscales) {
    const id = domain.id as QidsDomain;
    const answered = domain.items.map((n) => itemValue(read, n)).filter((v): v is number => v !== null);
    const unanswered = domain.items.filter((n) => read.missing.includes(n));
    if (answered.length === 0 && unanswered.length === domain.items.length) {
      missingDomains.push(id);
      missingItems.push(...unanswered);
    }
    const score = answered.length > 0 ? Math.max(...answered) : null;
    domains[id] = unlessError(read, score);
    total += score ?? 0;
  }
  const base = common(read, missingDomains.length === 0 ? total : null, missingItems);
  return {
    instrument: 'QIDS-SR16',
    ...base,
    band: bandOf(def.bands, base.total),
    domains,
    missingDomains,
    suicideItemNonzero: flagAtLeast(itemValue(read, 12), 1),
  };
}

function scoreHamd(read: ReadItems): HamdScore {
  const def = INSTRUMENTS['HAM-D17'];
  const base = common(read, sumItems(read, allItemNumbers(def)));
  return {
    instrument: 'HAM-D17',
    ...base,
    band: bandOf(def.bands, base.total),
    bandAlt: bandOf(def.alternativeBands as BandScheme<HamdAltBand> | undefined, base.total),
    suicideItemNonzero: flagAtLeast(itemValue(read, 3), 1),
  };
}

function pcl5Bands(config: ScoringConfig): BandScheme<Pcl5Band> {
  const cut = config.pcl5ProbablePtsdMinTotal;
  return {
    appliesTo: 'total',
    source: 'ScoringConfig.pcl5ProbablePtsdMinTotal',
    bands: [
      { code: 'below-cutoff', label: 'below the probable-PTSD cut-point', min: 0, max: cut - 1 },
      { code: 'probable-ptsd', label: 'probable PTSD', min: cut, max: 80 },
    ],
  };
}

/** PCL-5 clusters and the DSM-5 provisional-diagnosis rule (instruments.md §2.6). */
function scorePcl5(read: ReadItems, config: ScoringConfig): Pcl5Score {
  const def = INSTRUMENTS['PCL-5'];
  const base = common(read, sumItems(read, allItemNumbers(def)));
  const clusters = {} as Record<Pcl5Cluster, number | null>;
  let diagnosis: boolean | null = base.total === null ? null : true;
  for (const cluster of def.subscales) {
    const id = cluster.id as Pcl5Cluster;
    clusters[id] = unlessError(read, sumItems(read, cluster.items));
    if (diagnosis !== null) {
      const endorsed = cluster.items.filter((n) => (itemValue(read, n) ?? 0) >= PCL5_DIAGNOSIS_RULE.endorsedMinItemScore).length;
      if (endorsed < PCL5_DIAGNOSIS_RULE.minEndorsed[id]) diagnosis = false;
    }
  }
  return {
    instrument: 'PCL-5',
    ...base,
    band: bandOf(pcl5Bands(config), base.total),
    clusters,
    provisionalDiagnosis: diagnosis,
  };
}

function epdsBands(config: ScoringConfig): BandScheme<EpdsBand> {
  const possible = config.epdsPossibleDepressionMinTotal;
  const probable = config.epdsProbableDepressionMinTotal;
  return {
    appliesTo: 'total',
    source: 'ScoringConfig.epdsPossibleDepressionMinTotal / epdsProbableDepressionMinTotal',
    bands: [
      { code: 'below-threshold', label: 'below threshold', min: 0, max: Math.min(possible, probable) - 1 },
      { code: 'possible-depression', label: 'possible depression', min: possible, max: probable - 1 },
      { code: 'probable-depression', label: 'probable depression', min: probable, max: 30 },
    ],
  };
}

/**
 * EPDS: responses are printed positions; items 3 and 5-10 score 3 − position
 * (instruments.md §2.7). The item-10 flag uses the item score.
 */
function scoreEpds(read: ReadItems, config: ScoringConfig): EpdsScore {
  const def = INSTRUMENTS.EPDS;
  const itemScores = def.items.map((item) => {
    const position = itemValue(read, item.number);
    if (position === null) return null;
    return item.reverseScored === true ? 3 - position : position;
  });
  const scored: ReadItems = { ...read, values: itemScores };
  const base = common(read, sumItems(scored, allItemNumbers(def)));
  return {
    instrument: 'EPDS',
    ...base,
    band: bandOf(epdsBands(config), base.total),
    selfHarmFlag: flagAtLeast(itemScores[9] ?? null, 1),
    itemScores,
  };
}

function scoreYbocs(read: ReadItems): YbocsScore {
  const def = INSTRUMENTS['Y-BOCS'];
  const base = common(read, sumItems(read, allItemNumbers(def)));
  return {
    instrument: 'Y-BOCS',
    ...base,
    band: bandOf(def.bands, base.total),
    obsessions: unlessError(read, sumItems(read, subscale(def, 'obsessions').items)),
    compulsions: unlessError(read, sumItems(read, subscale(def, 'compulsions').items)),
  };
}

/**
 * C-SSRS screener triage level (instruments.md §2.9): high = Q4 or Q5 yes, or
 * Q6 yes within 3 months (or recency unknown); moderate = Q3 yes, or Q6 yes but
 * not recent; low = Q1 or Q2 yes; none = all no. Implementer rules (a)-(c) of
 * §2.9 handle skip-logic violations, unknown recency and missing answers.
 */
function scoreCssrs(read: ReadItems): CssrsScore {
  const [q1, q2, q3, q4, q5, q6, q6b] = [1, 2, 3, 4, 5, 6, 7].map((n) => itemValue(read, n));
  const yes = (v: number | null | undefined): boolean => v === 1;
  const required = [1, 2, 6, ...(q2 === 1 ? [3, 4, 5] : [])];
  const missingItems = required.filter((n) => read.missing.includes(n));
  const recencyUnknown = yes(q6) && read.missing.includes(7);
  const skipLogicViolation = q2 === 0 && [q3, q4, q5].some(yes);

  let level: CssrsRiskLevel = 'none';
  if (yes(q4) || yes(q5) || (yes(q6) && (yes(q6b) || recencyUnknown))) level = 'high';
  else if (yes(q3) || (yes(q6) && q6b === 0)) level = 'moderate';
  else if (yes(q1) || yes(q2)) level = 'low';

  let band: CssrsRiskLevel | null = level;
  if (read.error !== null) band = null;
  else if (missingItems.length > 0 && level !== 'high') band = null;

  return {
    instrument: 'C-SSRS-Screener',
    ...common(read, null, missingItems),
    total: null,
    band,
    skipLogicViolation,
    recencyUnknown,
  };
}

function scoreCadss(read: ReadItems): CadssScore {
  const def = INSTRUMENTS.CADSS;
  const base = common(read, sumItems(read, allItemNumbers(def)));
  return {
    instrument: 'CADSS',
    ...base,
    band: null,
    cadss6: unlessError(read, sumItems(read, subscale(def, 'cadss6').items)),
    exceeds4: base.total === null ? null : base.total > 4,
  };
}

function scoreCadss6(read: ReadItems): Cadss6Score {
  const base = common(read, sumItems(read, allItemNumbers(INSTRUMENTS['CADSS-6'])));
  return { instrument: 'CADSS-6', ...base, band: null };
}

function scorePainNrs(read: ReadItems): PainNrsScore {
  const def = INSTRUMENTS['Pain-NRS'];
  const base = common(read, sumItems(read, [1]));
  return {
    instrument: 'Pain-NRS',
    ...base,
    band: bandOf(def.bands, base.total),
    bandAlt: bandOf(def.alternativeBands as BandScheme<PainBand> | undefined, base.total),
  };
}

/** Mean of answered items, half-up to 2 decimals, when at least `minAnswered` are answered. */
function meanOf(read: ReadItems, scale: SubscaleDefinition): { mean: number | null; answered: number } {
  const answered = scale.items.map((n) => itemValue(read, n)).filter((v): v is number => v !== null);
  const minimum = scale.minAnswered ?? scale.items.length;
  if (read.error !== null || answered.length < minimum || answered.length === 0) {
    return { mean: null, answered: answered.length };
  }
  return { mean: roundHalfUpRatio(answered.reduce((a, b) => a + b, 0), answered.length, 2), answered: answered.length };
}

/**
 * BPI-SF (instruments.md §2.12): severity = mean of the 4 severity items (all
 * required); interference = mean of answered items when ≥ 4 of 7 are answered;
 * band = Serlin category of the worst-pain item. No total.
 */
function scoreBpi(read: ReadItems): BpiScore {
  const def = INSTRUMENTS['BPI-SF'];
  const severity = meanOf(read, subscale(def, 'severity'));
  const interference = meanOf(read, subscale(def, 'interference'));
  return {
    instrument: 'BPI-SF',
    ...common(read, null),
    total: null,
    band: read.error === null ? bandOf(def.bands, itemValue(read, 1)) : null,
    severity: severity.mean,
    interference: interference.mean,
    interferenceItemsAnswered: interference.answered,
  };
}

function scoreKnown(id: InstrumentId, read: ReadItems, config: ScoringConfig): InstrumentScore {
  switch (id) {
    case 'PHQ-9':
      return scorePhq9(read, config);
    case 'PHQ-2':
      return scorePhq2(read);
    case 'GAD-7':
      return scoreGad7(read, config);
    case 'GAD-2':
      return scoreGad2(read);
    case 'MADRS':
      return scoreMadrs(read, config);
    case 'QIDS-SR16':
      return scoreQids(read);
    case 'HAM-D17':
      return scoreHamd(read);
    case 'PCL-5':
      return scorePcl5(read, config);
    case 'EPDS':
      return scoreEpds(read, config);
    case 'Y-BOCS':
      return scoreYbocs(read);
    case 'C-SSRS-Screener':
      return scoreCssrs(read);
    case 'CADSS':
      return scoreCadss(read);
    case 'CADSS-6':
      return scoreCadss6(read);
    case 'Pain-NRS':
      return scorePainNrs(read);
    case 'BPI-SF':
      return scoreBpi(read);
  }
}

/**
 * Scores one completed form of an instrument (instruments.md §0-§2).
 *
 * `responses[i]` is item i+1 in the authors' order; null means not answered.
 * Missing items are never counted as 0: the total is null, `complete` is false
 * and `missingItems` lists them (§0.2). A safety flag whose item is missing is
 * null, never false (§0.3). Values outside an item's own range or not integers
 * give `error: 'out-of-range'` with `invalidItems`, total and band null (§0.4);
 * item-level safety flags are still computed from the valid items so a positive
 * suicide item is never hidden by an error elsewhere on the form.
 *
 * An unknown id returns an `UnknownInstrumentScore` (error 'unknown-instrument')
 * instead of throwing, so callers handling untrusted input need no try/catch.
 */
export function scoreInstrument<I extends InstrumentId>(
  id: I,
  responses: readonly ItemResponse[],
  config?: Readonly<ScoringConfig>,
): ScoreFor<I>;
export function scoreInstrument(
  id: string,
  responses: readonly unknown[],
  config?: Readonly<ScoringConfig>,
): InstrumentScore | UnknownInstrumentScore;
export function scoreInstrument(
  id: string,
  responses: readonly unknown[],
  config: Readonly<ScoringConfig> = DEFAULT_SCORING_CONFIG,
): InstrumentScore | UnknownInstrumentScore {
  if (!isInstrumentId(id)) {
    return {
      instrument: null,
      requestedInstrument: id,
      error: 'unknown-instrument',
      total: null,
      band: null,
      complete: false,
      missingItems: [],
      invalidItems: [],
    };
  }
  return scoreKnown(id, readItems(INSTRUMENTS[id], responses), config);
}

import type { Finding } from '../shared/finding.ts';
import { INSTRUMENTS, isInstrumentId } from '../instruments/registry.ts';
import { toEpochDay as dayNumber, daysBetween } from '../shared/calendar-date.ts';
import { DEFAULT_OUTCOME_CONFIG } from './outcome-config.ts';
import type { OutcomeConfig, OutcomeInstrumentId } from './outcome-config.ts';
import { classifyResponse, reductionAtLeast, reductionPercent } from './response.ts';

/** One rating of the tracked instrument on a clinic-local calendar day. A null total (incomplete form) is skipped. */
export interface DatedTotal {
  /** 'YYYY-MM-DD'. */
  ratedOn: string;
  total: number | null;
}

export interface RelapseInput {
  instrument: OutcomeInstrumentId;
  baselineTotal: number;
  /** Ratings after baseline, in any order. */
  ratings: readonly DatedTotal[];
  /** Infusion days ('YYYY-MM-DD'), in any order. */
  infusionDates: readonly string[];
  /** The day the assessment is shown ('YYYY-MM-DD'); defaults to the latest rating day. */
  asOfDate?: string;
}

export type RelapseStatus =
  /** Baseline 0 or already at/below the remission cut-off: response cannot be judged (instruments.md §3). */
  | 'not-evaluable'
  | 'never-responded'
  | 'responding'
  /** A prior responder is below the response threshold on fewer than the required consecutive ratings. */
  | 'loss-of-response-unconfirmed'
  | 'relapse';

export interface RatedReduction {
  ratedOn: string;
  total: number;
  /** Half-up to 2 decimals, display only. */
  reductionPercent: number | null;
}

export interface RelapseEpisode {
  /** Last rating that met the response threshold before response was lost. */
  respondedOn: string;
  firstRatingBelowResponseOn: string;
  /** The rating that completed the run of consecutive ratings below the threshold. */
  relapseOn: string;
  ratingsBelowResponse: RatedReduction[];
  /** Latest infusion on or before relapseOn. */
  lastInfusionOn: string | null;
  daysSinceLastInfusion: number | null;
}

export interface RelapseAssessment {
  instrument: OutcomeInstrumentId;
  baselineTotal: number;
  status: RelapseStatus;
  /** Every relapse in the series, oldest first; a patient must respond again before a new episode can start. */
  episodes: RelapseEpisode[];
  responseMinReductionPercent: number;
  consecutiveRatingsRequired: number;
  /** Day the figures below refer to: asOfDate, else the latest rating day, else null. */
  asOfDate: string | null;
  lastInfusionOn: string | null;
  daysSinceLastInfusion: number | null;
  findings: Finding[];
}

const SOURCES = ['S9'];

function checkTotal(name: string, value: number, instrument: OutcomeInstrumentId): void {
  const max = isInstrumentId(instrument) ? INSTRUMENTS[instrument].totalRange?.max : undefined;
  if (!Number.isInteger(value) || value < 0 || (max !== undefined && value > max)) {
    throw new RangeError(`${name} ${value} is not a valid ${instrument} total`);
  }
}

function lastInfusionOnOrBefore(infusionDates: readonly string[], day: string): string | null {
  const limit = dayNumber(day);
  let best: string | null = null;
  for (const date of infusionDates) {
    if (dayNumber(date) <= limit && (best === null || dayNumber(date) > dayNumber(best))) best = date;
  }
  return best;
}

function infusionText(lastInfusionOn: string | null, days: number | null): string {
  return lastInfusionOn === null || days === null
    ? 'No infusion is recorded before it.'
    : `Last infusion ${lastInfusionOn}, ${days} day${days === 1 ? '' : 's'} before.`;
}

/**
 * Relapse over a dated series of one instrument (clinical.md §15 rule 33; §9.1).
 *
 * A prior responder (a rating with a reduction from baseline at least the
 * instrument's response threshold, 50 % for the rule-31 depression scales) who then
 * has `relapse.consecutiveRatingsBelowResponse` (default 2) consecutive ratings
 * below that threshold has relapsed on the rating that completes the run. Each
 * episode reports the last infusion on or before it and the days since. Ratings
 * with a null total are skipped (neither counted nor breaking a run). After a
 * relapse the patient must respond again before another episode can start.
 *
 * The rule shape is an assumption recorded in clinical.md §9.1 ("loss of response on
 * consecutive ratings"); the count is CONFIG.
 *
 * @throws RangeError for totals outside the instrument's range or dates that are not 'YYYY-MM-DD'.
 */
export function assessRelapse(input: RelapseInput, config: Readonly<OutcomeConfig> = DEFAULT_OUTCOME_CONFIG): RelapseAssessment {
  const { instrument, baselineTotal } = input;
  const thresholds = config.responseRemission[instrument];
  const required = config.relapse.consecutiveRatingsBelowResponse;
  const threshold = thresholds.responseMinReductionPercent;
  checkTotal('baseline total', baselineTotal, instrument);
  if (!Number.isInteger(required) || required < 1) {
    throw new RangeError(`relapse.consecutiveRatingsBelowResponse must be a positive integer, got ${required}`);
  }
  input.infusionDates.forEach((date) => dayNumber(date, 'infusionDates'));

  const ratings = input.ratings
    .map((rating, index) => ({ rating, index, day: dayNumber(rating.ratedOn) }))
    .sort((a, b) => a.day - b.day || a.index - b.index)
    .map(({ rating }) => rating)
    .filter((rating): rating is { ratedOn: string; total: number } => rating.total !== null);
  ratings.forEach((r) => checkTotal(`total on ${r.ratedOn}`, r.total, instrument));

  const asOfDate = input.asOfDate ?? ratings.at(-1)?.ratedOn ?? null;
  const lastInfusionOn = asOfDate === null ? null : lastInfusionOnOrBefore(input.infusionDates, asOfDate);
  const daysSinceLastInfusion = asOfDate !== null && lastInfusionOn !== null ? daysBetween(lastInfusionOn, asOfDate) : null;
  const result = {
    instrument,
    baselineTotal,
    responseMinReductionPercent: threshold,
    consecutiveRatingsRequired: required,
    asOfDate,
    lastInfusionOn,
    daysSinceLastInfusion,
  };
  const thresholdFacts = {
    [`responseRemission.${instrument}.responseMinReductionPercent`]: threshold,
    'relapse.consecutiveRatingsBelowResponse': required,
  };

  if (classifyResponse(baselineTotal, baselineTotal, thresholds) === 'not evaluable') {
    return {
      ...result,
      status: 'not-evaluable',
      episodes: [],
      findings: [
        {
          rule: 33,
          severity: 'info',
          code: 'relapse-not-evaluable',
          message: `Relapse cannot be judged on ${instrument}: the baseline of ${baselineTotal} is 0 or already at or below the remission cut-off.`,
          facts: { instrument, baselineTotal },
          thresholds: { [`responseRemission.${instrument}.remissionMaxTotal`]: thresholds.remissionMaxTotal },
          sources: SOURCES,
        },
      ],
    };
  }

  const episodes: RelapseEpisode[] = [];
  let respondedOn: string | null = null;
  let run: RatedReduction[] = [];
  for (const rating of ratings) {
    if (reductionAtLeast(baselineTotal, rating.total, threshold)) {
      respondedOn = rating.ratedOn;
      run = [];
      continue;
    }
    if (respondedOn === null) continue;
    run.push({ ratedOn: rating.ratedOn, total: rating.total, reductionPercent: reductionPercent(baselineTotal, rating.total) });
    if (run.length >= required) {
      const relapseOn = rating.ratedOn;
      const infusion = lastInfusionOnOrBefore(input.infusionDates, relapseOn);
      episodes.push({
        respondedOn,
        firstRatingBelowResponseOn: run[0]?.ratedOn ?? relapseOn,
        relapseOn,
        ratingsBelowResponse: run,
        lastInfusionOn: infusion,
        daysSinceLastInfusion: infusion === null ? null : daysBetween(infusion, relapseOn),
      });
      respondedOn = null;
      run = [];
    }
  }

  let status: RelapseStatus;
  if (respondedOn !== null) status = run.length > 0 ? 'loss-of-response-unconfirmed' : 'responding';
  else status = episodes.length > 0 ? 'relapse' : 'never-responded';

  const findings: Finding[] = episodes.map((episode, index) => {
    const current = status === 'relapse' && index === episodes.length - 1;
    const below = episode.ratingsBelowResponse.map((r) => `${r.total} on ${r.ratedOn} (${r.reductionPercent} %)`).join(', ');
    return {
      rule: 33,
      severity: current ? 'warning' : 'info',
      code: current ? 'relapse-loss-of-response' : 'relapse-earlier-episode',
      message:
        `${current ? 'Relapse' : 'Earlier relapse'}: ${instrument} responder (response on ${episode.respondedOn}) ` +
        `below the ${threshold} % response threshold from baseline ${baselineTotal} on ${episode.ratingsBelowResponse.length} consecutive ratings: ${below}. ` +
        infusionText(episode.lastInfusionOn, episode.daysSinceLastInfusion),
      facts: {
        instrument,
        baselineTotal,
        respondedOn: episode.respondedOn,
        relapseOn: episode.relapseOn,
        lastInfusionOn: episode.lastInfusionOn,
        daysSinceLastInfusion: episode.daysSinceLastInfusion,
      },
      thresholds: thresholdFacts,
      sources: SOURCES,
    };
  });
  if (status === 'loss-of-response-unconfirmed') {
    const last = run.at(-1);
    findings.push({
      rule: 33,
      severity: 'info',
      code: 'relapse-loss-of-response-unconfirmed',
      message:
        `${instrument} ${last?.total} on ${last?.ratedOn} is below the ${threshold} % response threshold from baseline ${baselineTotal} ` +
        `(${run.length} of ${required} consecutive ratings needed for relapse). ${infusionText(lastInfusionOn, daysSinceLastInfusion)}`,
      facts: {
        instrument,
        baselineTotal,
        ratingsBelowResponse: run.length,
        lastInfusionOn,
        daysSinceLastInfusion,
      },
      thresholds: thresholdFacts,
      sources: SOURCES,
    });
  }
  return { ...result, status, episodes, findings };
}

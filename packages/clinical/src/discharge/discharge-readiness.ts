/**
 * Discharge readiness (clinical.md §8, §15 rules 25, 27 and 28): whether the
 * patient may leave now, every criterion that is not met, and the earliest time
 * the clock alone would allow.
 */
import type { Finding } from '../shared/finding.ts';
import { sortFindings } from '../shared/finding.ts';
import { addMinutes, minutesBetween } from '../monitoring/time.ts';
import { sortReadings } from '../monitoring/vitals-types.ts';
import type { BaselineVitals, SessionMonitoringContext, VitalsReading } from '../monitoring/vitals-types.ts';
import { DEFAULT_DISCHARGE_CONFIG } from './discharge-config.ts';
import type { ComparedVital, DischargeConfig } from './discharge-config.ts';
import { deviationPct, scoreModifiedAldrete, scorePadss } from './recovery-scores.ts';
import type { AldreteScore, ModifiedAldreteInput, PadssInput, PadssScore } from './recovery-scores.ts';

/** A clinician's recorded judgment (rule 28 vitals sign-off; rule 27 esketamine release). */
export interface ClinicianSignOff {
  byUserId: string;
  signedAt: Date;
  note: string;
}

export interface Escort {
  name: string;
  phone: string;
}

export interface DischargeInput {
  context: SessionMonitoringContext;
  baseline: BaselineVitals | null;
  /** Readings in any order; readings after `now` are ignored. */
  readings: readonly VitalsReading[];
  aldrete: ModifiedAldreteInput | null;
  padss?: PadssInput | null;
  /** Rule 28: accepted instead of vitals within 20 % of baseline; rule 27: the esketamine release. */
  clinicianSignOff: ClinicianSignOff | null;
  escort: Escort | null;
  now: Date;
  config?: DischargeConfig;
}

export interface VitalComparison {
  vital: ComparedVital;
  baseline: number | null;
  latest: number | null;
  latestReadingId: string | null;
  deviationPct: number | null;
  within: boolean;
}

export interface DischargeAssessment {
  ready: boolean;
  /** Every unmet criterion, as block findings, sorted. */
  findings: Finding[];
  /** Earliest time the observation clock allows discharge, or null while it cannot be known. */
  earliestByClockAt: Date | null;
  aldrete: AldreteScore | null;
  padss: PadssScore | null;
  vitals: VitalComparison[];
}

const VITAL_LABEL: Record<ComparedVital, string> = {
  systolic: 'systolic BP',
  diastolic: 'diastolic BP',
  heartRate: 'heart rate',
  respRate: 'respiratory rate',
};

function pickVital(source: BaselineVitals | VitalsReading, vital: ComparedVital): number | null {
  const value =
    vital === 'systolic'
      ? source.systolicMmHg
      : vital === 'diastolic'
        ? source.diastolicMmHg
        : vital === 'heartRate'
          ? source.heartRateBpm
          : source.respRatePerMin;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function block(rule: number, code: string, message: string, facts: Finding['facts'], thresholds: Finding['thresholds'], sources: string[]): Finding {
  return { rule, severity: 'block', code, message, facts, ...(thresholds ? { thresholds } : {}), sources };
}

function compareVitals(
  readings: readonly VitalsReading[],
  baseline: BaselineVitals | null,
  now: Date,
  config: DischargeConfig,
): VitalComparison[] {
  return config.comparedVitals.map((vital) => {
    const base = baseline === null ? null : pickVital(baseline, vital);
    let latest: VitalsReading | null = null;
    for (let i = readings.length - 1; i >= 0 && latest === null; i -= 1) {
      const reading = readings[i] as VitalsReading;
      if (pickVital(reading, vital) !== null) latest = reading;
    }
    const current = latest !== null && minutesBetween(latest.takenAt, now) <= config.vitalsMaxAgeMin ? latest : null;
    const value = current === null ? null : pickVital(current, vital);
    const deviation = value === null || base === null ? null : deviationPct(value, base);
    return {
      vital,
      baseline: base,
      latest: value,
      latestReadingId: current?.id ?? null,
      deviationPct: deviation === null ? null : Math.round(deviation * 10) / 10,
      within: deviation !== null && deviation <= config.vitalsWithinBaselinePct,
    };
  });
}

/**
 * Assesses discharge readiness and lists EVERY unmet criterion as a block finding:
 * - rule 27 (esketamine): at least 120 min after the dose, a recorded clinician
 *   release and an escort (CONFIG);
 * - rule 28 (IV ketamine): at least 60 min after the infusion ended, vitals (SBP,
 *   DBP, HR by default, from readings at most 15 min old) within 20 % of baseline
 *   or a recorded clinician sign-off, a current modified Aldrete of 9 or more (or
 *   PADSS of 9 or more), and a recorded escort;
 * - rule 25: sedation (MOAA/S or RASS) and dissociation charted at discharge
 *   (within the last 15 min).
 * `earliestByClockAt` is the time the observation clock alone would allow.
 * See clinical.md §15 rules 25, 27, 28; sources [S5], [S6], [S19], [S44], [S63], [S64].
 */
export function assessDischarge(input: DischargeInput): DischargeAssessment {
  const config = input.config ?? DEFAULT_DISCHARGE_CONFIG;
  const { context, now } = input;
  const readings = sortReadings(input.readings.filter((r) => r.takenAt.getTime() <= now.getTime()));
  const findings: Finding[] = [];
  const esketamine = context.kind === 'esketamine';
  const clockRule = esketamine ? 27 : 28;
  const anchor = esketamine ? context.doseAt : context.infusionEndedAt;
  const minObservationMin = esketamine ? config.esketamine.minObservationMin : config.iv.minObservationAfterInfusionMin;
  const earliestByClockAt = anchor === null ? null : addMinutes(anchor, minObservationMin);

  if (anchor === null) {
    findings.push(
      esketamine
        ? block(27, 'esketamine-dose-time-missing', 'No esketamine dose time is recorded, so the 2-hour observation cannot be counted.', {}, undefined, ['S5', 'S6'])
        : block(28, 'infusion-not-ended', 'The infusion has not ended, so post-infusion observation has not started.', {}, undefined, ['S44']),
    );
  } else if (earliestByClockAt !== null && now.getTime() < earliestByClockAt.getTime()) {
    const observedMin = Math.max(0, Math.floor(minutesBetween(anchor, now)));
    findings.push(
      block(
        clockRule,
        'observation-time-not-met',
        esketamine
          ? `Only ${observedMin} min since the esketamine dose; discharge is allowed from ${minObservationMin} min.`
          : `Only ${observedMin} min since the infusion ended; discharge is allowed from ${minObservationMin} min.`,
        { observedMin, remainingMin: Math.ceil(minutesBetween(now, earliestByClockAt)), earliestByClockAt: earliestByClockAt.toISOString() },
        esketamine ? { 'esketamine.minObservationMin': minObservationMin } : { 'iv.minObservationAfterInfusionMin': minObservationMin },
        esketamine ? ['S5', 'S6'] : ['S44', 'S19'],
      ),
    );
  }

  const signOff = input.clinicianSignOff;
  const signOffValid =
    signOff !== null &&
    signOff.byUserId.trim() !== '' &&
    signOff.signedAt.getTime() <= now.getTime() &&
    (anchor === null || signOff.signedAt.getTime() >= anchor.getTime());

  if (esketamine && config.esketamine.requireClinicianRelease && !signOffValid) {
    findings.push(
      block(27, 'clinician-release-missing', 'A clinician must record that the patient is clinically stable before an esketamine discharge.', { signOffRecorded: signOff !== null }, { 'esketamine.requireClinicianRelease': true }, ['S5', 'S6']),
    );
  }

  const vitals = compareVitals(readings, input.baseline, now, config);
  const vitalsRule = !esketamine || config.esketamine.requireVitalsWithinBaseline;
  if (vitalsRule && !signOffValid) {
    const stale = vitals.filter((v) => v.latest === null);
    const noBaseline = vitals.filter((v) => v.baseline === null);
    const outside = vitals.filter((v) => v.latest !== null && v.baseline !== null && !v.within);
    if (noBaseline.length > 0) {
      findings.push(
        block(clockRule, 'baseline-vitals-missing', `No baseline ${noBaseline.map((v) => VITAL_LABEL[v.vital]).join(', ')} to compare with; record a clinician sign-off instead.`, { missing: noBaseline.map((v) => v.vital).join(',') }, undefined, ['S63']),
      );
    }
    if (stale.length > 0) {
      findings.push(
        block(clockRule, 'discharge-vitals-not-current', `No ${stale.map((v) => VITAL_LABEL[v.vital]).join(', ')} in the last ${config.vitalsMaxAgeMin} min; take a set of vitals.`, { missing: stale.map((v) => v.vital).join(',') }, { vitalsMaxAgeMin: config.vitalsMaxAgeMin }, ['S63']),
      );
    }
    if (outside.length > 0) {
      const detail = outside.map((v) => `${VITAL_LABEL[v.vital]} ${v.latest} vs ${v.baseline} (${v.deviationPct} %)`).join('; ');
      findings.push(
        block(
          clockRule,
          'vitals-not-within-baseline',
          `Vitals are more than ${config.vitalsWithinBaselinePct} % from baseline (${detail}); wait, or record a clinician sign-off.`,
          Object.fromEntries(outside.map((v) => [`${v.vital}DeviationPct`, v.deviationPct])),
          { vitalsWithinBaselinePct: config.vitalsWithinBaselinePct },
          ['S63', 'S64'],
        ),
      );
    }
  }

  const aldrete = input.aldrete === null ? null : scoreModifiedAldrete(input.aldrete);
  const padss = input.padss == null ? null : scorePadss(input.padss);
  if (!esketamine || config.esketamine.requireRecoveryScore) {
    findings.push(...recoveryScoreFindings(input, aldrete, padss, config, clockRule));
  }

  if ((!esketamine || config.esketamine.requireEscort) && (input.escort === null || input.escort.name.trim() === '' || input.escort.phone.trim() === '')) {
    findings.push(
      block(clockRule, 'escort-missing', 'No escort with a name and phone number is recorded; the patient must not leave alone or drive.', { escortRecorded: input.escort !== null }, undefined, ['S5', 'S63']),
    );
  }

  const windowStartMs = now.getTime() - config.assessmentMaxAgeMin * 60_000;
  const recent = readings.filter((r) => r.takenAt.getTime() >= windowStartMs);
  if (!recent.some((r) => Number.isFinite(r.moaasScore) || Number.isFinite(r.rassScore))) {
    findings.push(
      block(25, 'discharge-sedation-not-recorded', `No sedation score (MOAA/S or RASS) in the last ${config.assessmentMaxAgeMin} min; chart one at discharge.`, {}, { assessmentMaxAgeMin: config.assessmentMaxAgeMin }, ['S5', 'S23']),
    );
  }
  if (!recent.some((r) => r.dissociation !== undefined && Number.isFinite(r.dissociation.score))) {
    findings.push(
      block(25, 'discharge-dissociation-not-recorded', `No dissociation score (CADSS or observer rating) in the last ${config.assessmentMaxAgeMin} min; chart one at discharge.`, {}, { assessmentMaxAgeMin: config.assessmentMaxAgeMin }, ['S5', 'S23']),
    );
  }

  return { ready: findings.length === 0, findings: sortFindings(findings), earliestByClockAt, aldrete, padss, vitals };
}

function recoveryScoreFindings(
  input: DischargeInput,
  aldrete: AldreteScore | null,
  padss: PadssScore | null,
  config: DischargeConfig,
  rule: number,
): Finding[] {
  const maxAgeMin = config.assessmentMaxAgeMin;
  const current = (at: Date | undefined): boolean =>
    at !== undefined && at.getTime() <= input.now.getTime() && minutesBetween(at, input.now) <= maxAgeMin;
  const aldreteOk = aldrete !== null && current(input.aldrete?.assessedAt) && aldrete.total >= config.minAldreteScore;
  const padssOk = padss !== null && current(input.padss?.assessedAt ?? undefined) && padss.total >= config.minPadssScore;
  const accepted =
    config.recoveryScore === 'aldrete' ? aldreteOk : config.recoveryScore === 'padss' ? padssOk : aldreteOk || padssOk;
  if (accepted) return [];

  const findings: Finding[] = [];
  const thresholds = { minAldreteScore: config.minAldreteScore, minPadssScore: config.minPadssScore, recoveryScore: config.recoveryScore };
  const considered: ('aldrete' | 'padss')[] = config.recoveryScore === 'either' ? ['aldrete', 'padss'] : [config.recoveryScore];
  const given = considered.filter((s) => (s === 'aldrete' ? aldrete !== null : padss !== null));
  if (given.length === 0) {
    findings.push(
      block(rule, 'recovery-score-missing', `No ${considered.map((s) => (s === 'aldrete' ? 'modified Aldrete' : 'PADSS')).join(' or ')} score is recorded.`, {}, thresholds, ['S64']),
    );
  }
  if (considered.includes('aldrete') && aldrete !== null) {
    if (!current(input.aldrete?.assessedAt)) {
      findings.push(block(rule, 'aldrete-not-current', `The modified Aldrete score is more than ${maxAgeMin} min old; score it again.`, { aldreteTotal: aldrete.total }, { assessmentMaxAgeMin: maxAgeMin }, ['S64']));
    } else if (aldrete.total < config.minAldreteScore) {
      findings.push(block(rule, 'aldrete-below-minimum', `Modified Aldrete ${aldrete.total} is below ${config.minAldreteScore}.`, { aldreteTotal: aldrete.total, ...aldrete.items }, thresholds, ['S64']));
    }
  }
  if (considered.includes('padss') && padss !== null) {
    if (!current(input.padss?.assessedAt ?? undefined)) {
      findings.push(block(rule, 'padss-not-current', `The PADSS score is more than ${maxAgeMin} min old; score it again.`, { padssTotal: padss.total }, { assessmentMaxAgeMin: maxAgeMin }, ['S64']));
    } else if (padss.total < config.minPadssScore) {
      findings.push(block(rule, 'padss-below-minimum', `PADSS ${padss.total} is below ${config.minPadssScore}.`, { padssTotal: padss.total, ...padss.items }, thresholds, ['S64']));
    }
  }
  return findings;
}

/**
 * The vitals alert engine: rules 19 and 21-25 of clinical.md §15, evaluated over
 * the whole ordered series of readings, never one reading at a time.
 *
 * The engine is stateless. Each rule turns the readings into episodes: an episode
 * starts at the first abnormal reading and lasts while later readings that
 * measure the same thing stay abnormal; the first later reading that measures it
 * and is normal ends (clears) the episode. Readings that do not measure the
 * parameter neither extend nor end an episode. Rules that need a sustained state
 * or two readings trigger only once the episode satisfies them. Acknowledgements
 * live on the server and match alerts by `key`, which stays the same for the life
 * of an episode. Cost is one sort plus one linear pass per rule.
 */
import { alertKey, sortAlerts } from './alert.ts';
import type { Alert } from './alert.ts';
import { DEFAULT_MONITORING_CONFIG } from './monitoring-config.ts';
import type { MonitoringConfig } from './monitoring-config.ts';
import { minutesBetween } from './time.ts';
import { dosingStartedAt, sortReadings } from './vitals-types.ts';
import type {
  BaselineVitals,
  CrisisSymptom,
  PreDoseBpDecision,
  SessionMonitoringContext,
  VitalsReading,
} from './vitals-types.ts';

export interface VitalsAlertInput {
  context: SessionMonitoringContext;
  /** Pre-dose vitals; rules 19 and 21 are skipped without them. */
  baseline: BaselineVitals | null;
  /** Readings in any order; readings taken after `now` are ignored. */
  readings: readonly VitalsReading[];
  /** The rule 19 proceed/delay decision, when one was recorded. */
  preDoseDecision?: PreDoseBpDecision | null;
  now: Date;
  config?: MonitoringConfig;
}

/** Active alerts (condition present now) and cleared ones (for history and pending acknowledgements). */
export interface AlertSet {
  active: Alert[];
  cleared: Alert[];
}

type Verdict = 'abnormal' | 'normal' | 'unmeasured';

interface Episode {
  readings: VitalsReading[];
  endedBy: VitalsReading | null;
}

type AlertBody = Omit<Alert, 'key' | 'since' | 'readingIds' | 'clearedAt' | 'clearedByReadingId'>;

const round1 = (value: number): number => Math.round(value * 10) / 10;

function finite(value: number | null | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Splits sorted readings into runs of abnormal readings, each ended by the next normal one. */
function toEpisodes(readings: readonly VitalsReading[], classify: (r: VitalsReading) => Verdict): Episode[] {
  const episodes: Episode[] = [];
  let current: Episode | null = null;
  for (const reading of readings) {
    const verdict = classify(reading);
    if (verdict === 'abnormal') {
      if (current === null) {
        current = { readings: [], endedBy: null };
        episodes.push(current);
      }
      current.readings.push(reading);
    } else if (verdict === 'normal' && current !== null) {
      current.endedBy = reading;
      current = null;
    }
  }
  return episodes;
}

/**
 * Classifies a reading against per-component tests: abnormal when any measured
 * component is abnormal, normal only when every required component is measured
 * and normal, otherwise unmeasured.
 */
function classifyComponents(values: readonly (number | undefined)[], isAbnormal: readonly ((v: number) => boolean)[]): Verdict {
  let allMeasured = true;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    const test = isAbnormal[i];
    if (value === undefined || test === undefined) {
      allMeasured = false;
      continue;
    }
    if (test(value)) return 'abnormal';
  }
  return allMeasured ? 'normal' : 'unmeasured';
}

function episodeAlert(body: AlertBody, anchor: string, episode: Episode, since: Date, readingIds?: string[]): Alert {
  return {
    ...body,
    key: alertKey(body.rule, body.code, anchor),
    since,
    readingIds: readingIds ?? episode.readings.map((r) => r.id),
    clearedAt: episode.endedBy?.takenAt ?? null,
    clearedByReadingId: episode.endedBy?.id ?? null,
  };
}

function firstReading(episode: Episode): VitalsReading {
  const first = episode.readings[0];
  if (first === undefined) throw new Error('episode without readings');
  return first;
}

function lastReading(episode: Episode): VitalsReading {
  const last = episode.readings[episode.readings.length - 1];
  if (last === undefined) throw new Error('episode without readings');
  return last;
}

function peak(episode: Episode, pick: (r: VitalsReading) => number | undefined, direction: 'max' | 'min'): number | null {
  let best: number | null = null;
  for (const reading of episode.readings) {
    const value = finite(pick(reading));
    if (value === undefined) continue;
    if (best === null || (direction === 'max' ? value > best : value < best)) best = value;
  }
  return best;
}

function infusionRunningAt(context: SessionMonitoringContext, at: Date): boolean {
  if (context.kind !== 'iv-ketamine' || context.infusionStartedAt === null) return false;
  if (at.getTime() < context.infusionStartedAt.getTime()) return false;
  return context.infusionEndedAt === null || at.getTime() < context.infusionEndedAt.getTime();
}

function isLossOfConsciousness(r: VitalsReading): Verdict {
  const moaas = finite(r.moaasScore);
  const rass = finite(r.rassScore);
  if (moaas === 0 || rass === -5) return 'abnormal';
  if (moaas !== undefined || rass !== undefined) return 'normal';
  return 'unmeasured';
}

/** Rule 19: the pre-dose BP gate as an alert, while a decision is outstanding. */
function preDoseBpAlerts(input: VitalsAlertInput, config: MonitoringConfig): Alert[] {
  const { baseline, context } = input;
  if (baseline === null) return [];
  const check = checkPreDoseBp(baseline, config);
  if (!check.aboveThreshold) return [];
  const hardStop = config.preDoseBp.mode === 'hard-stop';
  const started = dosingStartedAt(context) !== null;
  const decision = input.preDoseDecision ?? null;
  const decisionValid =
    decision !== null && decision.reason.trim() !== '' && decision.decidedAt.getTime() >= baseline.takenAt.getTime();
  if (hardStop ? started : decisionValid) return [];
  const code = hardStop ? 'pre-dose-bp-hard-stop' : 'pre-dose-bp-decision-required';
  const bp = `${baseline.systolicMmHg ?? '?'}/${baseline.diastolicMmHg ?? '?'} mmHg`;
  const limit = `${config.preDoseBp.systolicAboveMmHg}/${config.preDoseBp.diastolicAboveMmHg} mmHg`;
  return [
    {
      key: alertKey(19, code, baseline.id ?? `baseline@${baseline.takenAt.toISOString()}`),
      rule: 19,
      severity: 'warning',
      code,
      message: hardStop
        ? `Pre-dose BP ${bp} is above ${limit}; the clinic does not start dosing above this level.`
        : `Pre-dose BP ${bp} is above ${limit}; a clinician must record a proceed or delay decision with a reason before dosing.`,
      facts: { systolicMmHg: baseline.systolicMmHg, diastolicMmHg: baseline.diastolicMmHg, decisionRecorded: decisionValid },
      thresholds: {
        'preDoseBp.systolicAboveMmHg': config.preDoseBp.systolicAboveMmHg,
        'preDoseBp.diastolicAboveMmHg': config.preDoseBp.diastolicAboveMmHg,
        'preDoseBp.mode': config.preDoseBp.mode,
      },
      sources: ['S5', 'S44'],
      since: baseline.takenAt,
      readingIds: [],
      action: hardStop ? 'delay-dosing' : 'record-proceed-or-delay-decision',
      requiresAcknowledgement: false,
      clearedAt: null,
      clearedByReadingId: null,
    },
  ];
}

/** The result of comparing a pre-dose BP with the rule 19 threshold. */
export interface PreDoseBpCheck {
  aboveThreshold: boolean;
  systolicAbove: boolean;
  diastolicAbove: boolean;
}

/**
 * Whether a pre-dose BP is above the rule 19 threshold (strictly above 140
 * systolic or strictly above 90 diastolic by default).
 * See clinical.md §15 rule 19; source [S5] 5.6.
 */
export function checkPreDoseBp(
  bp: { systolicMmHg: number | null; diastolicMmHg: number | null },
  config: MonitoringConfig = DEFAULT_MONITORING_CONFIG,
): PreDoseBpCheck {
  const sbp = finite(bp.systolicMmHg);
  const dbp = finite(bp.diastolicMmHg);
  const systolicAbove = sbp !== undefined && sbp > config.preDoseBp.systolicAboveMmHg;
  const diastolicAbove = dbp !== undefined && dbp > config.preDoseBp.diastolicAboveMmHg;
  return { aboveThreshold: systolicAbove || diastolicAbove, systolicAbove, diastolicAbove };
}

/** Rule 21: rise from baseline. */
function bpRiseAlerts(readings: readonly VitalsReading[], baseline: BaselineVitals | null, config: MonitoringConfig): Alert[] {
  if (baseline === null) return [];
  const baseSbp = finite(baseline.systolicMmHg);
  const baseDbp = finite(baseline.diastolicMmHg);
  if (baseSbp === undefined && baseDbp === undefined) return [];
  const { systolicRiseMmHg, diastolicRiseMmHg } = config.bpRise;
  const values = (r: VitalsReading): (number | undefined)[] => [
    ...(baseSbp === undefined ? [] : [finite(r.systolicMmHg)]),
    ...(baseDbp === undefined ? [] : [finite(r.diastolicMmHg)]),
  ];
  const tests = [
    ...(baseSbp === undefined ? [] : [(v: number) => v - baseSbp >= systolicRiseMmHg]),
    ...(baseDbp === undefined ? [] : [(v: number) => v - baseDbp >= diastolicRiseMmHg]),
  ];
  return toEpisodes(readings, (r) => classifyComponents(values(r), tests)).map((episode) => {
    const first = firstReading(episode);
    const latest = lastReading(episode);
    const peakSbp = peak(episode, (r) => r.systolicMmHg, 'max');
    const peakDbp = peak(episode, (r) => r.diastolicMmHg, 'max');
    return episodeAlert(
      {
        rule: 21,
        severity: 'warning',
        code: 'bp-rise-from-baseline',
        message:
          `BP ${latest.systolicMmHg ?? '?'}/${latest.diastolicMmHg ?? '?'} mmHg is at least ${systolicRiseMmHg} mmHg systolic ` +
          `or ${diastolicRiseMmHg} mmHg diastolic above the baseline ${baseSbp ?? '?'}/${baseDbp ?? '?'} mmHg; tell the supervising clinician.`,
        facts: {
          baselineSystolicMmHg: baseSbp ?? null,
          baselineDiastolicMmHg: baseDbp ?? null,
          latestSystolicMmHg: finite(latest.systolicMmHg) ?? null,
          latestDiastolicMmHg: finite(latest.diastolicMmHg) ?? null,
          peakSystolicRiseMmHg: peakSbp !== null && baseSbp !== undefined ? peakSbp - baseSbp : null,
          peakDiastolicRiseMmHg: peakDbp !== null && baseDbp !== undefined ? peakDbp - baseDbp : null,
        },
        thresholds: { 'bpRise.systolicRiseMmHg': systolicRiseMmHg, 'bpRise.diastolicRiseMmHg': diastolicRiseMmHg },
        sources: ['S5'],
        action: 'notify-supervising-clinician',
        requiresAcknowledgement: true,
      },
      first.id,
      episode,
      first.takenAt,
    );
  });
}

/**
 * Rule 22. A run is a sequence of BP readings at or above 180/110 with no normal
 * BP reading between them. The run triggers at the first reading that is at or
 * above 200/120, or that is taken confirmMinGapMin..confirmMaxGapMin after an
 * earlier reading of the same run. Until then an advisory asks for a recheck.
 */
function bpUrgentAlerts(readings: readonly VitalsReading[], context: SessionMonitoringContext, config: MonitoringConfig): Alert[] {
  const urgent = config.bpUrgent;
  const severe = config.bpSevere;
  const isSevere = (r: VitalsReading): boolean =>
    (finite(r.systolicMmHg) ?? -Infinity) >= severe.systolicMmHg || (finite(r.diastolicMmHg) ?? -Infinity) >= severe.diastolicMmHg;
  const episodes = toEpisodes(readings, (r) =>
    classifyComponents(
      [finite(r.systolicMmHg), finite(r.diastolicMmHg)],
      [(v) => v >= urgent.systolicMmHg, (v) => v >= urgent.diastolicMmHg],
    ),
  );
  const thresholds = {
    'bpUrgent.systolicMmHg': urgent.systolicMmHg,
    'bpUrgent.diastolicMmHg': urgent.diastolicMmHg,
    'bpUrgent.confirmMinGapMin': urgent.confirmMinGapMin,
    'bpUrgent.confirmMaxGapMin': urgent.confirmMaxGapMin,
    'bpSevere.systolicMmHg': severe.systolicMmHg,
    'bpSevere.diastolicMmHg': severe.diastolicMmHg,
  };
  const alerts: Alert[] = [];
  for (const episode of episodes) {
    const run = episode.readings;
    const first = firstReading(episode);
    let triggerIndex = -1;
    let partnerIndex = -1;
    let lo = 0;
    for (let j = 0; j < run.length && triggerIndex < 0; j += 1) {
      const current = run[j] as VitalsReading;
      if (isSevere(current)) {
        triggerIndex = j;
        break;
      }
      while (lo < j && minutesBetween((run[lo] as VitalsReading).takenAt, current.takenAt) > urgent.confirmMaxGapMin) lo += 1;
      if (lo < j && minutesBetween((run[lo] as VitalsReading).takenAt, current.takenAt) >= urgent.confirmMinGapMin) {
        triggerIndex = j;
        partnerIndex = lo;
      }
    }
    const latest = lastReading(episode);
    const latestBp = `${latest.systolicMmHg ?? '?'}/${latest.diastolicMmHg ?? '?'} mmHg`;
    if (triggerIndex < 0) {
      alerts.push(
        episodeAlert(
          {
            rule: 22,
            severity: 'advisory',
            code: 'bp-urgent-recheck',
            message:
              `BP ${latestBp} is at or above ${urgent.systolicMmHg}/${urgent.diastolicMmHg} mmHg; recheck in about 5 minutes. ` +
              `A second reading ${urgent.confirmMinGapMin}-${urgent.confirmMaxGapMin} min later at this level prompts a pause.`,
            facts: { latestSystolicMmHg: finite(latest.systolicMmHg) ?? null, latestDiastolicMmHg: finite(latest.diastolicMmHg) ?? null },
            thresholds,
            sources: ['S16', 'S62', 'S44'],
            action: 'recheck-bp',
            requiresAcknowledgement: false,
          },
          first.id,
          episode,
          first.takenAt,
        ),
      );
      continue;
    }
    const trigger = run[triggerIndex] as VitalsReading;
    const partner = partnerIndex >= 0 ? (run[partnerIndex] as VitalsReading) : null;
    const severeTrigger = partner === null;
    const duringInfusion = infusionRunningAt(context, trigger.takenAt);
    const triggerBp = `${trigger.systolicMmHg ?? '?'}/${trigger.diastolicMmHg ?? '?'} mmHg`;
    alerts.push(
      episodeAlert(
        {
          rule: 22,
          severity: 'escalate',
          code: severeTrigger ? 'bp-severe-reading' : 'bp-urgent-confirmed',
          message: severeTrigger
            ? `BP ${triggerBp} is at or above ${severe.systolicMmHg}/${severe.diastolicMmHg} mmHg: ${duringInfusion ? 'pause the infusion and ' : ''}get a clinician assessment.`
            : `BP at or above ${urgent.systolicMmHg}/${urgent.diastolicMmHg} mmHg on two readings ` +
              `${round1(minutesBetween(partner.takenAt, trigger.takenAt))} min apart (latest ${triggerBp}): ` +
              `${duringInfusion ? 'pause the infusion and ' : ''}get a clinician assessment.`,
          facts: {
            triggeringReadingId: trigger.id,
            confirmedWithReadingId: partner?.id ?? null,
            minutesBetweenReadings: partner === null ? null : round1(minutesBetween(partner.takenAt, trigger.takenAt)),
            peakSystolicMmHg: peak(episode, (r) => r.systolicMmHg, 'max'),
            peakDiastolicMmHg: peak(episode, (r) => r.diastolicMmHg, 'max'),
            latestSystolicMmHg: finite(latest.systolicMmHg) ?? null,
            latestDiastolicMmHg: finite(latest.diastolicMmHg) ?? null,
            duringInfusion,
          },
          thresholds,
          sources: ['S16', 'S62', 'S44'],
          action: duringInfusion ? 'pause-infusion-and-assess' : 'clinician-assessment',
          requiresAcknowledgement: true,
        },
        first.id,
        episode,
        first.takenAt,
      ),
    );
  }
  return alerts;
}

/** Rule 23: latched for the rest of the session once any crisis symptom is charted. */
function crisisSymptomAlerts(readings: readonly VitalsReading[], context: SessionMonitoringContext): Alert[] {
  const withSymptoms = readings.filter((r) => (r.symptoms?.length ?? 0) > 0);
  const first = withSymptoms[0];
  if (first === undefined) return [];
  const symptoms = new Set<CrisisSymptom>();
  for (const reading of withSymptoms) for (const s of reading.symptoms ?? []) symptoms.add(s);
  const list = [...symptoms].join(', ');
  const stopInfusion = infusionRunningAt(context, first.takenAt);
  return [
    {
      key: alertKey(23, 'hypertensive-crisis-symptom', first.id),
      rule: 23,
      severity: 'emergency',
      code: 'hypertensive-crisis-symptom',
      message: `Hypertensive crisis symptom charted (${list}): ${stopInfusion ? 'stop the infusion and ' : ''}start emergency care now, whatever the BP.`,
      facts: {
        symptoms: list,
        firstSystolicMmHg: finite(first.systolicMmHg) ?? null,
        firstDiastolicMmHg: finite(first.diastolicMmHg) ?? null,
        stopInfusion,
      },
      sources: ['S5'],
      since: first.takenAt,
      readingIds: withSymptoms.map((r) => r.id),
      action: stopInfusion ? 'call-emergency-and-stop-infusion' : 'call-emergency',
      requiresAcknowledgement: true,
      clearedAt: null,
      clearedByReadingId: null,
    },
  ];
}

function simpleEpisodeAlerts(
  readings: readonly VitalsReading[],
  classify: (r: VitalsReading) => Verdict,
  build: (episode: Episode) => AlertBody,
): Alert[] {
  return toEpisodes(readings, classify).map((episode) => {
    const first = firstReading(episode);
    return episodeAlert(build(episode), first.id, episode, first.takenAt);
  });
}

function singleValue(pick: (r: VitalsReading) => number | undefined, isAbnormal: (v: number) => boolean) {
  return (r: VitalsReading): Verdict => {
    const value = finite(pick(r));
    if (value === undefined) return 'unmeasured';
    return isAbnormal(value) ? 'abnormal' : 'normal';
  };
}

/** Rule 24: heart rate, respiratory rate and oxygen saturation. */
function rule24Alerts(readings: readonly VitalsReading[], config: MonitoringConfig): Alert[] {
  const hr = config.heartRate;
  const rr = config.respiration;
  const spo2 = config.spo2;
  const alerts: Alert[] = [];

  for (const episode of toEpisodes(readings, singleValue((r) => r.heartRateBpm, (v) => v > hr.tachycardiaAboveBpm))) {
    const first = firstReading(episode);
    const triggerIndex = episode.readings.findIndex((r) => minutesBetween(first.takenAt, r.takenAt) >= hr.tachycardiaSustainedMin);
    if (triggerIndex < 0) continue;
    const latest = lastReading(episode);
    const sustainedMin = round1(minutesBetween(first.takenAt, latest.takenAt));
    alerts.push(
      episodeAlert(
        {
          rule: 24,
          severity: 'warning',
          code: 'hr-sustained-tachycardia',
          message: `HR has stayed above ${hr.tachycardiaAboveBpm} bpm on every reading for ${sustainedMin} min (latest ${latest.heartRateBpm} bpm).`,
          facts: {
            sustainedMin,
            latestHeartRateBpm: finite(latest.heartRateBpm) ?? null,
            peakHeartRateBpm: peak(episode, (r) => r.heartRateBpm, 'max'),
            readingCount: episode.readings.length,
          },
          thresholds: {
            'heartRate.tachycardiaAboveBpm': hr.tachycardiaAboveBpm,
            'heartRate.tachycardiaSustainedMin': hr.tachycardiaSustainedMin,
          },
          sources: ['S44'],
          action: 'notify-supervising-clinician',
          requiresAcknowledgement: false,
        },
        first.id,
        episode,
        first.takenAt,
      ),
    );
  }

  alerts.push(
    ...simpleEpisodeAlerts(readings, singleValue((r) => r.heartRateBpm, (v) => v < hr.bradycardiaBelowBpm), (episode) => ({
      rule: 24,
      severity: 'warning',
      code: 'hr-bradycardia',
      message: `HR ${lastReading(episode).heartRateBpm} bpm is below ${hr.bradycardiaBelowBpm} bpm.`,
      facts: { latestHeartRateBpm: finite(lastReading(episode).heartRateBpm) ?? null, lowestHeartRateBpm: peak(episode, (r) => r.heartRateBpm, 'min') },
      thresholds: { 'heartRate.bradycardiaBelowBpm': hr.bradycardiaBelowBpm },
      sources: ['S44'],
      action: 'clinician-assessment',
      requiresAcknowledgement: false,
    })),
    ...simpleEpisodeAlerts(readings, singleValue((r) => r.respRatePerMin, (v) => v < rr.belowPerMin), (episode) => ({
      rule: 24,
      severity: 'warning',
      code: 'rr-low',
      message: `Respiratory rate ${lastReading(episode).respRatePerMin}/min is below ${rr.belowPerMin}/min.`,
      facts: { latestRespRatePerMin: finite(lastReading(episode).respRatePerMin) ?? null, lowestRespRatePerMin: peak(episode, (r) => r.respRatePerMin, 'min') },
      thresholds: { 'respiration.belowPerMin': rr.belowPerMin },
      sources: ['S44'],
      action: 'assess-airway-and-breathing',
      requiresAcknowledgement: false,
    })),
    ...simpleEpisodeAlerts(readings, singleValue((r) => r.respRatePerMin, (v) => v > rr.abovePerMin), (episode) => ({
      rule: 24,
      severity: 'warning',
      code: 'rr-high',
      message: `Respiratory rate ${lastReading(episode).respRatePerMin}/min is above ${rr.abovePerMin}/min.`,
      facts: { latestRespRatePerMin: finite(lastReading(episode).respRatePerMin) ?? null, highestRespRatePerMin: peak(episode, (r) => r.respRatePerMin, 'max') },
      thresholds: { 'respiration.abovePerMin': rr.abovePerMin },
      sources: ['S44'],
      action: 'clinician-assessment',
      requiresAcknowledgement: false,
    })),
    ...simpleEpisodeAlerts(readings, singleValue((r) => r.spo2Pct, (v) => v < spo2.warningBelowPct), (episode) => ({
      rule: 24,
      severity: 'warning',
      code: 'spo2-low',
      message: `SpO2 ${lastReading(episode).spo2Pct} % is below ${spo2.warningBelowPct} %.`,
      facts: { latestSpo2Pct: finite(lastReading(episode).spo2Pct) ?? null, lowestSpo2Pct: peak(episode, (r) => r.spo2Pct, 'min') },
      thresholds: { 'spo2.warningBelowPct': spo2.warningBelowPct },
      sources: ['S61'],
      action: 'assess-airway-and-breathing',
      requiresAcknowledgement: false,
    })),
    ...simpleEpisodeAlerts(readings, singleValue((r) => r.spo2Pct, (v) => v < spo2.escalateBelowPct), (episode) => ({
      rule: 24,
      severity: 'escalate',
      code: 'spo2-critical',
      message: `SpO2 ${lastReading(episode).spo2Pct} % is below ${spo2.escalateBelowPct} %: escalate now.`,
      facts: { latestSpo2Pct: finite(lastReading(episode).spo2Pct) ?? null, lowestSpo2Pct: peak(episode, (r) => r.spo2Pct, 'min') },
      thresholds: { 'spo2.escalateBelowPct': spo2.escalateBelowPct },
      sources: ['S61'],
      action: 'assess-airway-and-breathing',
      requiresAcknowledgement: true,
    })),
  );
  return alerts;
}

/** Rule 25: MOAA/S 0 (or RASS -5, its equivalent) is loss of consciousness. */
function lossOfConsciousnessAlerts(readings: readonly VitalsReading[], context: SessionMonitoringContext): Alert[] {
  return simpleEpisodeAlerts(readings, isLossOfConsciousness, (episode) => {
    const first = firstReading(episode);
    const stopInfusion = infusionRunningAt(context, first.takenAt);
    return {
      rule: 25,
      severity: 'emergency',
      code: 'loss-of-consciousness',
      message: `Loss of consciousness charted (${first.moaasScore !== undefined ? `MOAA/S ${first.moaasScore}` : `RASS ${first.rassScore}`}): ${stopInfusion ? 'stop the infusion, ' : ''}support the airway and call for help.`,
      facts: { moaasScore: finite(first.moaasScore) ?? null, rassScore: finite(first.rassScore) ?? null, stopInfusion },
      sources: ['S5'],
      action: 'emergency-airway-response',
      requiresAcknowledgement: true,
    };
  });
}

/**
 * Evaluates rules 19 and 21-25 over the readings so far and returns the alerts
 * active now plus those that have cleared.
 *
 * - Rule 19: pre-dose BP above 140/90 without a recorded decision (or, in hard-stop mode, before dosing).
 * - Rules 21 and 22 look only at readings from the start of dosing; before that rule 19 governs.
 * - Rule 22: two readings at or above 180/110 that are 4-15 min apart in one unbroken run, or one at or above 200/120.
 * - Rule 23 is latched: once a crisis symptom is charted the alert stays active for the session.
 * - Rule 24 tachycardia needs every HR reading above 120 over at least 5 min.
 * - Everything else clears at the next reading that measures the parameter and is normal.
 *
 * See clinical.md §15 rules 19, 21-25; sources [S5], [S16], [S44], [S61], [S62].
 */
export function evaluateVitalsAlerts(input: VitalsAlertInput): AlertSet {
  const config = input.config ?? DEFAULT_MONITORING_CONFIG;
  const nowMs = input.now.getTime();
  const readings = sortReadings(input.readings.filter((r) => r.takenAt.getTime() <= nowMs));
  const dosingAt = dosingStartedAt(input.context);
  const postDose = dosingAt === null ? [] : readings.filter((r) => r.takenAt.getTime() >= dosingAt.getTime());
  const all = [
    ...preDoseBpAlerts(input, config),
    ...bpRiseAlerts(postDose, input.baseline, config),
    ...bpUrgentAlerts(postDose, input.context, config),
    ...crisisSymptomAlerts(readings, input.context),
    ...rule24Alerts(readings, config),
    ...lossOfConsciousnessAlerts(readings, input.context),
  ];
  return {
    active: sortAlerts(all.filter((a) => a.clearedAt === null)),
    cleared: sortAlerts(all.filter((a) => a.clearedAt !== null)),
  };
}

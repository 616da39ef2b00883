/**
 * The monitoring schedule: which reading is due next, which are overdue, and
 * which required records are still missing (clinical.md §15 rules 20 and 25).
 */
import { alertKey, sortAlerts } from './alert.ts';
import type { Alert } from './alert.ts';
import { DEFAULT_MONITORING_CONFIG } from './monitoring-config.ts';
import type { MonitoringConfig, ScheduledParameter } from './monitoring-config.ts';
import { addMinutes, minutesBetween } from './time.ts';
import { sortReadings } from './vitals-types.ts';
import type { BaselineVitals, SessionMonitoringContext, VitalsReading } from './vitals-types.ts';

export type MonitoringPhase = 'pre-dose' | 'during-infusion' | 'post-infusion' | 'post-dose' | 'discharged';

export type ScheduleItemPurpose = 'interval' | 'esketamine-pre-dose' | 'esketamine-post-dose';

/** One reading the schedule expects. */
export interface ScheduleItem {
  parameter: ScheduledParameter;
  purpose: ScheduleItemPurpose;
  /** When the reading is due; null = "before dosing" (esketamine pre-dose BP). */
  dueAt: Date | null;
  /** The reading the due time counts from, if any. */
  lastReadingId: string | null;
  lastTakenAt: Date | null;
  /** True when more than `schedule.overdueGraceMin` late. */
  overdue: boolean;
  /** Minutes past `dueAt` (0 when not yet due). */
  minutesLate: number;
}

export type RecordStatus = 'done' | 'pending' | 'missing';

/** A record a rule requires at a point in the session (rule 20 pre-dose BP, rule 25 mid-session scales). */
export interface RequiredRecord {
  rule: 20 | 25;
  code: 'esketamine-pre-dose-bp' | 'esketamine-post-dose-bp' | 'mid-session-sedation' | 'mid-session-dissociation';
  status: RecordStatus;
  readingId: string | null;
  /** Window in which the record counts. */
  windowStartAt: Date | null;
  windowEndAt: Date | null;
}

export interface MonitoringSchedule {
  phase: MonitoringPhase;
  /** Earliest due time among `due`, or null when nothing is scheduled. */
  nextDueAt: Date | null;
  due: ScheduleItem[];
  records: RequiredRecord[];
  /** Rule 20 overdue alerts and rule 25 missing-record advisories, active now. */
  alerts: Alert[];
}

export interface MonitoringScheduleInput {
  context: SessionMonitoringContext;
  baseline: BaselineVitals | null;
  readings: readonly VitalsReading[];
  now: Date;
  config?: MonitoringConfig;
}

const PARAMETER_LABEL: Record<ScheduledParameter, string> = { bp: 'BP', hr: 'Heart rate', spo2: 'SpO2' };

function measures(reading: VitalsReading, parameter: ScheduledParameter): boolean {
  switch (parameter) {
    case 'bp':
      return Number.isFinite(reading.systolicMmHg) && Number.isFinite(reading.diastolicMmHg);
    case 'hr':
      return Number.isFinite(reading.heartRateBpm);
    case 'spo2':
      return Number.isFinite(reading.spo2Pct);
  }
}

function hasSedation(reading: VitalsReading): boolean {
  return Number.isFinite(reading.moaasScore) || Number.isFinite(reading.rassScore);
}

function hasDissociation(reading: VitalsReading): boolean {
  return reading.dissociation !== undefined && Number.isFinite(reading.dissociation.score);
}

function lastMeasuring(readings: readonly VitalsReading[], parameter: ScheduledParameter, fromMs: number): VitalsReading | null {
  for (let i = readings.length - 1; i >= 0; i -= 1) {
    const reading = readings[i] as VitalsReading;
    if (reading.takenAt.getTime() < fromMs) return null;
    if (measures(reading, parameter)) return reading;
  }
  return null;
}

function intervalItem(
  readings: readonly VitalsReading[],
  parameter: ScheduledParameter,
  anchorAt: Date,
  intervalMin: number,
  now: Date,
  graceMin: number,
): ScheduleItem {
  const last = lastMeasuring(readings, parameter, anchorAt.getTime());
  const dueAt = addMinutes(last?.takenAt ?? anchorAt, intervalMin);
  const minutesLate = Math.max(0, minutesBetween(dueAt, now));
  return {
    parameter,
    purpose: 'interval',
    dueAt,
    lastReadingId: last?.id ?? null,
    lastTakenAt: last?.takenAt ?? null,
    overdue: minutesLate > graceMin,
    minutesLate,
  };
}

function windowRecord(
  readings: readonly VitalsReading[],
  code: 'mid-session-sedation' | 'mid-session-dissociation',
  startAt: Date,
  endAt: Date | null,
  now: Date,
): RequiredRecord {
  const test = code === 'mid-session-sedation' ? hasSedation : hasDissociation;
  const endMs = Math.min(endAt?.getTime() ?? Infinity, now.getTime());
  const found = readings.find((r) => r.takenAt.getTime() >= startAt.getTime() && r.takenAt.getTime() <= endMs && test(r));
  const windowClosed = endAt !== null && now.getTime() >= endAt.getTime();
  return {
    rule: 25,
    code,
    status: found !== undefined ? 'done' : windowClosed ? 'missing' : 'pending',
    readingId: found?.id ?? null,
    windowStartAt: startAt,
    windowEndAt: endAt,
  };
}

function overdueAlert(item: ScheduleItem, config: MonitoringConfig, anchor: string): Alert {
  const label = PARAMETER_LABEL[item.parameter];
  const dueAt = item.dueAt ?? new Date(0);
  const esketamine = item.purpose === 'esketamine-post-dose';
  const code = esketamine ? 'esketamine-post-dose-bp-overdue' : `${item.parameter}-reading-overdue`;
  const minutesLate = Math.round(item.minutesLate * 10) / 10;
  return {
    key: alertKey(20, code, anchor),
    rule: 20,
    severity: 'warning',
    code,
    message: esketamine
      ? `The BP reading due about ${config.schedule.esketaminePostDoseBpMin} min after the esketamine dose is ${minutesLate} min overdue.`
      : `${label} reading is ${minutesLate} min overdue (more than ${config.schedule.overdueGraceMin} min late).`,
    facts: { parameter: item.parameter, dueAt: dueAt.toISOString(), minutesLate, lastReadingId: item.lastReadingId },
    thresholds: {
      'schedule.overdueGraceMin': config.schedule.overdueGraceMin,
      ...(esketamine
        ? { 'schedule.esketaminePostDoseBpMin': config.schedule.esketaminePostDoseBpMin }
        : {
            'schedule.ivDuringInfusionIntervalMin': config.schedule.ivDuringInfusionIntervalMin,
            'schedule.ivAfterInfusionIntervalMin': config.schedule.ivAfterInfusionIntervalMin,
          }),
    },
    sources: esketamine ? ['S5', 'S6'] : ['S17', 'S18', 'S61'],
    since: dueAt,
    readingIds: item.lastReadingId === null ? [] : [item.lastReadingId],
    action: 'take-reading',
    requiresAcknowledgement: false,
    clearedAt: null,
    clearedByReadingId: null,
  };
}

function missingRecordAlert(record: RequiredRecord): Alert {
  const what = record.code === 'mid-session-sedation' ? 'sedation (MOAA/S or RASS)' : 'dissociation (CADSS or observer rating)';
  const code = `${record.code}-not-recorded`;
  return {
    key: alertKey(25, code, 'session'),
    rule: 25,
    severity: 'advisory',
    code,
    message: `No ${what} score was charted during the infusion or observation window; chart it now (late entry).`,
    facts: { windowStartAt: record.windowStartAt?.toISOString() ?? null, windowEndAt: record.windowEndAt?.toISOString() ?? null },
    sources: ['S5', 'S23'],
    since: record.windowEndAt ?? record.windowStartAt ?? new Date(0),
    readingIds: [],
    action: 'record-sedation-and-dissociation',
    requiresAcknowledgement: false,
    clearedAt: null,
    clearedByReadingId: null,
  };
}

/**
 * Computes the rule 20 schedule and the rule 25 mid-session records.
 *
 * IV ketamine: BP, HR and SpO2 (CONFIG) are due 10 min after the last reading of
 * each (counting from the infusion start) while the infusion runs or is paused,
 * and 15 min after it once the infusion has ended, until discharge. Esketamine:
 * a BP before dosing (the baseline or a pre-dose reading) and one about 40 min
 * after the dose (any reading from 30 min on counts). A reading is overdue when
 * more than 5 min late, which raises a rule 20 alert. Sedation and dissociation
 * must be charted at least once during the infusion (esketamine: within 60 min of
 * the dose); after that window closes without them, a rule 25 advisory is raised.
 *
 * See clinical.md §15 rules 20 and 25; sources [S5], [S6], [S17], [S18], [S61].
 */
export function computeMonitoringSchedule(input: MonitoringScheduleInput): MonitoringSchedule {
  const config = input.config ?? DEFAULT_MONITORING_CONFIG;
  const { context, now } = input;
  const readings = sortReadings(input.readings.filter((r) => r.takenAt.getTime() <= now.getTime()));
  const graceMin = config.schedule.overdueGraceMin;
  const discharged = context.dischargedAt != null && context.dischargedAt.getTime() <= now.getTime();
  const due: ScheduleItem[] = [];
  const records: RequiredRecord[] = [];
  const alerts: Alert[] = [];
  let phase: MonitoringPhase;

  if (context.kind === 'iv-ketamine') {
    const startedAt = context.infusionStartedAt;
    const endedAt = context.infusionEndedAt;
    phase = discharged ? 'discharged' : startedAt === null ? 'pre-dose' : endedAt === null ? 'during-infusion' : 'post-infusion';
    if (startedAt !== null) {
      records.push(windowRecord(readings, 'mid-session-sedation', startedAt, endedAt, now));
      records.push(windowRecord(readings, 'mid-session-dissociation', startedAt, endedAt, now));
      if (!discharged) {
        const intervalMin =
          endedAt === null ? config.schedule.ivDuringInfusionIntervalMin : config.schedule.ivAfterInfusionIntervalMin;
        for (const parameter of config.schedule.ivParameters) {
          const item = intervalItem(readings, parameter, startedAt, intervalMin, now, graceMin);
          due.push(item);
          if (item.overdue) alerts.push(overdueAlert(item, config, `after:${item.lastReadingId ?? 'infusion-start'}`));
        }
      }
    }
  } else {
    const doseAt = context.doseAt;
    phase = discharged ? 'discharged' : doseAt === null ? 'pre-dose' : 'post-dose';
    const preDoseBp =
      (input.baseline !== null &&
        Number.isFinite(input.baseline.systolicMmHg) &&
        Number.isFinite(input.baseline.diastolicMmHg) &&
        (doseAt === null || input.baseline.takenAt.getTime() <= doseAt.getTime())) ||
      readings.some((r) => measures(r, 'bp') && (doseAt === null || r.takenAt.getTime() <= doseAt.getTime()));
    records.push({
      rule: 20,
      code: 'esketamine-pre-dose-bp',
      status: preDoseBp ? 'done' : doseAt === null ? 'pending' : 'missing',
      readingId: null,
      windowStartAt: null,
      windowEndAt: doseAt,
    });
    if (doseAt === null && !preDoseBp && !discharged) {
      due.push({ parameter: 'bp', purpose: 'esketamine-pre-dose', dueAt: null, lastReadingId: null, lastTakenAt: null, overdue: false, minutesLate: 0 });
    }
    if (doseAt !== null) {
      const targetAt = addMinutes(doseAt, config.schedule.esketaminePostDoseBpMin);
      const countsFrom = addMinutes(targetAt, -config.schedule.esketaminePostDoseBpToleranceMin);
      const postDose = readings.find((r) => r.takenAt.getTime() >= countsFrom.getTime() && measures(r, 'bp'));
      records.push({
        rule: 20,
        code: 'esketamine-post-dose-bp',
        status: postDose !== undefined ? 'done' : now.getTime() > targetAt.getTime() ? 'missing' : 'pending',
        readingId: postDose?.id ?? null,
        windowStartAt: countsFrom,
        windowEndAt: null,
      });
      if (postDose === undefined && !discharged) {
        const minutesLate = Math.max(0, minutesBetween(targetAt, now));
        const item: ScheduleItem = {
          parameter: 'bp',
          purpose: 'esketamine-post-dose',
          dueAt: targetAt,
          lastReadingId: null,
          lastTakenAt: null,
          overdue: minutesLate > graceMin,
          minutesLate,
        };
        due.push(item);
        if (item.overdue) alerts.push(overdueAlert(item, config, 'dose'));
      }
      const periodic = config.schedule.esketaminePeriodicIntervalMin;
      if (periodic !== null && postDose !== undefined && !discharged) {
        for (const parameter of ['bp', 'hr'] as const) {
          const item = intervalItem(readings, parameter, postDose.takenAt, periodic, now, graceMin);
          due.push(item);
          if (item.overdue) alerts.push(overdueAlert(item, config, `after:${item.lastReadingId ?? 'dose'}`));
        }
      }
      const midEnd = addMinutes(doseAt, config.sedationRecord.esketamineMidSessionWindowMin);
      records.push(windowRecord(readings, 'mid-session-sedation', doseAt, midEnd, now));
      records.push(windowRecord(readings, 'mid-session-dissociation', doseAt, midEnd, now));
    }
  }

  for (const record of records) {
    if (record.rule === 25 && record.status === 'missing' && !discharged) alerts.push(missingRecordAlert(record));
  }
  const dueTimes = due.map((d) => d.dueAt?.getTime()).filter((t): t is number => t !== undefined);
  return {
    phase,
    nextDueAt: dueTimes.length > 0 ? new Date(Math.min(...dueTimes)) : null,
    due,
    records,
    alerts: sortAlerts(alerts),
  };
}

/**
 * Esketamine (Spravato) nasal dose checks, clinical.md §15 rule 13 and §4.2:
 * only 28, 56 or 84 mg; day 1 is 56 mg (28 mg at 65 or over); 84 mg only after a
 * prior 56 mg dose; 5 minutes between devices, checked from the recorded device
 * times. Source: S5 (label), S6b (spravatohcp).
 *
 * Decisions: "after a prior 56 mg dose" accepts any prior dose of at least 56 mg
 * (a patient who already had 84 mg has had the 56 mg step's exposure); for the
 * MDD-with-acute-SI indication under 65 the label starts at 84 mg twice weekly
 * (may drop to 56 mg), so day-1 84 or 56 mg is accepted there.
 */
import type { Finding } from '../shared/finding.ts';
import { validateDosingConfig, type DosingConfig } from './dosing-config.ts';
import type { DosingError } from './dosing-error.ts';

export type EsketamineIndication = 'trd' | 'mdd_with_si';

export interface EsketamineDoseInput {
  doseMg: number;
  ageYears: number;
  /** Esketamine doses (mg) of this patient's earlier sessions; empty means this is day 1. */
  priorDosesMg: readonly number[];
  /** Default 'trd' (treatment-resistant depression). */
  indication?: EsketamineIndication;
  /** When each device of this session was used; may be partial while dosing is under way. */
  deviceTimes?: readonly Date[];
}

export interface EsketamineDoseCheck {
  doseMg: number;
  devices: number;
  isDay1: boolean;
  /** The label's day-1 dose for this patient (null after day 1). */
  expectedDay1DoseMg: number | null;
  devicesRecorded: number;
  /** Minutes between consecutive recorded devices, in time order. */
  deviceGapsMin: number[];
  /** Earliest time the next device may be used (last device + minimum gap), null when none recorded or all done. */
  nextDeviceNotBefore: Date | null;
  findings: Finding[];
  blocked: boolean;
}

export type EsketamineDoseResult = { ok: true; value: EsketamineDoseCheck } | { ok: false; errors: DosingError[] };

const SOURCES = ['S5', 'S6b'];
const MS_PER_MIN = 60_000;

/**
 * Checks an esketamine dose and, when given, the device times of the session
 * against rule 13. Invalid input or configuration returns errors.
 */
export function checkEsketamineDose(input: EsketamineDoseInput, config: DosingConfig): EsketamineDoseResult {
  const configProblems = validateDosingConfig(config);
  if (configProblems.length > 0) return { ok: false, errors: configProblems.map((message) => ({ field: 'config', message })) };
  const errors: DosingError[] = [];
  const { doseMg, ageYears, priorDosesMg } = input;
  const indication = input.indication ?? 'trd';
  if (!Number.isFinite(doseMg) || doseMg <= 0) errors.push({ field: 'doseMg', message: `The dose must be a positive number of mg (got ${doseMg})` });
  if (!Number.isFinite(ageYears) || ageYears < 0 || ageYears > 130) errors.push({ field: 'ageYears', message: `Age must be between 0 and 130 years (got ${ageYears})` });
  if (priorDosesMg.some((d) => !Number.isFinite(d) || d <= 0)) errors.push({ field: 'priorDosesMg', message: 'Every prior dose must be a positive number of mg' });
  if (indication !== 'trd' && indication !== 'mdd_with_si') errors.push({ field: 'indication', message: `Unknown indication "${String(indication)}"` });
  const deviceTimes = input.deviceTimes ?? [];
  if (deviceTimes.some((d) => Number.isNaN(d.getTime()))) errors.push({ field: 'deviceTimes', message: 'A device time is not a valid date' });
  if (errors.length > 0) return { ok: false, errors };

  const cfg = config.esketamine;
  const findings: Finding[] = [];
  const olderAdult = ageYears >= cfg.olderAdultAgeYears;
  const isDay1 = priorDosesMg.length === 0;
  const siStart = indication === 'mdd_with_si' && !olderAdult;
  const maxDoseMg = Math.max(...cfg.allowedDosesMg);
  const allowed = cfg.allowedDosesMg.includes(doseMg);

  if (!allowed) {
    findings.push({
      rule: 13, severity: 'block', code: 'esketamine-dose-not-allowed',
      message: `${doseMg} mg is not an esketamine dose; only ${cfg.allowedDosesMg.join(', ')} mg are allowed (rule 13).`,
      facts: { doseMg }, thresholds: { 'esketamine.allowedDosesMg': cfg.allowedDosesMg.join(',') }, sources: SOURCES,
    });
  }
  const expectedDay1DoseMg = isDay1 ? (olderAdult ? cfg.day1DoseOlderAdultMg : cfg.day1DoseMg) : null;
  if (allowed && expectedDay1DoseMg !== null && doseMg !== expectedDay1DoseMg) {
    const siAccepted = siStart && (doseMg === maxDoseMg || doseMg === cfg.day1DoseMg);
    if (!siAccepted) {
      findings.push({
        rule: 13, severity: 'block', code: 'esketamine-day1-dose',
        message: `The first esketamine dose must be ${expectedDay1DoseMg} mg${olderAdult ? ` at age ${cfg.olderAdultAgeYears} or over` : ''}, not ${doseMg} mg (rule 13).`,
        facts: { doseMg, ageYears, isDay1, indication },
        thresholds: olderAdult
          ? { 'esketamine.day1DoseOlderAdultMg': cfg.day1DoseOlderAdultMg, 'esketamine.olderAdultAgeYears': cfg.olderAdultAgeYears }
          : { 'esketamine.day1DoseMg': cfg.day1DoseMg },
        sources: SOURCES,
      });
    }
  }
  if (allowed && !isDay1 && !siStart && doseMg === maxDoseMg && doseMg > cfg.maxDoseRequiresPriorMg) {
    const priorQualifying = priorDosesMg.some((d) => d >= cfg.maxDoseRequiresPriorMg);
    if (!priorQualifying) {
      findings.push({
        rule: 13, severity: 'block', code: 'esketamine-max-dose-without-prior',
        message: `${doseMg} mg is only given after a prior ${cfg.maxDoseRequiresPriorMg} mg dose; the highest prior dose is ${Math.max(...priorDosesMg)} mg (rule 13).`,
        facts: { doseMg, highestPriorDoseMg: Math.max(...priorDosesMg) },
        thresholds: { 'esketamine.maxDoseRequiresPriorMg': cfg.maxDoseRequiresPriorMg }, sources: SOURCES,
      });
    }
  }

  const devices = allowed ? Math.round(doseMg / cfg.deviceMg) : Math.ceil(doseMg / cfg.deviceMg);
  const sorted = [...deviceTimes].sort((a, b) => a.getTime() - b.getTime());
  const deviceGapsMin = sorted.slice(1).map((t, i) => (t.getTime() - (sorted[i]?.getTime() ?? 0)) / MS_PER_MIN);
  deviceGapsMin.forEach((gapMin, i) => {
    if (gapMin < cfg.minDeviceGapMin * (1 - 1e-9)) {
      findings.push({
        rule: 13, severity: cfg.deviceGapSeverity, code: 'esketamine-device-gap-too-short',
        message: `Device ${i + 2} was used ${Number(gapMin.toFixed(2))} min after device ${i + 1}; the label requires ${cfg.minDeviceGapMin} min between devices (rule 13).`,
        facts: { device: i + 2, gapMin }, thresholds: { 'esketamine.minDeviceGapMin': cfg.minDeviceGapMin }, sources: SOURCES,
      });
    }
  });
  if (sorted.length > devices) {
    findings.push({
      rule: 13, severity: 'block', code: 'esketamine-too-many-devices',
      message: `${sorted.length} devices were recorded for a ${doseMg} mg dose, which takes ${devices} (rule 13).`,
      facts: { devicesRecorded: sorted.length, devices, doseMg }, thresholds: { 'esketamine.deviceMg': cfg.deviceMg }, sources: SOURCES,
    });
  } else if (sorted.length > 0 && sorted.length < devices) {
    findings.push({
      rule: 13, severity: 'info', code: 'esketamine-devices-pending',
      message: `${sorted.length} of ${devices} devices recorded (rule 13).`,
      facts: { devicesRecorded: sorted.length, devices }, sources: SOURCES,
    });
  }
  const last = sorted[sorted.length - 1];
  const nextDeviceNotBefore = last !== undefined && sorted.length < devices ? new Date(last.getTime() + cfg.minDeviceGapMin * MS_PER_MIN) : null;

  return {
    ok: true,
    value: {
      doseMg,
      devices,
      isDay1,
      expectedDay1DoseMg,
      devicesRecorded: sorted.length,
      deviceGapsMin,
      nextDeviceNotBefore,
      findings,
      blocked: findings.some((f) => f.severity === 'block'),
    },
  };
}

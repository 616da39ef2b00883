/**
 * Inputs shared by the monitoring engine, the discharge assessment and the
 * session checks: what a chart reading, a baseline and a session look like to
 * the clinical core. See clinical.md §7 and §15 rules 18-28.
 */

/**
 * Symptoms of hypertensive crisis or encephalopathy that rule 23 acts on
 * regardless of the BP value. Source: [S5] 5.6.
 */
export const CRISIS_SYMPTOMS = [
  'chest-pain',
  'dyspnea',
  'sudden-severe-headache',
  'visual-change',
  'seizure',
  'reduced-consciousness',
  'focal-deficit',
] as const;

export type CrisisSymptom = (typeof CRISIS_SYMPTOMS)[number];

/** Nausea as charted at the chair (used by PADSS and display; no alert rule). */
export type NauseaLevel = 'none' | 'mild' | 'moderate' | 'severe';

/**
 * A dissociation score: the CADSS 23-item subjective total (0-92), the CADSS-6
 * total (0-24) or a simple observer rating (0-4). See instruments.md §2.10.
 */
export interface DissociationScore {
  scale: 'CADSS' | 'CADSS-6' | 'observer-0-4';
  score: number;
}

/**
 * One charted or device reading. Every measurement is optional because monitors
 * and nurses chart different subsets; an absent value is "not measured", never
 * "normal".
 */
export interface VitalsReading {
  /** Stable id of the stored reading; alerts point back to it. */
  id: string;
  takenAt: Date;
  systolicMmHg?: number;
  diastolicMmHg?: number;
  heartRateBpm?: number;
  spo2Pct?: number;
  respRatePerMin?: number;
  /** Modified Observer's Assessment of Alertness/Sedation, 0 (unresponsive) to 5 (alert). */
  moaasScore?: number;
  /** Richmond Agitation-Sedation Scale, -5 (unarousable) to +4, for clinics that use it instead. */
  rassScore?: number;
  dissociation?: DissociationScore;
  nausea?: NauseaLevel;
  /**
   * Crisis symptoms assessed at this reading. Undefined = not assessed; an empty list
   * = assessed and none present.
   */
  symptoms?: readonly CrisisSymptom[];
}

/** The pre-dose vitals the session is compared against (rules 18, 19, 21, 28). */
export interface BaselineVitals {
  /** Id of the stored baseline (or its reading), used to anchor the rule 19 alert key. */
  id?: string;
  takenAt: Date;
  systolicMmHg: number | null;
  diastolicMmHg: number | null;
  heartRateBpm: number | null;
  spo2Pct: number | null;
  respRatePerMin: number | null;
}

/** Pump state as the session knows it; `paused` still counts as "during infusion". */
export type PumpState = 'not-started' | 'running' | 'paused' | 'ended';

/** What is being given and when, for an IV ketamine infusion. */
export interface IvKetamineSessionContext {
  kind: 'iv-ketamine';
  infusionStartedAt: Date | null;
  infusionEndedAt: Date | null;
  pumpState: PumpState;
  /** Set once the patient has left; no reading is due after it. */
  dischargedAt?: Date | null;
}

/** An esketamine (Spravato) session: one dosing time, no pump. */
export interface EsketamineSessionContext {
  kind: 'esketamine';
  /** Time of the first device (the dose time the 2-hour and 40-minute clocks run from). */
  doseAt: Date | null;
  dischargedAt?: Date | null;
}

export type SessionMonitoringContext = IvKetamineSessionContext | EsketamineSessionContext;

/** The clinician's rule 19 decision about an above-threshold pre-dose BP. */
export interface PreDoseBpDecision {
  decision: 'proceed' | 'delay';
  decidedAt: Date;
  decidedByUserId: string;
  reason: string;
}

/** When dosing started (IV infusion start or esketamine dose), or null before. */
export function dosingStartedAt(context: SessionMonitoringContext): Date | null {
  return context.kind === 'iv-ketamine' ? context.infusionStartedAt : context.doseAt;
}

/** Sorts readings by time, then id, so every rule sees the same order whatever the input order. */
export function sortReadings(readings: readonly VitalsReading[]): VitalsReading[] {
  return [...readings].sort(
    (a, b) => a.takenAt.getTime() - b.takenAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * IV ketamine dose, volume and pump rate with the dosing rules of clinical.md §15:
 * rule 9 (weight basis and weight age), rule 10 (psychiatric dose limits), rule 11
 * (infusion length, low-dose rate and bolus ceilings), rule 12 (pain protocol hard
 * limits) and §4.3 (no undiluted 100 mg/mL IV).
 *
 * Rounding (configurable): dose to 0.1 mg, volume to 0.01 mL, rate to 0.1 mL/h,
 * each to the nearest step unless that would cross a limit the unrounded value
 * respects (then down; see dose-rounding.ts). Limits are judged on the larger of the
 * ordered and the rounded (programmed) values, per kg of the smaller of the dosing
 * and actual weights, so rounding and weight basis can never carry a dose over a
 * hard limit without a block.
 */
import type { Finding } from '../shared/finding.ts';
import { dosingWeightKg, type IbwSex } from './body-weight.ts';
import type { DosingError } from './dosing-error.ts';
import { validateDosingConfig, type DosingConfig, type WeightBasis } from './dosing-config.ts';
import { exceedsLimit, roundWithinCeilings } from './dose-rounding.ts';

export type IvProtocol = 'psychiatric' | 'pain';
export type CareSetting = 'outpatient' | 'icu';

/** What the prescriber ordered: a dose over a duration, a rate for a duration, or a bolus. */
export type IvDoseOrder =
  | { kind: 'infusion'; doseMgPerKg: number; durationMin: number }
  | { kind: 'rate_infusion'; rateMgPerKgPerH: number; durationMin: number }
  | { kind: 'bolus'; doseMgPerKg: number };

export interface IvDoseInput {
  protocol: IvProtocol;
  order: IvDoseOrder;
  /** Measured (actual) body weight. */
  weightKg: number;
  weightMeasuredAt: Date;
  /** The time the dose is calculated for (the clinical core has no clock). */
  now: Date;
  /** Stored on the order (rule 9); defaults to config.weight.defaultBasis. */
  basis?: WeightBasis;
  heightCm?: number;
  sex?: IbwSex;
  /** Concentration of the solution that is drawn up or infused (mg/mL). */
  concentrationMgPerMl: number;
  /** Default 'outpatient'. */
  setting?: CareSetting;
  /** Ketamine already given earlier in this session (mg), counted in rule 10's per-session limit. */
  sessionPriorMg?: number;
}

export interface IvDoseCalculation {
  protocol: IvProtocol;
  kind: IvDoseOrder['kind'];
  basis: WeightBasis;
  actualWeightKg: number;
  dosingWeightKg: number;
  idealWeightKg: number | null;
  adjustedWeightKg: number | null;
  weightAgeDays: number;
  /** Ordered dose per kg (for a rate order: rate × duration). */
  orderedMgPerKg: number;
  /** Dose to give, rounded to config.rounding.doseMg. */
  doseMg: number;
  /** doseMg per kg of dosing weight. */
  doseMgPerKg: number;
  concentrationMgPerMl: number;
  /** Volume to draw up, rounded to config.rounding.volumeMl. */
  volumeMl: number;
  /** volumeMl × concentration: what the syringe or bag actually holds. */
  deliveredMg: number;
  /** Ordered duration (null for a bolus). */
  durationMin: number | null;
  /** Pump rate, rounded to config.rounding.rateMlPerH (null for a bolus). */
  rateMlPerH: number | null;
  rateMgPerH: number | null;
  mgPerKgPerH: number | null;
  /** volumeMl / rateMlPerH: how long the pump will really run. */
  programmedDurationMin: number | null;
  sessionTotalMg: number;
  sessionTotalMgPerKg: number;
  findings: Finding[];
  /** True when any finding blocks (a documented clinician override is needed). */
  blocked: boolean;
}

export type IvDoseResult = { ok: true; value: IvDoseCalculation } | { ok: false; errors: DosingError[] };

/** No ketamine product is stronger than 100 mg/mL; anything above is a typing error. */
const MAX_CONCENTRATION_MG_PER_ML = 100;
/** Longest order accepted: 7 days (the longest pain regimens in §4.4 run 4-5 days). */
const MAX_DURATION_MIN = 7 * 24 * 60;
const MS_PER_DAY = 86_400_000;

const SOURCES = {
  9: ['S17', 'S20'],
  10: ['S1a', 'S3', 'S20', 'S21'],
  11: ['S1a', 'S40'],
  12: ['S4'],
  undiluted: ['S55b'],
} as const;

/** Compact number for messages: at most 4 significant figures. */
const fmt = (x: number): string => String(Number(x.toPrecision(4)));

/**
 * Calculates an IV ketamine dose (mg), volume (mL) and pump rate (mL/h) from an
 * mg/kg order and returns them with the findings of rules 9-12 and §4.3.
 * Invalid input or configuration returns errors instead of numbers.
 * See clinical.md §15 rules 9-12, §4.1-4.4.
 */
export function calculateIvDose(input: IvDoseInput, config: DosingConfig): IvDoseResult {
  const configProblems = validateDosingConfig(config);
  if (configProblems.length > 0) return { ok: false, errors: configProblems.map((message) => ({ field: 'config', message })) };
  const errors = validateInput(input);
  const basis = input.basis ?? config.weight.defaultBasis;
  const weight = dosingWeightKg({ actualKg: input.weightKg, basis, heightCm: input.heightCm, sex: input.sex }, config);
  if (!weight.ok) errors.push(...weight.errors);
  if (errors.length > 0 || !weight.ok) return { ok: false, errors };

  const { protocol, order, concentrationMgPerMl: conc } = input;
  const setting = input.setting ?? 'outpatient';
  const priorMg = input.sessionPriorMg ?? 0;
  const { dosingKg, actualKg } = weight.value;
  // Limits are per kg of the lighter of the two weights: the stricter reading.
  const limitKg = Math.min(dosingKg, actualKg);
  const weightAgeDays = (input.now.getTime() - input.weightMeasuredAt.getTime()) / MS_PER_DAY;
  const isBolus = order.kind === 'bolus';
  const durationMin = order.kind === 'bolus' ? null : order.durationMin;
  const orderedMgPerKg = order.kind === 'rate_infusion' ? (order.rateMgPerKgPerH * order.durationMin) / 60 : order.doseMgPerKg;
  const lowDoseApplies = protocol === 'psychiatric' || config.lowDose.appliesToPain;
  const painLimitsApply = protocol === 'pain' && !(setting === 'icu' && config.pain.exemptIcu);

  // Dose ceilings in mg: rule 10 per session (minus what was already given), bolus ceilings of rules 11 and 12.
  const doseCeilingsMg: number[] = [];
  if (protocol === 'psychiatric') {
    doseCeilingsMg.push(config.psychiatric.softMaxDoseMgPerKg * limitKg - priorMg, config.psychiatric.hardMaxDoseMgPerKg * limitKg - priorMg);
  }
  if (isBolus && lowDoseApplies) doseCeilingsMg.push(config.lowDose.maxBolusMgPerKg * limitKg);
  if (isBolus && painLimitsApply) doseCeilingsMg.push(config.pain.hardMaxBolusMgPerKg * limitKg);

  const unroundedDoseMg = orderedMgPerKg * dosingKg;
  const doseMg = roundWithinCeilings(unroundedDoseMg, config.rounding.doseMg, doseCeilingsMg);
  if (!(doseMg > 0)) {
    return { ok: false, errors: [{ field: 'order', message: `The dose (${fmt(unroundedDoseMg)} mg) rounds to zero at a ${config.rounding.doseMg} mg step` }] };
  }
  const volumeMl = roundWithinCeilings(doseMg / conc, config.rounding.volumeMl, doseCeilingsMg.map((mg) => mg / conc));
  if (!(volumeMl > 0)) {
    return { ok: false, errors: [{ field: 'concentrationMgPerMl', message: `The volume (${fmt(doseMg / conc)} mL) rounds to zero at a ${config.rounding.volumeMl} mL step; use a weaker dilution` }] };
  }
  const deliveredMg = volumeMl * conc;

  let rateMlPerH: number | null = null;
  let programmedDurationMin: number | null = null;
  if (durationMin !== null) {
    const rateCeilingsMlPerH: number[] = [];
    if (lowDoseApplies) rateCeilingsMlPerH.push((config.lowDose.maxRateMgPerKgPerH * limitKg) / conc);
    if (painLimitsApply) rateCeilingsMlPerH.push((config.pain.hardMaxRateMgPerKgPerH * limitKg) / conc);
    if (protocol === 'psychiatric') rateCeilingsMlPerH.push((volumeMl / config.psychiatric.minInfusionDurationMin) * 60);
    rateMlPerH = roundWithinCeilings((volumeMl / durationMin) * 60, config.rounding.rateMlPerH, rateCeilingsMlPerH);
    if (!(rateMlPerH > 0)) {
      return { ok: false, errors: [{ field: 'order', message: `The pump rate rounds to zero at a ${config.rounding.rateMlPerH} mL/h step; use a stronger dilution or a shorter duration` }] };
    }
    programmedDurationMin = (volumeMl / rateMlPerH) * 60;
  }
  const rateMgPerH = rateMlPerH === null ? null : rateMlPerH * conc;
  const mgPerKgPerH = rateMgPerH === null ? null : rateMgPerH / dosingKg;

  const sessionTotalMg = priorMg + deliveredMg;
  const findings: Finding[] = [];
  const doseForLimitsMg = Math.max(unroundedDoseMg, doseMg, deliveredMg);

  // Rule 9: weight age and basis.
  if (weightAgeDays > config.weight.maxAgeDays) {
    findings.push({
      rule: 9, severity: 'block', code: 'weight-stale',
      message: `The weight was measured ${fmt(weightAgeDays)} days ago, more than the ${config.weight.maxAgeDays}-day maximum; weigh the patient again (rule 9).`,
      facts: { weightAgeDays, weightKg: actualKg, weightMeasuredAt: input.weightMeasuredAt.toISOString() },
      thresholds: { 'weight.maxAgeDays': config.weight.maxAgeDays }, sources: [...SOURCES[9]],
    });
  }
  if (basis !== 'actual') {
    const w = weight.value;
    findings.push({
      rule: 9, severity: 'info', code: 'weight-basis-not-actual',
      message: `Dosed on ${basis} body weight ${fmt(dosingKg)} kg (actual ${fmt(actualKg)} kg${w.cappedAtActual ? `; the ${basis} weight was above the actual weight, so the actual weight is used` : ''}). No guideline sets a weight basis for ketamine in obesity (clinical.md §16 Q2).`,
      facts: { basis, actualWeightKg: actualKg, dosingWeightKg: dosingKg, idealWeightKg: w.idealKg, adjustedWeightKg: w.adjustedKg, cappedAtActual: w.cappedAtActual },
      thresholds: { 'weight.adjustedFactor': config.weight.adjustedFactor, 'weight.capBasisAtActual': config.weight.capBasisAtActual },
      sources: [...SOURCES[9]],
    });
  }

  // Rule 10: psychiatric dose per session.
  if (protocol === 'psychiatric') {
    const sessionMgPerKg = (priorMg + doseForLimitsMg) / limitKg;
    const { softMaxDoseMgPerKg: soft, hardMaxDoseMgPerKg: hard } = config.psychiatric;
    const facts = { sessionDoseMgPerKg: sessionMgPerKg, orderedMgPerKg, doseMg, sessionPriorMg: priorMg, limitWeightKg: limitKg };
    if (exceedsLimit(sessionMgPerKg, hard)) {
      findings.push({
        rule: 10, severity: 'block', code: 'dose-above-hard-limit',
        message: `${fmt(sessionMgPerKg)} mg/kg this session is above the ${fmt(hard)} mg/kg hard limit for psychiatric IV ketamine (rule 10).`,
        facts, thresholds: { 'psychiatric.hardMaxDoseMgPerKg': hard }, sources: [...SOURCES[10]],
      });
    } else if (exceedsLimit(sessionMgPerKg, soft)) {
      findings.push({
        rule: 10, severity: 'warning', code: 'dose-above-soft-limit',
        message: `${fmt(sessionMgPerKg)} mg/kg this session is above the usual ${fmt(soft)} mg/kg; most evidence is at 0.5 mg/kg and re-consent is required (rule 10, rule 2).`,
        facts, thresholds: { 'psychiatric.softMaxDoseMgPerKg': soft }, sources: [...SOURCES[10]],
      });
    }
  }

  // Rule 11: infusion length (psychiatric), low-dose rate and bolus ceilings.
  if (protocol === 'psychiatric' && durationMin !== null && programmedDurationMin !== null) {
    const shortestMin = Math.min(durationMin, programmedDurationMin);
    const minMin = config.psychiatric.minInfusionDurationMin;
    if (shortestMin < minMin * (1 - 1e-9)) {
      findings.push({
        rule: 11, severity: 'warning', code: 'infusion-shorter-than-minimum',
        message: `The pump would finish the dose in ${fmt(shortestMin)} min, under the ${fmt(minMin)} min minimum for a psychiatric infusion (rule 11).`,
        facts: { orderedDurationMin: durationMin, programmedDurationMin, rateMlPerH, volumeMl },
        thresholds: { 'psychiatric.minInfusionDurationMin': minMin }, sources: [...SOURCES[11]],
      });
    }
  }
  const rateForLimitsMgPerKgPerH =
    durationMin === null || rateMlPerH === null
      ? null
      : Math.max((unroundedDoseMg / durationMin) * 60, rateMlPerH * conc) / limitKg;
  if (lowDoseApplies && rateForLimitsMgPerKgPerH !== null && exceedsLimit(rateForLimitsMgPerKgPerH, config.lowDose.maxRateMgPerKgPerH)) {
    findings.push({
      rule: 11, severity: 'warning', code: 'rate-above-low-dose-ceiling',
      message: `${fmt(rateForLimitsMgPerKgPerH)} mg/kg/h is above the ${fmt(config.lowDose.maxRateMgPerKgPerH)} mg/kg/h "low-dose" ceiling; higher monitoring and support are expected (rule 11).`,
      facts: { mgPerKgPerH: rateForLimitsMgPerKgPerH, rateMlPerH, concentrationMgPerMl: conc },
      thresholds: { 'lowDose.maxRateMgPerKgPerH': config.lowDose.maxRateMgPerKgPerH }, sources: [...SOURCES[11]],
    });
  }
  const bolusMgPerKg = isBolus ? doseForLimitsMg / limitKg : null;
  if (lowDoseApplies && bolusMgPerKg !== null && exceedsLimit(bolusMgPerKg, config.lowDose.maxBolusMgPerKg)) {
    findings.push({
      rule: 11, severity: 'warning', code: 'bolus-above-low-dose-ceiling',
      message: `A ${fmt(bolusMgPerKg)} mg/kg bolus is above the ${fmt(config.lowDose.maxBolusMgPerKg)} mg/kg "low-dose" ceiling; higher monitoring and support are expected (rule 11).`,
      facts: { bolusMgPerKg, doseMg },
      thresholds: { 'lowDose.maxBolusMgPerKg': config.lowDose.maxBolusMgPerKg }, sources: [...SOURCES[11]],
    });
  }

  // Rule 12: pain protocol hard limits outside an ICU.
  if (protocol === 'pain') {
    const over: { code: string; what: string; value: number; limit: number; key: string }[] = [];
    if (bolusMgPerKg !== null && exceedsLimit(bolusMgPerKg, config.pain.hardMaxBolusMgPerKg)) {
      over.push({ code: 'pain-bolus-above-hard-limit', what: 'bolus', value: bolusMgPerKg, limit: config.pain.hardMaxBolusMgPerKg, key: 'pain.hardMaxBolusMgPerKg' });
    }
    if (rateForLimitsMgPerKgPerH !== null && exceedsLimit(rateForLimitsMgPerKgPerH, config.pain.hardMaxRateMgPerKgPerH)) {
      over.push({ code: 'pain-rate-above-hard-limit', what: 'infusion rate', value: rateForLimitsMgPerKgPerH, limit: config.pain.hardMaxRateMgPerKgPerH, key: 'pain.hardMaxRateMgPerKgPerH' });
    }
    for (const o of over) {
      const unit = o.what === 'bolus' ? 'mg/kg' : 'mg/kg/h';
      findings.push(
        painLimitsApply
          ? {
              rule: 12, severity: 'block', code: o.code,
              message: `A pain-protocol ${o.what} of ${fmt(o.value)} ${unit} is above the ${fmt(o.limit)} ${unit} limit outside an ICU (rule 12).`,
              facts: { [o.what === 'bolus' ? 'bolusMgPerKg' : 'mgPerKgPerH']: o.value, setting },
              thresholds: { [o.key]: o.limit }, sources: [...SOURCES[12]],
            }
          : {
              rule: 12, severity: 'info', code: 'pain-limit-not-applied-icu',
              message: `A pain-protocol ${o.what} of ${fmt(o.value)} ${unit} is above the ${fmt(o.limit)} ${unit} outpatient limit; not blocked in an ICU setting (rule 12).`,
              facts: { [o.what === 'bolus' ? 'bolusMgPerKg' : 'mgPerKgPerH']: o.value, setting },
              thresholds: { [o.key]: o.limit, 'pain.exemptIcu': true }, sources: [...SOURCES[12]],
            },
      );
    }
  }

  // §4.3: 100 mg/mL must be diluted before IV use.
  if (conc >= config.undilutedIv.concentrationMgPerMl) {
    findings.push({
      rule: 11, severity: config.undilutedIv.severity, code: 'undiluted-concentration',
      message: `${fmt(conc)} mg/mL must not be given IV undiluted; dilute before use (clinical.md §4.3).`,
      facts: { concentrationMgPerMl: conc },
      thresholds: { 'undilutedIv.concentrationMgPerMl': config.undilutedIv.concentrationMgPerMl }, sources: [...SOURCES.undiluted],
    });
  }

  return {
    ok: true,
    value: {
      protocol,
      kind: order.kind,
      basis,
      actualWeightKg: actualKg,
      dosingWeightKg: dosingKg,
      idealWeightKg: weight.value.idealKg,
      adjustedWeightKg: weight.value.adjustedKg,
      weightAgeDays,
      orderedMgPerKg,
      doseMg,
      doseMgPerKg: doseMg / dosingKg,
      concentrationMgPerMl: conc,
      volumeMl,
      deliveredMg,
      durationMin,
      rateMlPerH,
      rateMgPerH,
      mgPerKgPerH,
      programmedDurationMin,
      sessionTotalMg,
      sessionTotalMgPerKg: sessionTotalMg / dosingKg,
      findings,
      blocked: findings.some((f) => f.severity === 'block'),
    },
  };
}

function validateInput(input: IvDoseInput): DosingError[] {
  const errors: DosingError[] = [];
  const { order } = input;
  const positive = (field: string, value: number, what: string): void => {
    if (!Number.isFinite(value) || value <= 0) errors.push({ field, message: `${what} must be a positive number (got ${value})` });
  };
  if (input.protocol !== 'psychiatric' && input.protocol !== 'pain') {
    errors.push({ field: 'protocol', message: `Unknown protocol "${String(input.protocol)}"` });
  }
  if (order.kind === 'rate_infusion') positive('order.rateMgPerKgPerH', order.rateMgPerKgPerH, 'The ordered rate (mg/kg/h)');
  else positive('order.doseMgPerKg', order.doseMgPerKg, 'The ordered dose (mg/kg)');
  if (order.kind !== 'bolus') {
    positive('order.durationMin', order.durationMin, 'The infusion duration (min)');
    if (order.durationMin > MAX_DURATION_MIN) errors.push({ field: 'order.durationMin', message: `The infusion duration must be at most ${MAX_DURATION_MIN} min (7 days)` });
  }
  positive('concentrationMgPerMl', input.concentrationMgPerMl, 'The concentration (mg/mL)');
  if (input.concentrationMgPerMl > MAX_CONCENTRATION_MG_PER_ML) {
    errors.push({ field: 'concentrationMgPerMl', message: `No ketamine product is stronger than ${MAX_CONCENTRATION_MG_PER_ML} mg/mL (got ${input.concentrationMgPerMl})` });
  }
  const now = input.now.getTime();
  const measured = input.weightMeasuredAt.getTime();
  if (Number.isNaN(now)) errors.push({ field: 'now', message: 'The current time is not a valid date' });
  if (Number.isNaN(measured)) errors.push({ field: 'weightMeasuredAt', message: 'The weight date is not a valid date' });
  else if (!Number.isNaN(now) && measured > now) errors.push({ field: 'weightMeasuredAt', message: 'The weight date is in the future' });
  if (input.sessionPriorMg !== undefined && (!Number.isFinite(input.sessionPriorMg) || input.sessionPriorMg < 0)) {
    errors.push({ field: 'sessionPriorMg', message: `Ketamine already given must be a number of mg ≥ 0 (got ${input.sessionPriorMg})` });
  }
  return errors;
}

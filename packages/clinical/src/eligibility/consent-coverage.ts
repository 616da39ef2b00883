/**
 * Which signed informed consent covers a patient now (clinical.md §15 rule 2,
 * §6.1). A consent stops covering when its template gets a later version marked
 * as a material change; the dose it covers is checked by rule 2 in
 * assessEligibility (re-consent above `rule2.standardConsentMaxDoseMgPerKg` or the
 * template's own maximum).
 */
import type { CalendarDate } from '../shared/calendar-date.ts';
import { toEpochDay } from '../shared/calendar-date.ts';
import type { OffLabelConsentFact, TreatmentRoute } from './assess-eligibility.ts';

export interface SignedConsentFact {
  id: string;
  templateKey: string;
  templateVersion: number;
  /** What the template consents to. */
  route: TreatmentRoute;
  signedOn: CalendarDate;
  /** Highest dose the signed text covers; null = the clinic's standard (rule 2). */
  maxDoseMgPerKg: number | null;
}

export interface TemplateVersionFact {
  templateKey: string;
  version: number;
  /** True when this version changed the substance of the consent: earlier signatures no longer cover it. */
  materialChange: boolean;
}

export type ReconsentReason =
  | { code: 'no-consent'; route: TreatmentRoute }
  | { code: 'template-changed-materially'; templateKey: string; signedVersion: number; changedInVersion: number }
  | { code: 'dose-exceeds-consent'; plannedDoseMgPerKg: number; consentMaxDoseMgPerKg: number };

/** The dose a signed consent covers: its own maximum, else the clinic's standard (rule 2, default 0.5 mg/kg). */
export function coveredDoseMgPerKg(consentMaxDoseMgPerKg: number | null | undefined, standardMaxDoseMgPerKg: number): number {
  return consentMaxDoseMgPerKg ?? standardMaxDoseMgPerKg;
}

/** Rule 2: a planned dose above what the consent covers needs re-consent. */
export function doseNeedsReconsent(plannedDoseMgPerKg: number | null | undefined, consentMaxDoseMgPerKg: number | null | undefined, standardMaxDoseMgPerKg: number): boolean {
  return plannedDoseMgPerKg != null && plannedDoseMgPerKg > coveredDoseMgPerKg(consentMaxDoseMgPerKg, standardMaxDoseMgPerKg);
}

export interface ConsentDoseCheck {
  plannedDoseMgPerKg: number | null;
  /** `rule2.standardConsentMaxDoseMgPerKg`. */
  standardMaxDoseMgPerKg: number;
}

export interface ConsentCoverage {
  /** The consent that covers the route now, or null. */
  current: SignedConsentFact | null;
  /** The consent for rule 2 (assessEligibility's `consent` fact), or null. */
  ruleFact: OffLabelConsentFact | null;
  /** Why a new signature is needed; empty when `current` covers the route. */
  reconsentReasons: ReconsentReason[];
}

/**
 * The newest signed consent for `route` that no later material template change
 * has superseded. When the newest signature is superseded, the reason names the
 * template version that changed materially; an older signature never revives.
 * With a planned dose, a consent that does not cover it (rule 2) stays current
 * but adds the 'dose-exceeds-consent' reason. Throws RangeError for malformed dates.
 */
export function consentCoverage(
  consents: readonly SignedConsentFact[],
  templates: readonly TemplateVersionFact[],
  route: TreatmentRoute,
  dose?: ConsentDoseCheck,
): ConsentCoverage {
  const forRoute = consents.filter((c) => c.route === route);
  if (forRoute.length === 0) return { current: null, ruleFact: null, reconsentReasons: [{ code: 'no-consent', route }] };
  const newest = forRoute.reduce((a, b) => {
    const da = toEpochDay(a.signedOn, 'consents.signedOn');
    const db = toEpochDay(b.signedOn, 'consents.signedOn');
    if (db !== da) return db > da ? b : a;
    return b.templateVersion > a.templateVersion ? b : a;
  });
  const change = templates
    .filter((t) => t.templateKey === newest.templateKey && t.version > newest.templateVersion && t.materialChange)
    .sort((a, b) => a.version - b.version)[0];
  if (change !== undefined) {
    return {
      current: null,
      ruleFact: null,
      reconsentReasons: [{ code: 'template-changed-materially', templateKey: newest.templateKey, signedVersion: newest.templateVersion, changedInVersion: change.version }],
    };
  }
  const reasons: ReconsentReason[] = [];
  if (dose !== undefined && doseNeedsReconsent(dose.plannedDoseMgPerKg, newest.maxDoseMgPerKg, dose.standardMaxDoseMgPerKg)) {
    reasons.push({ code: 'dose-exceeds-consent', plannedDoseMgPerKg: dose.plannedDoseMgPerKg as number, consentMaxDoseMgPerKg: coveredDoseMgPerKg(newest.maxDoseMgPerKg, dose.standardMaxDoseMgPerKg) });
  }
  return { current: newest, ruleFact: { signedOn: newest.signedOn, maxDoseMgPerKg: newest.maxDoseMgPerKg }, reconsentReasons: reasons };
}

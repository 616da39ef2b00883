/**
 * Maps what the chart holds into the clinical core's EligibilityFacts: active
 * problems, trials, the consent that covers the route (rule 2), contraindications
 * and risks of the intake profile, pregnancy tests, the latest substance-use
 * assessment, the latest ECG and LFT, and active medications. No rule is applied
 * here; assessEligibility() does that.
 */
import type { EligibilityFacts, EligibilityOccasion, TreatmentPurpose, TreatmentRoute, ContraindicationCode, Indication } from '@glia/clinical';
import type { DbOrTx } from '../../db/client.ts';
import { consentCoverageFor } from '../consent/consent-service.ts';
import { listMedications, listObservations, listProblems, listSubstanceUse, listTrials } from '../intake/history-repo.ts';
import { medicationFact, trialFact } from '../intake/history-service.ts';
import { findIntake, listReferrals } from '../intake/intake-repo.ts';

export interface EligibilityParams {
  route: TreatmentRoute;
  purpose: TreatmentPurpose | undefined;
  occasion: EligibilityOccasion;
  plannedOn: string;
  orderedDoseMgPerKg: number | null;
}

export async function loadEligibilityFacts(tx: DbOrTx, patientId: string, params: EligibilityParams, timeZone: string): Promise<EligibilityFacts> {
  const intake = await findIntake(tx, patientId);
  const problems = (await listProblems(tx, patientId)).filter((p) => p.status === 'active');
  const trials = await listTrials(tx, patientId);
  const meds = (await listMedications(tx, patientId)).filter((m) => m.active);
  const observations = await listObservations(tx, patientId);
  const [substance] = await listSubstanceUse(tx, patientId);
  const latest = (kind: string): string | null => observations.find((o) => o.kind === kind)?.observedOn ?? null;
  let purpose = params.purpose;
  if (purpose === undefined) {
    const [referral] = await listReferrals(tx, patientId);
    purpose = referral?.indication === 'chronic-pain' ? 'pain' : 'psychiatric';
  }
  const coverage = await consentCoverageFor(tx, patientId, params.route, timeZone);
  return {
    occasion: params.occasion,
    route: params.route,
    purpose,
    plannedOn: params.plannedOn,
    diagnoses: problems.map((p) => (p.indication ? { code: p.code, indication: p.indication as Indication } : { code: p.code })),
    antidepressantTrials: trials.map(trialFact),
    consent: coverage.ruleFact,
    orderedDoseMgPerKg: params.orderedDoseMgPerKg,
    contraindications: (intake?.contraindications ?? []) as ContraindicationCode[],
    childbearingPotential: intake ? intake.childbearingPotential : null,
    pregnancyTests: observations.filter((o) => o.kind === 'pregnancy-test').map((o) => ({ takenOn: o.observedOn, result: o.result as 'negative' | 'positive' })),
    substanceUse: substance
      ? { assessedOn: substance.assessedOn, currentUse: substance.currentUse, misuseSuspected: substance.misuseSuspected, activeAbuse: substance.activeAbuse, urineDrugScreenOn: substance.urineDrugScreenOn }
      : null,
    cardiovascularRisk: intake?.cardiovascularRisk ?? false,
    ecgOn: latest('ecg'),
    liverRisk: intake?.liverRisk ?? false,
    highDosePainCoursesPlanned: intake?.highDosePainCoursesPlanned ?? false,
    lftOn: latest('lft'),
    medications: meds.map(medicationFact),
  };
}

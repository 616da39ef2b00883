import {
  Addendum, Allergy, Assessment, Consent, ConsentTemplate, EligibilityDecision, EvaluationNote, IntakeProfile, IntakeSummary, Medication, Observation, ProblemEntry,
  Referral, SafetyAlert, SubstanceUse, Trial,
} from '@glia/contracts';
import type {
  AddendumCreate, AllergyCreate, AssessmentCreate, ConsentCreate, ConsentTemplateVersionCreate, EligibilityDecisionCreate, EvaluationNoteCreate, IntakeProfileUpdate,
  MedicationCreate, ObservationCreate, ProblemEntryCreate, ReferralCreate, StageChangeCreate, SubstanceUseCreate, TrialCreate,
} from '@glia/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import { apiRequest, type ResponseSchema } from '../http.ts';
import { intakeKeys } from './intake-keys.ts';

const p = (patientId: string): string => `/api/patients/${encodeURIComponent(patientId)}`;

/** A POST/PUT/PATCH about one patient; on success everything cached about that patient (and the lists) is refreshed. */
function usePatientMutation<B, T>(patientId: string, method: 'POST' | 'PUT' | 'PATCH', path: (body: B) => string, schema: ResponseSchema<T>, toBody: (body: B) => unknown = (b) => b): UseMutationResult<T, ApiError, B> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => apiRequest(method, `${p(patientId)}${path(body)}`, { body: toBody(body), schema }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: intakeKeys.patient(patientId) });
      void queryClient.invalidateQueries({ queryKey: [...intakeKeys.all, 'staged'] });
      void queryClient.invalidateQueries({ queryKey: intakeKeys.stageCounts() });
      void queryClient.invalidateQueries({ queryKey: [...intakeKeys.all, 'alerts'] });
    },
  });
}

export const useCreateReferral = (id: string): UseMutationResult<Referral, ApiError, ReferralCreate> => usePatientMutation(id, 'POST', () => '/referrals', Referral);
export const useChangeStage = (id: string): UseMutationResult<IntakeSummary, ApiError, StageChangeCreate> => usePatientMutation(id, 'POST', () => '/stage', IntakeSummary);
export const useUpdateProfile = (id: string): UseMutationResult<IntakeProfile, ApiError, IntakeProfileUpdate> => usePatientMutation(id, 'PUT', () => '/intake/profile', IntakeProfile);
export const useAddProblem = (id: string): UseMutationResult<ProblemEntry, ApiError, ProblemEntryCreate> => usePatientMutation(id, 'POST', () => '/problems', ProblemEntry);
export const useSetProblemStatus = (id: string): UseMutationResult<ProblemEntry, ApiError, { problemId: string; status: 'active' | 'resolved' }> =>
  usePatientMutation(id, 'PATCH', (b) => `/problems/${b.problemId}`, ProblemEntry, (b) => ({ status: b.status }));
export const useAddTrial = (id: string): UseMutationResult<Trial, ApiError, TrialCreate> => usePatientMutation(id, 'POST', () => '/antidepressant-trials', Trial);
export const useAddMedication = (id: string): UseMutationResult<Medication, ApiError, MedicationCreate> => usePatientMutation(id, 'POST', () => '/medications', Medication);
export const useStopMedication = (id: string): UseMutationResult<Medication, ApiError, { medicationId: string; stoppedOn: string }> =>
  usePatientMutation(id, 'PATCH', (b) => `/medications/${b.medicationId}`, Medication, (b) => ({ active: false, stoppedOn: b.stoppedOn }));
export const useAddAllergy = (id: string): UseMutationResult<Allergy, ApiError, AllergyCreate> => usePatientMutation(id, 'POST', () => '/allergies', Allergy);
export const useAddSubstanceUse = (id: string): UseMutationResult<SubstanceUse, ApiError, SubstanceUseCreate> => usePatientMutation(id, 'POST', () => '/substance-use-assessments', SubstanceUse);
export const useAddObservation = (id: string): UseMutationResult<Observation, ApiError, ObservationCreate> => usePatientMutation(id, 'POST', () => '/observations', Observation);
export const useCreateAssessment = (id: string): UseMutationResult<Assessment, ApiError, AssessmentCreate> => usePatientMutation(id, 'POST', () => '/assessments', Assessment);
export const useAcknowledgeAlert = (id: string): UseMutationResult<SafetyAlert, ApiError, { alertId: string; note: string | null }> =>
  usePatientMutation(id, 'POST', (b) => `/safety-alerts/${b.alertId}/acknowledge`, SafetyAlert, (b) => ({ note: b.note }));
export const useDecide = (id: string): UseMutationResult<EligibilityDecision, ApiError, EligibilityDecisionCreate> => usePatientMutation(id, 'POST', () => '/eligibility/decisions', EligibilityDecision);
export const useSignEvaluationNote = (id: string): UseMutationResult<EvaluationNote, ApiError, EvaluationNoteCreate> => usePatientMutation(id, 'POST', () => '/evaluation-notes', EvaluationNote);
export const useSignConsent = (id: string): UseMutationResult<Consent, ApiError, ConsentCreate> => usePatientMutation(id, 'POST', () => '/consents', Consent);

export type AddendumTarget = { kind: 'decision'; id: string } | { kind: 'note'; id: string } | { kind: 'consent'; id: string };
const ADDENDUM_PATHS = { decision: 'eligibility/decisions', note: 'evaluation-notes', consent: 'consents' } as const;
export const useAddAddendum = (id: string): UseMutationResult<Addendum, ApiError, { target: AddendumTarget; body: AddendumCreate }> =>
  usePatientMutation(id, 'POST', (b) => `/${ADDENDUM_PATHS[b.target.kind]}/${b.target.id}/addenda`, Addendum, (b) => b.body);

export function usePublishTemplateVersion(): UseMutationResult<ConsentTemplate, ApiError, { key: string; body: ConsentTemplateVersionCreate }> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, body }) => apiRequest('POST', `/api/consent-templates/${encodeURIComponent(key)}/versions`, { body, schema: ConsentTemplate }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: intakeKeys.all }),
  });
}

import {
  Assessment, ConsentList, ConsentTemplate, Eligibility, EligibilityDecision, EvaluationNote, History, Icd10Code, IntakeSummary, SafetyAlert, StageCounts, StagedPatient,
} from '@glia/contracts';
import type { IntakeStage } from '@glia/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import { apiRequest } from '../http.ts';
import { intakeKeys } from './intake-keys.ts';

const p = (patientId: string): string => `/api/patients/${encodeURIComponent(patientId)}`;

export function useIntakeSummary(patientId: string): UseQueryResult<IntakeSummary, ApiError> {
  return useQuery({ queryKey: intakeKeys.summary(patientId), queryFn: ({ signal }) => apiRequest('GET', `${p(patientId)}/intake`, { schema: IntakeSummary, signal }) });
}

export function useHistory(patientId: string): UseQueryResult<History, ApiError> {
  return useQuery({ queryKey: intakeKeys.history(patientId), queryFn: ({ signal }) => apiRequest('GET', `${p(patientId)}/history`, { schema: History, signal }) });
}

export function useAssessments(patientId: string): UseQueryResult<Assessment[], ApiError> {
  return useQuery({ queryKey: intakeKeys.assessments(patientId), queryFn: ({ signal }) => apiRequest('GET', `${p(patientId)}/assessments`, { schema: Assessment.array(), signal }) });
}

export interface EligibilityParams {
  route?: 'iv-ketamine' | 'esketamine';
  orderedDoseMgPerKg?: number;
}

export function useEligibility(patientId: string, params: EligibilityParams = {}): UseQueryResult<Eligibility, ApiError> {
  return useQuery({
    queryKey: intakeKeys.eligibility(patientId, { ...params }),
    queryFn: ({ signal }) => apiRequest('GET', `${p(patientId)}/eligibility`, { schema: Eligibility, query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDecisions(patientId: string): UseQueryResult<EligibilityDecision[], ApiError> {
  return useQuery({ queryKey: intakeKeys.decisions(patientId), queryFn: ({ signal }) => apiRequest('GET', `${p(patientId)}/eligibility/decisions`, { schema: EligibilityDecision.array(), signal }) });
}

export function useEvaluationNotes(patientId: string): UseQueryResult<EvaluationNote[], ApiError> {
  return useQuery({ queryKey: intakeKeys.notes(patientId), queryFn: ({ signal }) => apiRequest('GET', `${p(patientId)}/evaluation-notes`, { schema: EvaluationNote.array(), signal }) });
}

export function useConsents(patientId: string, params: { route?: 'iv-ketamine' | 'esketamine' } = {}): UseQueryResult<ConsentList, ApiError> {
  return useQuery({
    queryKey: intakeKeys.consents(patientId, { ...params }),
    queryFn: ({ signal }) => apiRequest('GET', `${p(patientId)}/consents`, { schema: ConsentList, query: { ...params }, signal }),
  });
}

export function useConsentTemplates(): UseQueryResult<ConsentTemplate[], ApiError> {
  return useQuery({ queryKey: intakeKeys.templates(), queryFn: ({ signal }) => apiRequest('GET', '/api/consent-templates', { schema: ConsentTemplate.array(), signal }) });
}

export function useSafetyAlerts(scope: 'mine' | 'all', enabled = true): UseQueryResult<SafetyAlert[], ApiError> {
  return useQuery({
    queryKey: intakeKeys.alerts(scope),
    queryFn: ({ signal }) => apiRequest('GET', '/api/safety-alerts', { schema: SafetyAlert.array(), query: { scope }, signal }),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useStagedPatients(stage: IntakeStage | null, enabled = true): UseQueryResult<StagedPatient[], ApiError> {
  return useQuery({
    queryKey: intakeKeys.staged(stage),
    queryFn: ({ signal }) => apiRequest('GET', '/api/intake/patients', { schema: StagedPatient.array(), query: { stage: stage ?? undefined }, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useStageCounts(enabled = true): UseQueryResult<StageCounts, ApiError> {
  return useQuery({ queryKey: intakeKeys.stageCounts(), queryFn: ({ signal }) => apiRequest('GET', '/api/intake/stage-counts', { schema: StageCounts, signal }), enabled });
}

export function useIcd10Search(q: string): UseQueryResult<Icd10Code[], ApiError> {
  return useQuery({
    queryKey: intakeKeys.icd10(q),
    queryFn: ({ signal }) => apiRequest('GET', '/api/icd10', { schema: Icd10Code.array(), query: { q, limit: 30 }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 60 * 60_000,
  });
}

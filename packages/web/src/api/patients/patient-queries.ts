import { Patient, PatientSummary } from '@glia/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import { apiRequest } from '../http.ts';
import { patientKeys } from './patient-keys.ts';

const PatientSummaries = PatientSummary.array();

export const PATIENT_SEARCH_LIMIT = 50;

/** Patients matching a name, MRN, phone or date of birth; all patients (up to the limit) for "". */
export function usePatientSearch(q: string, limit = PATIENT_SEARCH_LIMIT): UseQueryResult<PatientSummary[], ApiError> {
  return useQuery({
    queryKey: patientKeys.search(q, limit),
    queryFn: ({ signal }) => apiRequest('GET', '/api/patients', { schema: PatientSummaries, query: { q, limit }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function fetchPatient(id: string, signal?: AbortSignal): Promise<Patient> {
  return apiRequest('GET', `/api/patients/${encodeURIComponent(id)}`, { schema: Patient, signal });
}

export function usePatient(id: string): UseQueryResult<Patient, ApiError> {
  return useQuery({
    queryKey: patientKeys.detail(id),
    queryFn: ({ signal }) => fetchPatient(id, signal),
  });
}

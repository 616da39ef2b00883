import { Patient } from '@glia/contracts';
import type { PatientCreate, PatientUpdate } from '@glia/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import { apiRequest } from '../http.ts';
import { patientKeys } from './patient-keys.ts';

/** Registers a patient. A probable duplicate comes back as 409 CONFLICT until sent with confirmDuplicate. */
export function useCreatePatient(): UseMutationResult<Patient, ApiError, PatientCreate> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PatientCreate) => apiRequest('POST', '/api/patients', { body, schema: Patient }),
    onSuccess: (patient) => {
      queryClient.setQueryData(patientKeys.detail(patient.id), patient);
      void queryClient.invalidateQueries({ queryKey: patientKeys.searches() });
    },
  });
}

/** Saves changes; `version` makes a stale edit fail with 409 instead of overwriting someone else's. */
export function useUpdatePatient(id: string): UseMutationResult<Patient, ApiError, PatientUpdate> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PatientUpdate) =>
      apiRequest('PATCH', `/api/patients/${encodeURIComponent(id)}`, { body, schema: Patient }),
    onSuccess: (patient) => {
      queryClient.setQueryData(patientKeys.detail(patient.id), patient);
      void queryClient.invalidateQueries({ queryKey: patientKeys.searches() });
    },
  });
}

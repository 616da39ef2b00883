import { ClinicianOption } from '@glia/contracts';
import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import { apiRequest } from '../http.ts';

export const clinicianKeys = { all: ['clinicians'] as const };

const ClinicianOptions = ClinicianOption.array();

/** Clinicians who can be a patient's primary clinician. */
export function useClinicians(): UseQueryResult<ClinicianOption[], ApiError> {
  return useQuery({
    queryKey: clinicianKeys.all,
    queryFn: ({ signal }) => apiRequest('GET', '/api/clinicians', { schema: ClinicianOptions, signal }),
    staleTime: 5 * 60_000,
  });
}

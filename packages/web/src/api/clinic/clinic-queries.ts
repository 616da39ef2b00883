import { ClinicSettings } from '@glia/contracts';
import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import { apiRequest } from '../http.ts';

export const clinicKeys = { settings: ['clinic', 'settings'] as const };

export function useClinicSettings(): UseQueryResult<ClinicSettings, ApiError> {
  return useQuery({
    queryKey: clinicKeys.settings,
    queryFn: ({ signal }) => apiRequest('GET', '/api/clinic', { schema: ClinicSettings, signal }),
  });
}

import { ClinicSettings } from '@glia/contracts';
import type { ClinicSettingsUpdate } from '@glia/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import { authKeys } from '../auth/auth-keys.ts';
import { apiRequest } from '../http.ts';
import { clinicKeys } from './clinic-queries.ts';

/** Saves clinic settings; the header and every clinic-time display follow the new values. */
export function useUpdateClinicSettings(): UseMutationResult<ClinicSettings, ApiError, ClinicSettingsUpdate> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ClinicSettingsUpdate) => apiRequest('PATCH', '/api/clinic', { body, schema: ClinicSettings }),
    onSuccess: (settings) => {
      queryClient.setQueryData(clinicKeys.settings, settings);
      void queryClient.invalidateQueries({ queryKey: authKeys.me });
    },
  });
}

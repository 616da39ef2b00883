import { StaffUser } from '@glia/contracts';
import type { StaffUserCreate, StaffUserUpdate } from '@glia/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import { clinicianKeys } from '../clinicians/clinician-queries.ts';
import { apiRequest } from '../http.ts';
import { userKeys } from './user-keys.ts';

export function useCreateStaffUser(): UseMutationResult<StaffUser, ApiError, StaffUserCreate> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StaffUserCreate) => apiRequest('POST', '/api/users', { body, schema: StaffUser }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      void queryClient.invalidateQueries({ queryKey: clinicianKeys.all });
    },
  });
}

export interface StaffUserUpdateVars {
  id: string;
  changes: StaffUserUpdate;
}

/** Changes a staff account: name, credentials, roles, or active (deactivate / reactivate). */
export function useUpdateStaffUser(): UseMutationResult<StaffUser, ApiError, StaffUserUpdateVars> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: StaffUserUpdateVars) =>
      apiRequest('PATCH', `/api/users/${encodeURIComponent(id)}`, { body: changes, schema: StaffUser }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      void queryClient.invalidateQueries({ queryKey: clinicianKeys.all });
    },
  });
}

/** Resets a user's two-step sign-in (lost phone): their sessions end and they set it up again at next sign-in. */
export function useResetStaffMfa(): UseMutationResult<void, ApiError, string> {
  return useMutation({ mutationFn: (id: string) => apiRequest('POST', `/api/users/${encodeURIComponent(id)}/mfa-reset`) });
}

import type { LoginBody, MeResponse } from '@glia/contracts';
import { LoginResponse } from '@glia/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import { markSessionEnded } from '../../auth/session-end.ts';
import type { SessionEndReason } from '../../auth/session-end.ts';
import type { ApiError } from '../api-error.ts';
import { apiRequest } from '../http.ts';
import { authKeys } from './auth-keys.ts';

export function useLogin(): UseMutationResult<MeResponse, ApiError, LoginBody> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => apiRequest('POST', '/api/auth/login', { body, schema: LoginResponse }),
    onSuccess: (me) => {
      queryClient.removeQueries();
      queryClient.setQueryData(authKeys.me, me);
    },
  });
}

/**
 * Signs out on the server, then forgets everything cached in the browser (patient data included).
 * The local sign-out happens even when the server cannot be reached.
 */
export function useLogout(): UseMutationResult<void, ApiError, SessionEndReason> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (_reason: SessionEndReason) => {
      try {
        await apiRequest('POST', '/api/auth/logout');
      } catch {
        // The cookie may already be gone; signing out locally is what matters here.
      }
    },
    onSettled: (_data, _error, reason) => {
      markSessionEnded(reason);
      queryClient.setQueryData(authKeys.me, null);
    },
  });
}

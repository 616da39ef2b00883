import type { LoginBody, LoginOutcome, MeResponse, MfaConfirmResponse as MfaConfirmResponseType, MfaEnrolment as MfaEnrolmentType, MfaVerifyBody } from '@glia/contracts';
import { LoginOutcome as LoginOutcomeSchema, LogoutEverywhereResponse, MeResponse as MeResponseSchema, MfaConfirmResponse, MfaEnrolment } from '@glia/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UseMutationResult } from '@tanstack/react-query';
import { markSessionEnded } from '../../auth/session-end.ts';
import type { SessionEndReason } from '../../auth/session-end.ts';
import type { ApiError } from '../api-error.ts';
import { apiRequest } from '../http.ts';
import { authKeys } from './auth-keys.ts';

/** True when the password step answered that a second factor is owed. */
export const isMfaChallenge = (outcome: LoginOutcome): outcome is Extract<LoginOutcome, { mfaRequired: true }> => 'mfaRequired' in outcome;

export function useLogin(): UseMutationResult<LoginOutcome, ApiError, LoginBody> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => apiRequest('POST', '/api/auth/login', { body, schema: LoginOutcomeSchema }),
    onSuccess: (outcome) => {
      queryClient.removeQueries();
      if (!isMfaChallenge(outcome)) queryClient.setQueryData(authKeys.me, outcome);
    },
  });
}

/** Second step of sign-in: a TOTP code or a recovery code. */
export function useMfaVerify(): UseMutationResult<MeResponse, ApiError, MfaVerifyBody> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MfaVerifyBody) => apiRequest('POST', '/api/auth/mfa', { body, schema: MeResponseSchema }),
    onSuccess: (me) => {
      queryClient.removeQueries();
      queryClient.setQueryData(authKeys.me, me);
    },
  });
}

export function useMfaEnrol(): UseMutationResult<MfaEnrolmentType, ApiError, void> {
  return useMutation({ mutationFn: () => apiRequest('POST', '/api/auth/mfa/enrol', { schema: MfaEnrolment }) });
}

/** Confirms enrolment; the session (if it was waiting for the second factor) becomes a full one. Sets `me` only when `signIn`. */
export function useMfaConfirm(): UseMutationResult<MfaConfirmResponseType, ApiError, { code: string }> {
  return useMutation({ mutationFn: (body: { code: string }) => apiRequest('POST', '/api/auth/mfa/confirm', { body, schema: MfaConfirmResponse }) });
}

export function useLogoutEverywhere(): UseMutationResult<{ sessionsEnded: number }, ApiError, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('POST', '/api/auth/logout-everywhere', { schema: LogoutEverywhereResponse }),
    onSuccess: () => {
      markSessionEnded('signed-out');
      queryClient.setQueryData(authKeys.me, null);
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

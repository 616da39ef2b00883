import { MfaStatus } from '@glia/contracts';
import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import { apiRequest } from '../http.ts';
import { authKeys } from './auth-keys.ts';

export function useMfaStatus(): UseQueryResult<MfaStatus, ApiError> {
  return useQuery({ queryKey: [...authKeys.all, 'mfa'], queryFn: ({ signal }) => apiRequest('GET', '/api/auth/mfa', { schema: MfaStatus, signal }) });
}

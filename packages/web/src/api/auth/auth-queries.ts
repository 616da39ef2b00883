import { MeResponse } from '@glia/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { isApiError } from '../api-error.ts';
import { apiRequest } from '../http.ts';
import { markSessionEnded } from '../../auth/session-end.ts';
import { authKeys } from './auth-keys.ts';

/** The signed-in session, or null when there is none (401 is an answer here, not an error). */
export async function fetchMe(signal?: AbortSignal): Promise<MeResponse | null> {
  try {
    return await apiRequest('GET', '/api/auth/me', { schema: MeResponse, signal });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export const meQueryOptions = queryOptions({
  queryKey: authKeys.me,
  queryFn: async ({ signal, client }) => {
    const me = await fetchMe(signal);
    if (me === null && client.getQueryData(authKeys.me)) markSessionEnded('expired');
    return me;
  },
  staleTime: 60_000,
});

export function useMe(): UseQueryResult<MeResponse | null> {
  return useQuery(meQueryOptions);
}

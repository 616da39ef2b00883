import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, NETWORK_STATUS } from '../api/api-error.ts';
import { authKeys } from '../api/auth/auth-keys.ts';
import { markSessionEnded } from '../auth/session-end.ts';

/** Requests whose 401 means "wrong credentials", not "your session has ended". */
const CREDENTIAL_CHECKS = new Set(['POST /api/auth/login']);

function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!isApiError(error)) return false;
  const transient = error.status === NETWORK_STATUS || error.status === 502 || error.status === 503 || error.status === 504;
  return transient && failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onApiError(error) }),
    mutationCache: new MutationCache({ onError: (error) => onApiError(error) }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });

  /**
   * A 401 anywhere means the session has ended (idle timeout, expiry, revoked): forget the
   * session so the app shell sends the user to the login page, keeping where they were.
   */
  function onApiError(error: unknown): void {
    if (!isApiError(error) || error.status !== 401 || CREDENTIAL_CHECKS.has(error.request)) return;
    if (client.getQueryData(authKeys.me) === null) return;
    markSessionEnded('expired');
    client.setQueryData(authKeys.me, null);
  }

  return client;
}

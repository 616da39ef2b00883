import { AuditEntry, AuditVerifyResult, BreakGlassGrant } from '@glia/contracts';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import type { InfiniteData, UseInfiniteQueryResult, UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import { apiRequest } from '../http.ts';
import { auditKeys } from './audit-keys.ts';
import type { AuditFilters } from './audit-keys.ts';

const AuditEntries = AuditEntry.array();

export const AUDIT_PAGE_SIZE = 100;

/** Newest entries first; each further page holds the entries older than the last one shown. */
export function useAuditEntries(filters: AuditFilters): UseInfiniteQueryResult<InfiniteData<AuditEntry[], number | undefined>, ApiError> {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      apiRequest('GET', '/api/audit', {
        schema: AuditEntries,
        query: { ...filters, limit: AUDIT_PAGE_SIZE, beforeSeq: pageParam },
        signal,
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (lastPage) => {
      if (lastPage.length < AUDIT_PAGE_SIZE) return undefined;
      return Math.min(...lastPage.map((entry) => entry.seq));
    },
    staleTime: 0,
  });
}

/** Recomputes the hash chain on the server; the result names the first broken entry. */
export function useVerifyAuditChain(): UseMutationResult<AuditVerifyResult, ApiError, void> {
  return useMutation({ mutationFn: () => apiRequest('POST', '/api/audit/verify', { schema: AuditVerifyResult }) });
}

/** The URL of the CSV export for these filters (a plain download link: same origin, session cookie). */
export function auditExportUrl(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
  const qs = params.toString();
  return `/api/audit/export.csv${qs ? `?${qs}` : ''}`;
}

const BreakGlassGrants = BreakGlassGrant.array();

/** Emergency ("break the glass") chart accesses, newest first. */
export function useBreakGlassAccesses(): UseQueryResult<BreakGlassGrant[], ApiError> {
  return useQuery({ queryKey: [...auditKeys.all, 'break-glass'], queryFn: ({ signal }) => apiRequest('GET', '/api/security/break-glass', { schema: BreakGlassGrants, signal }) });
}

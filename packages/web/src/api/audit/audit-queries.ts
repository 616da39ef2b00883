import { AuditEntry } from '@glia/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
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

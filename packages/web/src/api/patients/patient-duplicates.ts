import { PatientSummary } from '@glia/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ApiError } from '../api-error.ts';
import { apiRequest } from '../http.ts';
import { patientKeys } from './patient-keys.ts';

const PatientSummaries = PatientSummary.array();
const LOOKUP_LIMIT = 20;

const same = (a: string, b: string): boolean => a.trim().localeCompare(b.trim(), undefined, { sensitivity: 'base' }) === 0;

/**
 * After a 409 "probable duplicate" that does not name the existing patients, finds them: those
 * born the same day with the same given and family name (or everyone born that day when the
 * names differ in a way the server's matching tolerates).
 */
export function useFindProbableDuplicates(): (p: { givenName: string; familyName: string; birthDate: string; excludeId?: string }) => Promise<PatientSummary[]> {
  const queryClient = useQueryClient();
  return useCallback(
    async ({ givenName, familyName, birthDate, excludeId }) => {
      const sameDay = await queryClient.fetchQuery({
        queryKey: patientKeys.search(birthDate, LOOKUP_LIMIT),
        queryFn: ({ signal }) =>
          apiRequest('GET', '/api/patients', { schema: PatientSummaries, query: { q: birthDate, limit: LOOKUP_LIMIT }, signal }),
        staleTime: 0,
      });
      const others = sameDay.filter((p) => p.id !== excludeId && p.birthDate === birthDate);
      const byName = others.filter((p) => same(p.givenName, givenName) && same(p.familyName, familyName));
      return byName.length > 0 ? byName : others;
    },
    [queryClient],
  );
}

/** The existing patients a 409 names as probable duplicates (the problem's `duplicates` member), if it does. */
export function duplicatesInProblem(error: ApiError): PatientSummary[] | null {
  const parsed = PatientSummaries.safeParse(error.extensions.duplicates);
  return parsed.success ? parsed.data : null;
}

/** Whether a 409 says the edit started from an older version of the record. */
export function isStaleVersionConflict(error: ApiError): boolean {
  return typeof error.extensions.currentVersion === 'number' || error.fieldErrors.some((e) => e.field === 'version');
}

import { StaffUser } from '@glia/contracts';
import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ApiError } from '../api-error.ts';
import { apiRequest } from '../http.ts';
import { userKeys } from './user-keys.ts';

const StaffUsers = StaffUser.array();

/** Staff accounts (administrators only). */
export function useStaffUsers(options: { enabled?: boolean } = {}): UseQueryResult<StaffUser[], ApiError> {
  return useQuery({
    queryKey: userKeys.list(),
    queryFn: ({ signal }) => apiRequest('GET', '/api/users', { schema: StaffUsers, signal }),
    enabled: options.enabled ?? true,
  });
}

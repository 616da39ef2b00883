import type { MeResponse } from '@glia/contracts';
import { createContext, useContext } from 'react';
import { can } from './roles.ts';
import type { Permission } from './roles.ts';

export const SessionContext = createContext<MeResponse | null>(null);

/** The signed-in session. Only valid below RequireSession, which guarantees there is one. */
export function useSession(): MeResponse {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() used outside a signed-in area');
  return session;
}

/** Whether the signed-in user holds a role allowed to do this. */
export function useCan(permission: Permission): boolean {
  return can(useSession().user.roles, permission);
}

/** The clinic's IANA time zone: every instant on screen is shown in it. */
export function useClinicTimeZone(): string {
  return useSession().clinic.timeZone;
}

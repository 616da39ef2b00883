import type { Role } from '@glia/contracts';
import { hasAnyRole } from '../../auth/roles.ts';
import { useSession } from '../../auth/session-context.ts';

/** Mirrors the server's inventory routes: the server still decides. */
export const INVENTORY_STAFF: readonly Role[] = ['nurse', 'prescriber', 'medical-director'];
export const INVENTORY_OVERSIGHT: readonly Role[] = ['medical-director'];

export function useInventoryStaff(): boolean {
  return hasAnyRole(useSession().user.roles, INVENTORY_STAFF);
}

/** The medical director: resolves investigations, records DEA notices, sets up products and storage. */
export function useInventoryOversight(): boolean {
  return hasAnyRole(useSession().user.roles, INVENTORY_OVERSIGHT);
}

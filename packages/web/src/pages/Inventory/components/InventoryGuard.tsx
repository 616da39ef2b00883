import type { ReactNode } from 'react';
import { NoAccess } from '../../../components/NoAccess/NoAccess.tsx';
import { useInventoryOversight, useInventoryStaff } from '../inventory-roles.ts';

/** Shows an inventory page only to clinical staff (or, with `oversight`, the medical director). */
export function InventoryGuard({ children, oversight = false }: { children: ReactNode; oversight?: boolean }): React.JSX.Element {
  const staff = useInventoryStaff();
  const director = useInventoryOversight();
  if (!staff || (oversight && !director)) return <NoAccess what={oversight ? 'this part of the controlled-substance record' : 'the controlled-substance record'} order={1} />;
  return <>{children}</>;
}

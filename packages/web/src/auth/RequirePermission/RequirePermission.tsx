import type { ReactNode } from 'react';
import { NoAccess } from '../../components/NoAccess/NoAccess.tsx';
import type { Permission } from '../roles.ts';
import { useCan } from '../session-context.ts';

interface RequirePermissionProps {
  permission: Permission;
  /** What is being protected, for the no-access message, e.g. "the audit trail". */
  what: string;
  children: ReactNode;
}

/** Shows the page only to roles allowed to use it; others get the honest no-access state. */
export function RequirePermission({ permission, what, children }: RequirePermissionProps): React.JSX.Element {
  const allowed = useCan(permission);
  return allowed ? <>{children}</> : <NoAccess what={what} order={1} />;
}

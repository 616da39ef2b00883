import { Navigate } from 'react-router';
import { areasFor } from '../../../app/areas.ts';
import { useSession } from '../../../auth/session-context.ts';
import { NoAccess } from '../../../components/NoAccess/NoAccess.tsx';

/** /admin opens the first admin screen this user may use. */
export function AdminIndexRedirect(): React.JSX.Element {
  const { user } = useSession();
  const first = areasFor(user.roles).find((a) => a.path === '/admin')?.children?.[0];
  return first ? <Navigate to={first.path} replace /> : <NoAccess what="administration" order={1} />;
}

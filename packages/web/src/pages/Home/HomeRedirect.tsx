import { Navigate } from 'react-router';
import { homePathFor } from '../../app/areas.ts';
import { useSession } from '../../auth/session-context.ts';

/** "/" opens the first area this user can work in. */
export function HomeRedirect(): React.JSX.Element {
  const { user } = useSession();
  return <Navigate to={homePathFor(user.roles)} replace />;
}

import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { errorMessage } from '../../api/api-error.ts';
import { authKeys } from '../../api/auth/auth-keys.ts';
import { useMe } from '../../api/auth/auth-queries.ts';
import { FullPageStatus } from '../../components/FullPageStatus/FullPageStatus.tsx';
import { loginPath } from '../login-path.ts';
import { SessionContext } from '../session-context.ts';
import { peekSessionEndReason } from '../session-end.ts';

/**
 * The gate of the signed-in app: provides the session to everything below, or sends the user
 * to the login page with the intended location kept in `next`.
 */
export function RequireSession(): React.JSX.Element {
  const me = useMe();
  const location = useLocation();
  const queryClient = useQueryClient();
  const signedOut = me.data === null;

  useEffect(() => {
    // Nothing about patients may outlive the session in this tab.
    if (signedOut) queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== authKeys.all[0] });
  }, [signedOut, queryClient]);

  if (me.data) {
    return (
      <SessionContext value={me.data}>
        <Outlet />
      </SessionContext>
    );
  }
  if (signedOut) {
    return <Navigate to={loginPath(location, peekSessionEndReason())} replace />;
  }
  if (me.isError) {
    return (
      <FullPageStatus label={errorMessage(me.error)}>
        <Button onClick={() => void me.refetch()}>Try again</Button>
      </FullPageStatus>
    );
  }
  return <FullPageStatus label="Loading Glia…" loading />;
}

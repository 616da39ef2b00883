import { useIdle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { meQueryOptions } from '../../../api/auth/auth-queries.ts';
import { useSession } from '../../../auth/session-context.ts';

const RECENT_ACTIVITY_MS = 60_000;

/**
 * While someone is using the screen (reading a chart makes no requests), re-checks the session
 * at half the idle timeout so the server does not end it under their hands. It also notices a
 * session ended elsewhere and sends the user to the login page.
 */
export function SessionKeepAlive(): null {
  const { session } = useSession();
  const inactive = useIdle(RECENT_ACTIVITY_MS, { initialState: false });
  const intervalMs = Math.max(30, Math.floor(session.idleTimeoutSeconds / 2)) * 1000;
  useQuery({ ...meQueryOptions, refetchInterval: inactive ? false : intervalMs, refetchIntervalInBackground: false });
  return null;
}

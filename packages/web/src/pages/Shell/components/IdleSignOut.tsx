import { useIdle } from '@mantine/hooks';
import { useEffect } from 'react';
import { useLogout } from '../../../api/auth/auth-mutations.ts';
import { useSession } from '../../../auth/session-context.ts';

const ACTIVITY_EVENTS: (keyof DocumentEventMap)[] = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'scroll'];

/**
 * Signs out a screen nobody has touched for the session's idle timeout, so patient data
 * does not stay on an unattended chairside tablet.
 */
export function IdleSignOut(): null {
  const { session } = useSession();
  const idle = useIdle(session.idleTimeoutSeconds * 1000, { events: ACTIVITY_EVENTS, initialState: false });
  const { mutate: logout } = useLogout();

  useEffect(() => {
    if (idle) logout('idle');
  }, [idle, logout]);

  return null;
}

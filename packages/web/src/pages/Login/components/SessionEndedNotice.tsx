import { Alert } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import type { SessionEndReason } from '../../../auth/session-end.ts';

const MESSAGES: Record<SessionEndReason, string> = {
  'signed-out': 'You have signed out.',
  idle: 'You were signed out because the screen was not used for a while. Sign in again to continue.',
  expired: 'Your session has ended. Sign in again to continue where you were.',
};

export function SessionEndedNotice({ reason }: { reason: SessionEndReason }): React.JSX.Element {
  return (
    <Alert variant="light" color="glia" icon={<IconClock aria-hidden />} role="status">
      {MESSAGES[reason]}
    </Alert>
  );
}

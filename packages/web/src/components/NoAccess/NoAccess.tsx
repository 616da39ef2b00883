import { EmptyState } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';

interface NoAccessProps {
  /** What the user tried to see, e.g. "the audit trail". */
  what?: string;
  order?: 1 | 2;
}

/** The honest 403 state: the page exists, this account's roles do not allow it. */
export function NoAccess({ what = 'this page', order = 2 }: NoAccessProps): React.JSX.Element {
  return (
    <EmptyState py="xl" icon={<IconLock size={32} aria-hidden />} withIndicatorBackground>
      <EmptyState.Title order={order}>You don't have access to {what}</EmptyState.Title>
      <EmptyState.Description>
        Your roles in Glia do not include this. If you need it for your work, ask the clinic's administrator.
      </EmptyState.Description>
    </EmptyState>
  );
}

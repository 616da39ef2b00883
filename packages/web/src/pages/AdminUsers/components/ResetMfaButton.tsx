import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { StaffUser } from '@glia/contracts';
import { useResetStaffMfa } from '../../../api/users/user-mutations.ts';
import { ProblemAlert } from '../../../components/ProblemAlert/ProblemAlert.tsx';

/** For a user who lost their authenticator: a two-click reset (their sessions end; they enrol again). */
export function ResetMfaButton({ user }: { user: StaffUser }): React.JSX.Element {
  const reset = useResetStaffMfa();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Group gap="sm" wrap="wrap">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 16rem' }}>Lost phone? Resetting two-step sign-in ends {user.displayName}&apos;s sessions; they set it up again at their next sign-in.</Text>
        {confirming ? (
          <Button
            color="red"
            variant="light"
            size="xs"
            loading={reset.isPending}
            onClick={() =>
              reset.mutate(user.id, {
                onSuccess: () => {
                  setConfirming(false);
                  notifications.show({ color: 'green', title: 'Two-step sign-in reset', message: `${user.displayName} sets it up again at their next sign-in.` });
                },
              })
            }
          >
            Confirm reset
          </Button>
        ) : (
          <Button variant="default" size="xs" onClick={() => setConfirming(true)}>Reset two-step sign-in</Button>
        )}
      </Group>
      {reset.isError && <ProblemAlert error={reset.error} title="Two-step sign-in was not reset" />}
    </>
  );
}

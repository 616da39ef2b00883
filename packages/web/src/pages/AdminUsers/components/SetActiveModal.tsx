import type { StaffUser } from '@glia/contracts';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useUpdateStaffUser } from '../../../api/users/user-mutations.ts';
import { ProblemAlert } from '../../../components/ProblemAlert/ProblemAlert.tsx';

/** Confirms deactivating (or reactivating) a staff account. Accounts are never deleted: records keep their names. */
export function SetActiveModal({ user, onClose }: { user: StaffUser; onClose: () => void }): React.JSX.Element {
  const update = useUpdateStaffUser();
  const activate = !user.active;
  const confirm = (): void => {
    update.mutate(
      { id: user.id, changes: { active: activate } },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', title: activate ? 'User reactivated' : 'User deactivated', message: user.displayName });
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={`${activate ? 'Reactivate' : 'Deactivate'} ${user.displayName}?`} size="md">
      <Stack gap="md">
        {update.isError && <ProblemAlert error={update.error} />}
        <Text>
          {activate
            ? `${user.displayName} will be able to sign in again with their existing password and roles.`
            : `${user.displayName} will no longer be able to sign in. Their name stays on everything they recorded.`}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>Cancel</Button>
          <Button color={activate ? undefined : 'red'} onClick={confirm} loading={update.isPending}>
            {activate ? 'Reactivate' : 'Deactivate'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

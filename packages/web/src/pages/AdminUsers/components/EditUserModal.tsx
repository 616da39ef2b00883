import { StaffUserUpdate } from '@glia/contracts';
import type { Role, StaffUser } from '@glia/contracts';
import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useRef } from 'react';
import type { FormEvent } from 'react';
import { useUpdateStaffUser } from '../../../api/users/user-mutations.ts';
import { useSession } from '../../../auth/session-context.ts';
import { ProblemAlert } from '../../../components/ProblemAlert/ProblemAlert.tsx';
import { focusFirstError } from '../../../lib/forms/focus-first-error.ts';
import { optionalText, requiredText, schemaFormErrors } from '../../../lib/forms/schema-errors.ts';
import { leafPaths, splitServerFieldErrors } from '../../../lib/forms/server-field-errors.ts';
import { ResetMfaButton } from './ResetMfaButton.tsx';
import { RoleCheckboxes } from './RoleCheckboxes.tsx';

interface EditUserValues {
  displayName: string;
  credentials: string;
  roles: Role[];
}

const toDraft = (v: EditUserValues): Record<string, unknown> => ({
  displayName: requiredText(v.displayName),
  credentials: optionalText(v.credentials),
  roles: v.roles,
});

const sameRoles = (a: readonly Role[], b: readonly Role[]): boolean => a.length === b.length && a.every((r) => b.includes(r));

export function EditUserModal({ user, onClose }: { user: StaffUser; onClose: () => void }): React.JSX.Element {
  const { user: me } = useSession();
  const formRef = useRef<HTMLFormElement>(null);
  const update = useUpdateStaffUser();
  const form = useForm<EditUserValues>({
    mode: 'controlled',
    initialValues: { displayName: user.displayName, credentials: user.credentials ?? '', roles: [...user.roles] },
    validate: (values) => schemaFormErrors(StaffUserUpdate, toDraft(values)),
    validateInputOnChange: true,
  });
  const droppingOwnAdmin = user.id === me.id && user.roles.includes('admin') && !form.values.roles.includes('admin');

  const submit = (event: FormEvent<HTMLFormElement>): void =>
    form.onSubmit(
      (values) => {
        const draft = StaffUserUpdate.safeParse(toDraft(values));
        if (!draft.success) return;
        const changes: StaffUserUpdate = {};
        if (draft.data.displayName !== user.displayName) changes.displayName = draft.data.displayName;
        if ((draft.data.credentials ?? null) !== user.credentials) changes.credentials = draft.data.credentials;
        if (draft.data.roles && !sameRoles(draft.data.roles, user.roles)) changes.roles = draft.data.roles;
        if (Object.keys(changes).length === 0) {
          onClose();
          return;
        }
        update.mutate(
          { id: user.id, changes },
          {
            onSuccess: (saved) => {
              notifications.show({ color: 'green', title: 'User updated', message: saved.displayName });
              onClose();
            },
            onError: (error) => {
              form.setErrors(splitServerFieldErrors(error.fieldErrors, leafPaths(values)).onFields);
              focusFirstError(formRef.current);
            },
          },
        );
      },
      () => focusFirstError(formRef.current),
    )(event);

  return (
    <Modal opened onClose={onClose} title={`Edit ${user.displayName}`}>
      <form ref={formRef} onSubmit={submit} noValidate aria-label={`Edit ${user.displayName}`}>
        <Stack gap="md">
          {update.isError && (
            <ProblemAlert
              error={update.error}
              title="The changes were not saved"
              fields={splitServerFieldErrors(update.error.fieldErrors, leafPaths(form.values)).unmatched}
            />
          )}
          <Text size="sm" c="dimmed">{user.email}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label="Full name" required data-autofocus autoComplete="off" {...form.getInputProps('displayName')} />
            <TextInput label="Credentials" description="Shown on signatures, e.g. RN, MD" autoComplete="off" {...form.getInputProps('credentials')} />
          </SimpleGrid>
          <RoleCheckboxes value={form.values.roles} onChange={(roles) => form.setFieldValue('roles', roles)} error={form.errors.roles} />
          {droppingOwnAdmin && (
            <Alert color="orange" variant="light" role="alert">
              You are removing your own administrator role. After saving you will no longer be able to manage users or clinic settings.
            </Alert>
          )}
          <ResetMfaButton user={user} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={update.isPending}>Save changes</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { StaffUserCreate } from '@glia/contracts';
import type { Role } from '@glia/contracts';
import { Button, Group, Modal, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useRef } from 'react';
import type { FormEvent } from 'react';
import { useCreateStaffUser } from '../../../api/users/user-mutations.ts';
import { ProblemAlert } from '../../../components/ProblemAlert/ProblemAlert.tsx';
import { focusFirstError } from '../../../lib/forms/focus-first-error.ts';
import { optionalText, requiredText, schemaFormErrors } from '../../../lib/forms/schema-errors.ts';
import { leafPaths, splitServerFieldErrors } from '../../../lib/forms/server-field-errors.ts';
import { RoleCheckboxes } from './RoleCheckboxes.tsx';

interface CreateUserValues {
  email: string;
  displayName: string;
  credentials: string;
  roles: Role[];
  password: string;
}

const EMPTY: CreateUserValues = { email: '', displayName: '', credentials: '', roles: [], password: '' };

const toDraft = (v: CreateUserValues): Record<string, unknown> => ({
  email: requiredText(v.email),
  displayName: requiredText(v.displayName),
  credentials: optionalText(v.credentials),
  roles: v.roles,
  password: v.password === '' ? undefined : v.password,
});

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }): React.JSX.Element {
  const formRef = useRef<HTMLFormElement>(null);
  const create = useCreateStaffUser();
  const form = useForm<CreateUserValues>({
    mode: 'controlled',
    initialValues: EMPTY,
    validate: (values) => schemaFormErrors(StaffUserCreate, toDraft(values)),
    validateInputOnChange: true,
  });

  const close = (): void => {
    form.reset();
    create.reset();
    onClose();
  };

  const submit = (event: FormEvent<HTMLFormElement>): void =>
    form.onSubmit(
      (values) => {
        const parsed = StaffUserCreate.safeParse(toDraft(values));
        if (!parsed.success) return;
        create.mutate(parsed.data, {
          onSuccess: (user) => {
            notifications.show({ color: 'green', title: 'User created', message: `${user.displayName} can now sign in.` });
            close();
          },
          onError: (error) => {
            const { onFields } = splitServerFieldErrors(error.fieldErrors, leafPaths(values));
            form.setErrors(onFields);
            focusFirstError(formRef.current);
          },
        });
      },
      () => focusFirstError(formRef.current),
    )(event);

  return (
    <Modal opened={opened} onClose={close} title="New user">
      <form ref={formRef} onSubmit={submit} noValidate aria-label="New user">
        <Stack gap="md">
          {create.isError && (
            <ProblemAlert
              error={create.error}
              title="The user was not created"
              fields={splitServerFieldErrors(create.error.fieldErrors, leafPaths(form.values)).unmatched}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label="Full name" required data-autofocus autoComplete="off" {...form.getInputProps('displayName')} />
            <TextInput label="Credentials" description="Shown on signatures, e.g. RN, MD" autoComplete="off" {...form.getInputProps('credentials')} />
          </SimpleGrid>
          <TextInput label="E-mail" type="email" required autoComplete="off" autoCapitalize="none" spellCheck={false} {...form.getInputProps('email')} />
          <RoleCheckboxes
            value={form.values.roles}
            onChange={(roles) => form.setFieldValue('roles', roles)}
            error={form.errors.roles}
          />
          <PasswordInput
            label="First password"
            description="At least 12 characters. Give it to the person in a safe way, not by e-mail."
            required
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>Cancel</Button>
            <Button type="submit" loading={create.isPending}>Create user</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { LoginBody } from '@glia/contracts';
import type { LoginOutcome } from '@glia/contracts';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useRef } from 'react';
import type { FormEvent } from 'react';
import { errorMessage } from '../../../api/api-error.ts';
import { useLogin } from '../../../api/auth/auth-mutations.ts';
import { focusFirstError } from '../../../lib/forms/focus-first-error.ts';
import { requiredText, schemaFormErrors } from '../../../lib/forms/schema-errors.ts';

interface LoginFormProps {
  /** The signed-in session, or the request for a second factor. */
  onOutcome: (outcome: LoginOutcome) => void;
}

interface LoginValues {
  email: string;
  password: string;
}

function toBody(values: LoginValues): Partial<LoginBody> {
  return { email: requiredText(values.email), password: values.password === '' ? undefined : values.password };
}

export function LoginForm({ onOutcome }: LoginFormProps): React.JSX.Element {
  const formRef = useRef<HTMLFormElement>(null);
  const login = useLogin();
  const form = useForm<LoginValues>({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: (values) => schemaFormErrors(LoginBody, toBody(values)),
  });

  const submit = (event: FormEvent<HTMLFormElement>): void =>
    form.onSubmit(
      (values) => {
        login.mutate(
          { email: values.email.trim(), password: values.password },
          {
            onSuccess: onOutcome,
            onError: () => form.setFieldValue('password', ''),
          },
        );
      },
      () => focusFirstError(formRef.current),
    )(event);

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Sign in">
      <Stack gap="md">
        {login.isError && (
          <Alert role="alert" color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Could not sign in">
            {login.error.status === 401 && !login.error.problem.detail?.startsWith('Too many')
              ? 'The e-mail address or password is not right. Check them and try again.'
              : errorMessage(login.error)}
          </Alert>
        )}
        <TextInput
          label="E-mail"
          type="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus
          {...form.getInputProps('email')}
        />
        <PasswordInput label="Password" autoComplete="current-password" required {...form.getInputProps('password')} />
        <Button type="submit" fullWidth loading={login.isPending}>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}

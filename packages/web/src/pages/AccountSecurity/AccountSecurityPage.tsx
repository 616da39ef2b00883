import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDevices, IconShieldCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import { authKeys } from '../../api/auth/auth-keys.ts';
import { useLogoutEverywhere } from '../../api/auth/auth-mutations.ts';
import { useMfaStatus } from '../../api/auth/mfa-queries.ts';
import { MfaEnrolment } from '../../components/MfaEnrolment/MfaEnrolment.tsx';
import { PageHeader } from '../../components/PageHeader/PageHeader.tsx';
import { QueryErrorState } from '../../components/QueryErrorState/QueryErrorState.tsx';

/** The signed-in user's own sign-in security: two-step sign-in and signing out on every device. */
export function AccountSecurityPage(): React.JSX.Element {
  useDocumentTitle('Sign-in security · Glia');
  const status = useMfaStatus();
  const queryClient = useQueryClient();
  const [enrolling, setEnrolling] = useState(false);
  const logoutEverywhere = useLogoutEverywhere();

  return (
    <>
      <PageHeader title="Sign-in security" description="Two-step sign-in protects your account if your password is ever guessed or stolen." />
      <Stack gap="lg" maw={640}>
        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm">
            <Group gap="xs">
              <IconShieldCheck aria-hidden />
              <Title order={2} fz="h4">Two-step sign-in (authenticator app)</Title>
            </Group>
            {status.isPending ? (
              <Text c="dimmed" role="status">Loading…</Text>
            ) : status.isError ? (
              <QueryErrorState error={status.error} what="your sign-in settings" onRetry={() => void status.refetch()} />
            ) : status.data.enrolled ? (
              <>
                <Group gap="xs">
                  <Badge color="green">On</Badge>
                  <Text size="sm">{status.data.recoveryCodesLeft} unused recovery codes left.</Text>
                </Group>
                <Text size="sm" c="dimmed">Signatures also ask for the current code. Lost your phone? Sign in with a recovery code, then ask an administrator to reset two-step sign-in.</Text>
              </>
            ) : enrolling ? (
              <MfaEnrolment
                onDone={() => {
                  setEnrolling(false);
                  void queryClient.invalidateQueries({ queryKey: [...authKeys.all, 'mfa'] });
                }}
              />
            ) : (
              <>
                <Group gap="xs">
                  <Badge color="gray">Off</Badge>
                  {status.data.required ? <Text size="sm">Your clinic requires it for your role.</Text> : <Text size="sm">Not required for your role in this clinic.</Text>}
                </Group>
                <Button onClick={() => setEnrolling(true)} w="fit-content">Set up two-step sign-in</Button>
              </>
            )}
          </Stack>
        </Paper>
        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm">
            <Group gap="xs">
              <IconDevices aria-hidden />
              <Title order={2} fz="h4">Sign out everywhere</Title>
            </Group>
            <Text size="sm">Ends your sessions on every tablet and computer, including this one. Use it if you forgot to sign out somewhere.</Text>
            {logoutEverywhere.isError && <Alert color="red" role="alert">{errorMessage(logoutEverywhere.error)}</Alert>}
            <Button color="red" variant="light" w="fit-content" loading={logoutEverywhere.isPending} onClick={() => logoutEverywhere.mutate()}>
              End all my sessions, on every device
            </Button>
          </Stack>
        </Paper>
      </Stack>
    </>
  );
}

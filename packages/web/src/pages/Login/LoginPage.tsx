import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useEffect } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../api/auth/auth-queries.ts';
import { homePathFor } from '../../app/areas.ts';
import { GliaMark } from '../../components/GliaMark/GliaMark.tsx';
import { isSessionEndReason, safeNextPath } from '../../auth/login-path.ts';
import { clearSessionEndReason } from '../../auth/session-end.ts';
import { DemoLoginsNote } from './components/DemoLoginsNote.tsx';
import { LoginForm } from './components/LoginForm.tsx';
import { SessionEndedNotice } from './components/SessionEndedNotice.tsx';

export function LoginPage(): React.JSX.Element {
  useDocumentTitle('Sign in · Glia');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const next = safeNextPath(params.get('next'));
  const reason = params.get('reason');

  useEffect(() => {
    clearSessionEndReason();
  }, []);

  if (me.data) return <Navigate to={next ?? homePathFor(me.data.user.roles)} replace />;

  return (
    <Center component="main" mih="100dvh" p="md" bg="gray.0">
      <Box w="100%" maw={480}>
        <Stack gap="lg">
          <Group gap="sm" justify="center">
            <GliaMark size={40} />
            <Text fz={28} fw={700} c="glia.8">Glia</Text>
          </Group>
          <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="lg">
            <Stack gap="md">
              <Title order={1} fz="h2">Sign in</Title>
              {isSessionEndReason(reason) && <SessionEndedNotice reason={reason} />}
              <LoginForm onSignedIn={(session) => void navigate(next ?? homePathFor(session.user.roles), { replace: true })} />
            </Stack>
          </Paper>
          <DemoLoginsNote />
        </Stack>
      </Box>
    </Center>
  );
}

import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { LoginOutcome, MeResponse } from '@glia/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { authKeys } from '../../api/auth/auth-keys.ts';
import { isMfaChallenge } from '../../api/auth/auth-mutations.ts';
import { MfaEnrolment } from '../../components/MfaEnrolment/MfaEnrolment.tsx';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../api/auth/auth-queries.ts';
import { homePathFor } from '../../app/areas.ts';
import { GliaMark } from '../../components/GliaMark/GliaMark.tsx';
import { isSessionEndReason, safeNextPath } from '../../auth/login-path.ts';
import { clearSessionEndReason } from '../../auth/session-end.ts';
import { DemoLoginsNote } from './components/DemoLoginsNote.tsx';
import { LoginForm } from './components/LoginForm.tsx';
import { MfaStep } from './components/MfaStep.tsx';
import { SessionEndedNotice } from './components/SessionEndedNotice.tsx';

export function LoginPage(): React.JSX.Element {
  useDocumentTitle('Sign in · Glia');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const next = safeNextPath(params.get('next'));
  const reason = params.get('reason');
  const queryClient = useQueryClient();
  const [challenge, setChallenge] = useState<Extract<LoginOutcome, { mfaRequired: true }> | null>(null);
  const signedIn = (session: MeResponse): void => void navigate(next ?? homePathFor(session.user.roles), { replace: true });
  const onOutcome = (outcome: LoginOutcome): void => (isMfaChallenge(outcome) ? setChallenge(outcome) : signedIn(outcome));

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
              <Title order={1} fz="h2">{challenge ? (challenge.enrolmentRequired ? 'Set up two-step sign-in' : 'Two-step sign-in') : 'Sign in'}</Title>
              {!challenge && isSessionEndReason(reason) && <SessionEndedNotice reason={reason} />}
              {!challenge && <LoginForm onOutcome={onOutcome} />}
              {challenge && !challenge.enrolmentRequired && <MfaStep onSignedIn={signedIn} />}
              {challenge?.enrolmentRequired && (
                <>
                  <Text size="sm">Your clinic requires a second step at sign-in for your role. It takes a minute, once.</Text>
                  <MfaEnrolment
                    onDone={(result) => {
                      queryClient.setQueryData(authKeys.me, result.me);
                      signedIn(result.me);
                    }}
                  />
                </>
              )}
            </Stack>
          </Paper>
          <DemoLoginsNote />
        </Stack>
      </Box>
    </Center>
  );
}

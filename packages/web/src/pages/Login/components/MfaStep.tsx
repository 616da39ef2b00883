import type { MeResponse } from '@glia/contracts';
import { Alert, Anchor, Button, PinInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../../api/api-error.ts';
import { useMfaVerify } from '../../../api/auth/auth-mutations.ts';

interface MfaStepProps {
  onSignedIn: (session: MeResponse) => void;
}

const RECOVERY = /^[a-z0-9]{5}-[a-z0-9]{5}$/i;

/** Second step of sign-in: the code from the authenticator app, or a recovery code. */
export function MfaStep({ onSignedIn }: MfaStepProps): React.JSX.Element {
  const verify = useMfaVerify();
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const ready = useRecovery ? RECOVERY.test(recoveryCode.trim()) : /^\d{6}$/.test(code);

  const submit = (event: React.FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!ready) return;
    verify.mutate(useRecovery ? { recoveryCode: recoveryCode.trim() } : { code }, {
      onSuccess: onSignedIn,
      onError: () => {
        setCode('');
        setRecoveryCode('');
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Two-step sign-in">
      <Stack gap="md">
        {verify.isError && (
          <Alert role="alert" color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Not accepted">
            {errorMessage(verify.error)}
          </Alert>
        )}
        {useRecovery ? (
          <TextInput
            label="Recovery code"
            description="One of the codes you saved when you set up two-step sign-in, like abcde-12345."
            autoComplete="off"
            autoFocus
            value={recoveryCode}
            onChange={(e) => setRecoveryCode(e.currentTarget.value)}
            error={recoveryCode && !RECOVERY.test(recoveryCode.trim()) ? 'Must look like abcde-12345' : undefined}
          />
        ) : (
          <Stack gap={6}>
            <Text size="sm" fw={500} id="mfa-code-label">Code from your authenticator app</Text>
            <PinInput length={6} type="number" oneTimeCode autoFocus value={code} onChange={setCode} aria-labelledby="mfa-code-label" inputMode="numeric" />
          </Stack>
        )}
        <Button type="submit" fullWidth disabled={!ready} loading={verify.isPending}>
          Continue
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={() => setUseRecovery((v) => !v)}>
          {useRecovery ? 'Use the code from the app instead' : 'Lost your phone? Use a recovery code'}
        </Anchor>
      </Stack>
    </form>
  );
}

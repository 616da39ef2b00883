import type { MfaConfirmResponse } from '@glia/contracts';
import { Alert, Button, Code, Group, Image, List, PinInput, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import { useMfaConfirm, useMfaEnrol } from '../../api/auth/auth-mutations.ts';

interface MfaEnrolmentProps {
  /** Called once the user has seen the recovery codes and continues. */
  onDone: (result: MfaConfirmResponse) => void;
}

/**
 * Setting up two-step sign-in: scan the QR code (or type the key) into an authenticator app,
 * enter the first code, then keep the one-time recovery codes shown once.
 */
export function MfaEnrolment({ onDone }: MfaEnrolmentProps): React.JSX.Element {
  const enrol = useMfaEnrol();
  const confirm = useMfaConfirm();
  const [code, setCode] = useState('');
  const { mutate: startEnrolment } = enrol;

  useEffect(() => {
    startEnrolment();
  }, [startEnrolment]);

  if (confirm.data) {
    const result = confirm.data;
    return (
      <Stack gap="sm">
        <Alert color="green" variant="light" title="Two-step sign-in is on">
          Keep these recovery codes somewhere safe (printed, or in a password manager). Each one signs you in once if you lose your phone. They are not shown again.
        </Alert>
        <List aria-label="Recovery codes" spacing={4} listStyleType="none" ff="monospace">
          {result.recoveryCodes.map((c) => (
            <List.Item key={c}><Code fz="md">{c}</Code></List.Item>
          ))}
        </List>
        <Button onClick={() => onDone(result)}>I have saved my recovery codes</Button>
      </Stack>
    );
  }

  if (enrol.isError) {
    return (
      <Alert role="alert" color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Could not start the set-up">
        {errorMessage(enrol.error)}
      </Alert>
    );
  }
  if (!enrol.data) return <Text c="dimmed" role="status">Preparing your authenticator key…</Text>;

  const submit = (event: React.FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (/^\d{6}$/.test(code)) confirm.mutate({ code }, { onError: () => setCode('') });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Set up two-step sign-in">
      <Stack gap="sm">
        <Text size="sm">
          1. Open an authenticator app (for example Google Authenticator, Microsoft Authenticator or 1Password) and scan this code.
        </Text>
        <Group justify="center">
          <Image src={enrol.data.qrCodeDataUrl} alt="QR code to add Glia to your authenticator app" w={200} h={200} />
        </Group>
        <Text size="sm">
          Cannot scan? Type this key: <Code data-testid="mfa-secret">{enrol.data.secret}</Code>
        </Text>
        <Text size="sm" id="mfa-first-code-label">2. Enter the 6-digit code the app shows.</Text>
        {confirm.isError && (
          <Alert role="alert" color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Code not accepted">
            {errorMessage(confirm.error)}
          </Alert>
        )}
        <PinInput length={6} type="number" oneTimeCode value={code} onChange={setCode} aria-labelledby="mfa-first-code-label" inputMode="numeric" />
        <Button type="submit" disabled={!/^\d{6}$/.test(code)} loading={confirm.isPending}>
          Turn on two-step sign-in
        </Button>
      </Stack>
    </form>
  );
}

import type { Lot } from '@glia/contracts';
import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useVerifyLot } from '../../../api/inventory/inventory-mutations.ts';
import { useSession } from '../../../auth/session-context.ts';
import { ProblemAlert } from '../../../components/ProblemAlert/ProblemAlert.tsx';
import { fixed2 } from '../inventory-format.ts';

/** A receipt awaiting its second person: anyone but the receiver checks the vials and signs here. */
export function VerifyReceipt({ lot }: { lot: Lot }): React.JSX.Element {
  const me = useSession().user.id;
  const verify = useVerifyLot(lot.id);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!password) {
      setError('Required to sign');
      return;
    }
    verify.mutate({ password }, {
      onSuccess: () => notifications.show({ color: 'green', title: 'Receipt verified', message: `Lot ${lot.lotNumber} is verified.` }),
      onError: () => setPassword(''),
    });
  };
  return (
    <Alert color="orange" variant="light" icon={<IconUserCheck aria-hidden />} title="This receipt awaits a second person's verification">
      {lot.receivedBy.id === me ? (
        <Text size="sm">Ask a colleague to count the {lot.receivedVials} vials ({fixed2(lot.receivedMl)} mL) against invoice {lot.invoiceNumber} and verify it here on their own device.</Text>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Verify this receipt">
          <Stack gap="xs">
            {verify.isError && <ProblemAlert error={verify.error} title="Not verified" />}
            <Text size="sm">Count the {lot.receivedVials} vials ({fixed2(lot.receivedMl)} mL) against invoice {lot.invoiceNumber}, received by {lot.receivedBy.displayName}, then sign.</Text>
            <Group align="flex-end">
              <PasswordInput label="Your password (verifies the receipt)" required autoComplete="current-password" value={password} onChange={(e) => { setPassword(e.currentTarget.value); setError(null); }} error={error} w={320} />
              <Button type="submit" loading={verify.isPending}>Verify receipt</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Alert>
  );
}

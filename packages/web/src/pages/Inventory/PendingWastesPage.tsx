import type { PendingWaste } from '@glia/contracts';
import { Button, Card, EmptyState, Group, Modal, PasswordInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useCancelPendingWaste, useWitnessPendingWaste } from '../../api/inventory/inventory-mutations.ts';
import { usePendingWastes } from '../../api/inventory/inventory-queries.ts';
import { useClinicTimeZone, useSession } from '../../auth/session-context.ts';
import { PageHeader } from '../../components/PageHeader/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert/ProblemAlert.tsx';
import { QueryErrorState } from '../../components/QueryErrorState/QueryErrorState.tsx';
import { TableSkeleton } from '../../components/TableSkeleton/TableSkeleton.tsx';
import { formatInstant } from '../../lib/clinic-time.ts';
import { InventoryTabs } from './components/InventoryTabs.tsx';
import { fixed2 } from './inventory-format.ts';
import { SignerCodeInput, withCode } from '../../components/SignerCodeInput/SignerCodeInput.tsx';

function WitnessDialog({ waste, onClose }: { waste: PendingWaste | null; onClose: () => void }): React.JSX.Element {
  const witness = useWitnessPendingWaste();
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const close = (): void => {
    setPassword('');
    setError(null);
    witness.reset();
    onClose();
  };
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!waste) return;
    if (!password) {
      setError('Required to sign');
      return;
    }
    witness.mutate({ id: waste.id, body: { signature: withCode({ password }, totpCode) } }, {
      onSuccess: () => {
        notifications.show({ color: 'green', title: 'Waste witnessed', message: `${fixed2(waste.quantityMl)} mL of lot ${waste.lotNumber} is recorded as wasted.` });
        close();
      },
      onError: () => setPassword(''),
    });
  };
  return (
    <Modal opened={waste !== null} onClose={close} title="Witness this waste">
      {waste && (
        <form onSubmit={submit} noValidate aria-label="Witness this waste">
          <Stack gap="md">
            {witness.isError && <ProblemAlert error={witness.error} title="Not signed" />}
            <Text size="sm">
              You saw {waste.wastedBy.displayName} waste <b>{fixed2(waste.quantityMl)} mL ({fixed2(waste.quantityMg)} mg)</b> of {waste.productName}, lot {waste.lotNumber}, drawn for {waste.patient.name} ({waste.patient.mrn}).
            </Text>
            <PasswordInput label="Your password (signs as witness)" required autoComplete="current-password" data-autofocus value={password} onChange={(e) => { setPassword(e.currentTarget.value); setError(null); }} error={error} />
            <SignerCodeInput value={totpCode} onChange={setTotpCode} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>Cancel</Button>
              <Button type="submit" loading={witness.isPending}>Sign as witness</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** Wastes recorded on another device, waiting for a second licensed person to sign (rule 35). */
export function PendingWastesPage(): React.JSX.Element {
  useDocumentTitle('Witness wastes · Glia');
  const timeZone = useClinicTimeZone();
  const me = useSession().user.id;
  const pending = usePendingWastes();
  const cancel = useCancelPendingWaste();
  const [signing, setSigning] = useState<PendingWaste | null>(null);

  return (
    <>
      <PageHeader title="Witness wastes" description="A waste is recorded only when a second licensed person signs it, within the same shift (rule 35)." />
      <InventoryTabs pendingWastes={pending.data?.length} />
      {cancel.isError && <ProblemAlert error={cancel.error} title="Not withdrawn" />}
      {pending.isPending ? (
        <TableSkeleton label="Loading wastes" rows={3} />
      ) : pending.isError ? (
        <QueryErrorState error={pending.error} what="the wastes waiting for a witness" onRetry={() => void pending.refetch()} />
      ) : pending.data.length === 0 ? (
        <EmptyState py="xl" icon={<IconSignature size={32} aria-hidden />} withIndicatorBackground>
          <EmptyState.Title order={2}>Nothing to witness</EmptyState.Title>
          <EmptyState.Description>When a colleague records a waste and chooses “the witness signs on their own device”, it appears here.</EmptyState.Description>
        </EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {pending.data.map((w) => (
            <Card key={w.id} withBorder radius="md" aria-label={`Waste of ${fixed2(w.quantityMl)} mL, lot ${w.lotNumber}`}>
              <Stack gap={4}>
                <Text fw={700}>{fixed2(w.quantityMl)} mL · {fixed2(w.quantityMg)} mg</Text>
                <Text size="sm">{w.productName}, lot <Text span ff="monospace" inherit>{w.lotNumber}</Text></Text>
                <Text size="sm">Patient: {w.patient.name} ({w.patient.mrn})</Text>
                <Text size="sm" c="dimmed">Wasted by {w.wastedBy.displayName}, {formatInstant(w.wastedAt, timeZone)}</Text>
              </Stack>
              <Group justify="flex-end" mt="sm">
                {w.wastedBy.id === me ? (
                  <Button size="xs" variant="default" loading={cancel.isPending} onClick={() => cancel.mutate(w.id)}>Withdraw</Button>
                ) : (
                  <Button size="xs" onClick={() => setSigning(w)}>Witness</Button>
                )}
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      )}
      <WitnessDialog waste={signing} onClose={() => setSigning(null)} />
    </>
  );
}

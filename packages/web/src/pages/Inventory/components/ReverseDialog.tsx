import { ReversalCreate } from '@glia/contracts';
import type { LedgerEntry } from '@glia/contracts';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useReverse } from '../../../api/inventory/inventory-mutations.ts';
import { ProblemAlert } from '../../../components/ProblemAlert/ProblemAlert.tsx';
import { requiredText, schemaFormErrors } from '../../../lib/forms/schema-errors.ts';
import { fixed2, kindLabel } from '../inventory-format.ts';

/** Corrects a mistake with a reversing entry; the original stays in the ledger. */
export function ReverseDialog({ lotId, entry, onClose }: { lotId: string; entry: LedgerEntry | null; onClose: () => void }): React.JSX.Element {
  const reverse = useReverse(lotId);
  const form = useForm({ mode: 'controlled', initialValues: { reason: '' }, validate: (v) => schemaFormErrors(ReversalCreate, { reason: requiredText(v.reason) }), validateInputOnChange: true });
  const close = (): void => {
    form.reset();
    reverse.reset();
    onClose();
  };
  return (
    <Modal opened={entry !== null} onClose={close} title={entry ? `Reverse entry ${entry.seq}` : ''}>
      {entry && (
        <form
          noValidate
          aria-label="Reverse an entry"
          onSubmit={form.onSubmit((v) =>
            reverse.mutate({ entryId: entry.id, reason: v.reason.trim() }, {
              onSuccess: () => {
                notifications.show({ color: 'green', title: 'Entry reversed', message: `Entry ${entry.seq} is undone by a reversing entry.` });
                close();
              },
            }),
          )}
        >
          <Stack gap="md">
            {reverse.isError && <ProblemAlert error={reverse.error} title="Not reversed" />}
            <Text size="sm">
              {kindLabel(entry)} of {fixed2(Math.abs(entry.quantityMl))} mL at {entry.locationName}. The entry stays in the ledger; a reversing entry with your reason cancels it.
              {entry.transferId ? ' Both legs of the transfer are reversed.' : ''}
            </Text>
            <Textarea label="Reason" required autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>Cancel</Button>
              <Button type="submit" color="red" loading={reverse.isPending}>Reverse</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

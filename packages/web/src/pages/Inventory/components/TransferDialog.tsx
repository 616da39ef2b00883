import { TransferCreate } from '@glia/contracts';
import type { LotDetail, StorageLocation } from '@glia/contracts';
import { Button, Group, Modal, NativeSelect, NumberInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTransfer } from '../../../api/inventory/inventory-mutations.ts';
import { ProblemAlert } from '../../../components/ProblemAlert/ProblemAlert.tsx';
import { schemaFormErrors } from '../../../lib/forms/schema-errors.ts';
import { fixed2, numberOrUndefined } from '../inventory-format.ts';

interface Values {
  fromLocationId: string;
  toLocationId: string;
  ml: string | number;
}

const toDraft = (v: Values): Record<string, unknown> => ({ fromLocationId: v.fromLocationId || undefined, toLocationId: v.toLocationId || undefined, ml: numberOrUndefined(v.ml) });

/** Move stock of the lot from one safe or cabinet to another. */
export function TransferDialog({ lot, locations, opened, onClose }: { lot: LotDetail; locations: StorageLocation[]; opened: boolean; onClose: () => void }): React.JSX.Element {
  const transfer = useTransfer(lot.id);
  const from = lot.locations.filter((l) => l.balanceMl > 0);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { fromLocationId: from[0]?.locationId ?? '', toLocationId: '', ml: '' },
    validate: (v) => schemaFormErrors(TransferCreate, toDraft(v)),
    validateInputOnChange: true,
  });
  const close = (): void => {
    form.reset();
    transfer.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={`Move lot ${lot.lotNumber}`}>
      <form
        noValidate
        aria-label="Move stock"
        onSubmit={form.onSubmit((v) => {
          const parsed = TransferCreate.safeParse(toDraft(v));
          if (parsed.success) transfer.mutate(parsed.data, { onSuccess: () => { notifications.show({ color: 'green', title: 'Stock moved', message: `${fixed2(parsed.data.ml)} mL moved.` }); close(); } });
        })}
      >
        <Stack gap="md">
          {transfer.isError && <ProblemAlert error={transfer.error} title="Nothing was moved" />}
          <NativeSelect label="From" required data={[{ value: '', label: 'Choose' }, ...from.map((l) => ({ value: l.locationId, label: `${l.locationName} (${fixed2(l.balanceMl)} mL)` }))]} {...form.getInputProps('fromLocationId')} />
          <NativeSelect label="To" required data={[{ value: '', label: 'Choose' }, ...locations.filter((l) => l.id !== form.values.fromLocationId).map((l) => ({ value: l.id, label: l.name }))]} {...form.getInputProps('toLocationId')} />
          <NumberInput label="Volume (mL)" required min={0} decimalScale={2} description={`${fixed2(lot.vialVolumeMl)} mL per vial`} {...form.getInputProps('ml')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>Cancel</Button>
            <Button type="submit" loading={transfer.isPending}>Move</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

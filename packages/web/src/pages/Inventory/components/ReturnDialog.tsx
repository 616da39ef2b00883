import { ReturnCreate } from '@glia/contracts';
import type { LotDetail } from '@glia/contracts';
import { Button, Group, Modal, NativeSelect, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useReturnStock } from '../../../api/inventory/inventory-mutations.ts';
import { ProblemAlert } from '../../../components/ProblemAlert/ProblemAlert.tsx';
import { optionalText, requiredText, schemaFormErrors } from '../../../lib/forms/schema-errors.ts';
import { fixed2, numberOrUndefined } from '../inventory-format.ts';

interface Values {
  locationId: string;
  ml: string | number;
  reason: string;
  route: string;
  recipient: string;
  recipientDeaNumber: string;
  reference: string;
}

const toDraft = (v: Values): Record<string, unknown> => ({
  locationId: v.locationId || undefined,
  ml: numberOrUndefined(v.ml),
  reason: v.reason || undefined,
  route: v.route || undefined,
  recipient: requiredText(v.recipient),
  recipientDeaNumber: optionalText(v.recipientDeaNumber),
  reference: requiredText(v.reference),
});

/** Stock leaves through a reverse distributor or DEA Form 41 (rule 39), never the waste log. */
export function ReturnDialog({ lot, opened, onClose }: { lot: LotDetail; opened: boolean; onClose: () => void }): React.JSX.Element {
  const returnStock = useReturnStock(lot.id);
  const holding = lot.locations.filter((l) => l.balanceMl > 0);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { locationId: holding[0]?.locationId ?? '', ml: holding[0]?.balanceMl ?? '', reason: lot.expiryStatus === 'expired' ? 'expired' : '', route: 'reverse-distributor', recipient: '', recipientDeaNumber: '', reference: '' },
    validate: (v) => schemaFormErrors(ReturnCreate, toDraft(v)),
    validateInputOnChange: true,
  });
  const close = (): void => {
    form.reset();
    returnStock.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={`Return or destroy lot ${lot.lotNumber}`} size="lg">
      <form
        noValidate
        aria-label="Return stock"
        onSubmit={form.onSubmit((v) => {
          const parsed = ReturnCreate.safeParse(toDraft(v));
          if (parsed.success) returnStock.mutate(parsed.data, { onSuccess: () => { notifications.show({ color: 'green', title: 'Stock returned', message: `${fixed2(parsed.data.ml)} mL left the inventory.` }); close(); } });
        })}
      >
        <Stack gap="md">
          {returnStock.isError && <ProblemAlert error={returnStock.error} title="Nothing was returned" />}
          <Text size="sm" c="dimmed">Expired, unwanted or recalled stock leaves only through a reverse distributor (or the supplier) or DEA Form 41 — never the waste log (rule 39).</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect label="From" required data={[{ value: '', label: 'Choose' }, ...holding.map((l) => ({ value: l.locationId, label: `${l.locationName} (${fixed2(l.balanceMl)} mL)` }))]} {...form.getInputProps('locationId')} />
            <NumberInput label="Volume (mL)" required min={0} decimalScale={2} {...form.getInputProps('ml')} />
            <NativeSelect label="Why" required data={[{ value: '', label: 'Choose' }, { value: 'expired', label: 'Expired' }, { value: 'unwanted', label: 'Unwanted' }, { value: 'recalled', label: 'Recalled' }]} {...form.getInputProps('reason')} />
            <NativeSelect label="How" required data={[{ value: 'reverse-distributor', label: 'Reverse distributor or supplier' }, { value: 'form-41', label: 'Destroyed, DEA Form 41' }]} {...form.getInputProps('route')} />
            <TextInput label="Taken by" required description="Reverse distributor or supplier, or the Form 41 witnesses" {...form.getInputProps('recipient')} />
            <TextInput label="Their DEA number" description="Optional" {...form.getInputProps('recipientDeaNumber')} />
            <TextInput label="Reference" required description="Return authorisation, invoice or Form 41 number" {...form.getInputProps('reference')} />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>Cancel</Button>
            <Button type="submit" loading={returnStock.isPending}>Record return</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

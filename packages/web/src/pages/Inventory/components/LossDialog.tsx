import { LossCreate } from '@glia/contracts';
import type { LotDetail } from '@glia/contracts';
import { Button, Group, Modal, NativeSelect, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useRecordLoss } from '../../../api/inventory/inventory-mutations.ts';
import { ProblemAlert } from '../../../components/ProblemAlert/ProblemAlert.tsx';
import { formatCalendarDate } from '../../../lib/clinic-time.ts';
import { requiredText, schemaFormErrors } from '../../../lib/forms/schema-errors.ts';
import { fixed2, numberOrUndefined } from '../inventory-format.ts';
import { SecondSignerFields } from './SecondSignerFields.tsx';

interface Values {
  locationId: string;
  ml: string | number;
  kind: string;
  description: string;
  witness: { email: string; signature: { password: string } };
}

const toDraft = (v: Values): Record<string, unknown> => ({
  locationId: v.locationId || undefined,
  ml: numberOrUndefined(v.ml),
  kind: v.kind || undefined,
  description: requiredText(v.description),
  ...(v.kind === 'breakage' ? { witness: { email: requiredText(v.witness.email), signature: { password: v.witness.signature.password || undefined } } } : {}),
});

/** A loss, theft or breakage. A theft or significant loss starts the DEA deadlines (rule 38). */
export function LossDialog({ lot, opened, onClose }: { lot: LotDetail; opened: boolean; onClose: () => void }): React.JSX.Element {
  const loss = useRecordLoss(lot.id);
  const holding = lot.locations.filter((l) => l.balanceMl > 0);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { locationId: holding[0]?.locationId ?? '', ml: '', kind: '', description: '', witness: { email: '', signature: { password: '' } } },
    validate: (v) => schemaFormErrors(LossCreate, toDraft(v)),
    validateInputOnChange: true,
  });
  const close = (): void => {
    form.reset();
    loss.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={`Record a loss from lot ${lot.lotNumber}`}>
      <form
        noValidate
        aria-label="Record a loss"
        onSubmit={form.onSubmit((v) => {
          const parsed = LossCreate.safeParse(toDraft(v));
          if (!parsed.success) return;
          loss.mutate(parsed.data, {
            onSuccess: (result) => {
              const report = result.lossReport;
              notifications.show(
                report
                  ? { color: 'red', autoClose: false, title: 'DEA deadlines started (rule 38)', message: `Written notice due ${formatCalendarDate(report.deadlines[0]!.dueOn)}; Form 106 due ${formatCalendarDate(report.deadlines[1]!.dueOn)}.` }
                  : { color: 'green', title: 'Loss recorded', message: `${fixed2(result.entry.quantityMl)} mL.` },
              );
              close();
            },
            onError: () => form.setFieldValue('witness.signature.password', ''),
          });
        })}
      >
        <Stack gap="md">
          {loss.isError && <ProblemAlert error={loss.error} title="The loss was not recorded" />}
          <NativeSelect
            label="What happened"
            required
            data={[
              { value: '', label: 'Choose' },
              { value: 'theft', label: 'Theft (starts DEA deadlines)' },
              { value: 'significant-loss', label: 'Significant loss (starts DEA deadlines)' },
              { value: 'breakage', label: 'Breakage or spill, witnessed' },
              { value: 'minor-loss', label: 'Other loss' },
            ]}
            {...form.getInputProps('kind')}
          />
          <NativeSelect label="Where" required data={[{ value: '', label: 'Choose' }, ...holding.map((l) => ({ value: l.locationId, label: `${l.locationName} (${fixed2(l.balanceMl)} mL)` }))]} {...form.getInputProps('locationId')} />
          <NumberInput label="Volume lost (mL)" required min={0} decimalScale={2} {...form.getInputProps('ml')} />
          <Textarea label="What was found" required autosize minRows={2} {...form.getInputProps('description')} />
          {(form.values.kind === 'theft' || form.values.kind === 'significant-loss') && (
            <Text size="sm" c="red">Written notice to the DEA Field Division is due by the end of the next business day, DEA Form 106 within 45 days.</Text>
          )}
          {form.values.kind === 'breakage' && (
            <SecondSignerFields role="Witness" explanation="A breakage record is signed by two people (rule 39)." emailInput={form.getInputProps('witness.email')} passwordInput={form.getInputProps('witness.signature.password')} />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>Cancel</Button>
            <Button type="submit" color="red" loading={loss.isPending}>Record loss</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { DrawCreate } from '@glia/contracts';
import type { LotDetail } from '@glia/contracts';
import { Button, Group, Modal, NativeSelect, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useRef } from 'react';
import type { FormEvent } from 'react';
import { useDraw } from '../../../api/inventory/inventory-mutations.ts';
import { ProblemAlert } from '../../../components/ProblemAlert/ProblemAlert.tsx';
import { focusFirstError } from '../../../lib/forms/focus-first-error.ts';
import { schemaFormErrors } from '../../../lib/forms/schema-errors.ts';
import { fixed2, numberOrUndefined } from '../inventory-format.ts';
import { showServerErrors, unmatchedServerErrors } from '../inventory-forms.ts';

interface DrawValues {
  unit: 'mg' | 'ml';
  amount: string | number;
  locationId: string;
}

const toDraft = (v: DrawValues): Record<string, unknown> => ({
  [v.unit]: numberOrUndefined(v.amount),
  ...(v.locationId ? { locationId: v.locationId } : {}),
});

/** Draw a dose from the lot into a syringe. */
export function DrawDialog({ lot, opened, onClose, onDrawn }: { lot: LotDetail; opened: boolean; onClose: () => void; onDrawn: (drawId: string) => void }): React.JSX.Element {
  const formRef = useRef<HTMLFormElement>(null);
  const draw = useDraw(lot.id);
  const holding = lot.locations.filter((l) => l.balanceMl > 0);
  const form = useForm<DrawValues>({
    mode: 'controlled',
    initialValues: { unit: 'mg', amount: '', locationId: holding.length === 1 ? holding[0]!.locationId : '' },
    validate: (values) => {
      const errors = schemaFormErrors(DrawCreate, toDraft(values));
      const amountError = errors.mg ?? errors.ml;
      return { ...(amountError ? { amount: amountError } : {}), ...(holding.length > 1 && !values.locationId ? { locationId: 'Choose where the vial is' } : {}) };
    },
    validateInputOnChange: true,
  });
  const amount = numberOrUndefined(form.values.amount);
  const ml = amount === undefined || Number.isNaN(amount) ? null : form.values.unit === 'ml' ? amount : Math.round((amount / lot.concentrationMgPerMl) * 100) / 100;

  const close = (): void => {
    form.reset();
    draw.reset();
    onClose();
  };
  const submit = (event: FormEvent<HTMLFormElement>): void =>
    form.onSubmit(
      (values) => {
        const parsed = DrawCreate.safeParse(toDraft(values));
        if (!parsed.success) return;
        draw.mutate(parsed.data, {
          onSuccess: (result) => {
            notifications.show({ color: 'green', title: 'Dose drawn', message: `${fixed2(result.entry.quantityMl)} mL (${fixed2(result.entry.quantityMg)} mg) from lot ${lot.lotNumber}. ${fixed2(result.balanceMl)} mL left.` });
            form.reset();
            onDrawn(result.entry.id);
          },
          onError: (error) => showServerErrors(form, error, formRef.current),
        });
      },
      () => focusFirstError(formRef.current),
    )(event);

  return (
    <Modal opened={opened} onClose={close} title={`Draw from lot ${lot.lotNumber}`}>
      <form ref={formRef} onSubmit={submit} noValidate aria-label="Draw a dose">
        <Stack gap="md">
          {draw.isError && <ProblemAlert error={draw.error} title="Nothing was drawn" fields={unmatchedServerErrors(form, draw.error)} />}
          <Text size="sm" c="dimmed">{lot.productName}: {lot.concentrationMgPerMl} mg/mL. Volumes are rounded to 0.01 mL.</Text>
          <SegmentedControl
            aria-label="Unit"
            data={[{ value: 'mg', label: 'Dose in mg' }, { value: 'ml', label: 'Volume in mL' }]}
            value={form.values.unit}
            onChange={(v) => form.setFieldValue('unit', v as DrawValues['unit'])}
          />
          <NumberInput
            label={form.values.unit === 'mg' ? 'Dose (mg)' : 'Volume (mL)'}
            required
            data-autofocus
            min={0}
            decimalScale={2}
            description={ml !== null && ml > 0 ? `${fixed2(ml)} mL = ${fixed2(ml * lot.concentrationMgPerMl)} mg` : undefined}
            {...form.getInputProps('amount')}
          />
          {holding.length > 1 && (
            <NativeSelect
              label="From"
              required
              data={[{ value: '', label: 'Choose where the vial is' }, ...holding.map((l) => ({ value: l.locationId, label: `${l.locationName} (${fixed2(l.balanceMl)} mL)` }))]}
              {...form.getInputProps('locationId')}
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>Cancel</Button>
            <Button type="submit" loading={draw.isPending}>Draw</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

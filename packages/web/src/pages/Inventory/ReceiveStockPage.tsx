import { LotReceive } from '@glia/contracts';
import { Button, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useRef } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useReceiveLot } from '../../api/inventory/inventory-mutations.ts';
import { useLocations, useProducts } from '../../api/inventory/inventory-queries.ts';
import { PageHeader } from '../../components/PageHeader/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert/ProblemAlert.tsx';
import { QueryErrorState } from '../../components/QueryErrorState/QueryErrorState.tsx';
import { focusFirstError } from '../../lib/forms/focus-first-error.ts';
import { optionalText, requiredText, schemaFormErrors } from '../../lib/forms/schema-errors.ts';
import { InventoryTabs } from './components/InventoryTabs.tsx';
import { SecondSignerFields } from './components/SecondSignerFields.tsx';
import { fixed2, numberOrUndefined } from './inventory-format.ts';
import { showServerErrors, unmatchedServerErrors } from './inventory-forms.ts';

interface ReceiveValues {
  productId: string;
  locationId: string;
  lotNumber: string;
  expiresOn: string;
  supplier: string;
  supplierDeaNumber: string;
  invoiceNumber: string;
  vials: string | number;
  verifier: { email: string; signature: { password: string } };
}

const EMPTY: ReceiveValues = {
  productId: '', locationId: '', lotNumber: '', expiresOn: '', supplier: '', supplierDeaNumber: '', invoiceNumber: '', vials: '',
  verifier: { email: '', signature: { password: '' } },
};

const toDraft = (v: ReceiveValues): Record<string, unknown> => ({
  productId: requiredText(v.productId),
  locationId: requiredText(v.locationId),
  lotNumber: requiredText(v.lotNumber),
  expiresOn: requiredText(v.expiresOn),
  supplier: requiredText(v.supplier),
  supplierDeaNumber: optionalText(v.supplierDeaNumber),
  invoiceNumber: requiredText(v.invoiceNumber),
  vials: numberOrUndefined(v.vials),
  // Both verifier fields left empty: a second person verifies later, on their own device.
  ...(v.verifier.email.trim() === '' && v.verifier.signature.password === ''
    ? {}
    : { verifier: { email: requiredText(v.verifier.email), signature: { password: v.verifier.signature.password === '' ? undefined : v.verifier.signature.password } } }),
});

/** Receiving a shipment: the lot, its invoice or packing slip, and a second person's verification. */
export function ReceiveStockPage(): React.JSX.Element {
  useDocumentTitle('Receive stock · Glia');
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const products = useProducts();
  const locations = useLocations();
  const receive = useReceiveLot();
  const form = useForm<ReceiveValues>({
    mode: 'controlled',
    initialValues: EMPTY,
    validate: (values) => schemaFormErrors(LotReceive, toDraft(values)),
    validateInputOnChange: true,
  });
  const product = products.data?.find((p) => p.id === form.values.productId);
  const vials = numberOrUndefined(form.values.vials);

  const submit = (event: FormEvent<HTMLFormElement>): void =>
    form.onSubmit(
      (values) => {
        const parsed = LotReceive.safeParse(toDraft(values));
        if (!parsed.success) return;
        receive.mutate(parsed.data, {
          onSuccess: (lot) => {
            notifications.show({ color: 'green', title: 'Stock received', message: `Lot ${lot.lotNumber}: ${fixed2(lot.receivedMl)} mL (${fixed2(lot.receivedMg)} mg) recorded${lot.verifiedBy ? '' : '; a second person verifies it on the lot page'}.` });
            void navigate(`/inventory/lots/${lot.id}`);
          },
          onError: (error) => {
            form.setFieldValue('verifier.signature.password', '');
            showServerErrors(form, error, formRef.current);
          },
        });
      },
      () => focusFirstError(formRef.current),
    )(event);

  if (products.isError || locations.isError) return <QueryErrorState error={products.error ?? locations.error} what="the products and storage locations" />;

  return (
    <>
      <PageHeader title="Receive stock" description="Record a shipment from its invoice or packing slip. A second person checks the vials against it and signs." />
      <InventoryTabs />
      <Paper component="form" ref={formRef} onSubmit={submit} noValidate aria-label="Receive stock" withBorder radius="md" p="lg" maw={860}>
        <Stack gap="md">
          {receive.isError && <ProblemAlert error={receive.error} title="The shipment was not recorded" fields={unmatchedServerErrors(form, receive.error)} />}
          {(products.data?.length ?? 1) === 0 && (
            <Text c="dimmed">No drug products are set up yet. The medical director adds them under <Link to="/inventory/setup">Products and storage</Link>.</Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label="Product"
              required
              data={[{ value: '', label: products.isPending ? 'Loading…' : 'Choose a product' }, ...(products.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (NDC ${p.ndc}, C-${p.schedule})` }))]}
              {...form.getInputProps('productId')}
            />
            <NativeSelect
              label="Put into"
              required
              data={[{ value: '', label: locations.isPending ? 'Loading…' : 'Choose a safe or cabinet' }, ...(locations.data ?? []).map((l) => ({ value: l.id, label: l.name }))]}
              {...form.getInputProps('locationId')}
            />
            <TextInput label="Lot number" required autoComplete="off" spellCheck={false} {...form.getInputProps('lotNumber')} />
            <TextInput label="Expiry date" type="date" required {...form.getInputProps('expiresOn')} />
            <TextInput label="Supplier" required autoComplete="off" {...form.getInputProps('supplier')} />
            <TextInput label="Supplier DEA number" description="Optional: two letters and seven digits" autoComplete="off" spellCheck={false} {...form.getInputProps('supplierDeaNumber')} />
            <TextInput label="Invoice or packing slip number" required autoComplete="off" spellCheck={false} {...form.getInputProps('invoiceNumber')} />
            <NumberInput
              label="Vials received"
              required
              min={1}
              max={1000}
              allowDecimal={false}
              description={product && vials && Number.isInteger(vials) && vials > 0 ? `${fixed2(vials * product.vialVolumeMl)} mL = ${fixed2(vials * product.vialVolumeMl * product.concentrationMgPerMl)} mg` : product ? `${fixed2(product.vialVolumeMl)} mL per vial` : undefined}
              {...form.getInputProps('vials')}
            />
          </SimpleGrid>
          <SecondSignerFields
            role="Verifier"
            required={false}
            explanation="A second nurse, prescriber or the medical director counts the vials against the invoice, then types their own e-mail and password here. Leave both empty if they will verify later on their own device."
            emailInput={form.getInputProps('verifier.email')}
            passwordInput={form.getInputProps('verifier.signature.password')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" component={Link} to="/inventory">Cancel</Button>
            <Button type="submit" loading={receive.isPending}>Record receipt</Button>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}

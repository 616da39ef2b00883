import { DrugProductCreate, StorageLocationCreate } from '@glia/contracts';
import { Button, Card, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useCreateLocation, useCreateProduct } from '../../api/inventory/inventory-mutations.ts';
import { useLocations, useProducts } from '../../api/inventory/inventory-queries.ts';
import { PageHeader } from '../../components/PageHeader/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert/ProblemAlert.tsx';
import { QueryErrorState } from '../../components/QueryErrorState/QueryErrorState.tsx';
import { requiredText, schemaFormErrors } from '../../lib/forms/schema-errors.ts';
import { InventoryTabs } from './components/InventoryTabs.tsx';
import { fixed2, numberOrUndefined } from './inventory-format.ts';
import { useInventoryOversight } from './inventory-roles.ts';

interface ProductValues {
  name: string;
  ndc: string;
  concentrationMgPerMl: string | number;
  vialVolumeMl: string | number;
  schedule: string;
}

const productDraft = (v: ProductValues): Record<string, unknown> => ({
  name: requiredText(v.name),
  ndc: requiredText(v.ndc),
  concentrationMgPerMl: numberOrUndefined(v.concentrationMgPerMl),
  vialVolumeMl: numberOrUndefined(v.vialVolumeMl),
  schedule: v.schedule || undefined,
});

function AddProduct(): React.JSX.Element {
  const create = useCreateProduct();
  const form = useForm<ProductValues>({ mode: 'controlled', initialValues: { name: '', ndc: '', concentrationMgPerMl: '', vialVolumeMl: '', schedule: 'III' }, validate: (v) => schemaFormErrors(DrugProductCreate, productDraft(v)), validateInputOnChange: true });
  return (
    <form noValidate aria-label="Add a product" onSubmit={form.onSubmit((v) => {
      const parsed = DrugProductCreate.safeParse(productDraft(v));
      if (parsed.success) create.mutate(parsed.data, { onSuccess: (p) => { notifications.show({ color: 'green', title: 'Product added', message: p.name }); form.reset(); } });
    })}>
      <Stack gap="sm">
        {create.isError && <ProblemAlert error={create.error} title="Not added" />}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Name" required {...form.getInputProps('name')} />
          <TextInput label="NDC" required description="With dashes, e.g. 12345-678-90" {...form.getInputProps('ndc')} />
          <NumberInput label="Concentration (mg/mL)" required min={1} allowDecimal={false} {...form.getInputProps('concentrationMgPerMl')} />
          <NumberInput label="Vial volume (mL)" required min={0} decimalScale={2} {...form.getInputProps('vialVolumeMl')} />
          <NativeSelect label="DEA schedule" data={['II', 'III', 'IV', 'V'].map((s) => ({ value: s, label: `Schedule ${s}` }))} {...form.getInputProps('schedule')} />
        </SimpleGrid>
        <Text size="xs" c="dimmed">A product is never changed once added: records refer to it.</Text>
        <Group><Button type="submit" loading={create.isPending}>Add product</Button></Group>
      </Stack>
    </form>
  );
}

function AddLocation(): React.JSX.Element {
  const create = useCreateLocation();
  const form = useForm({ mode: 'controlled', initialValues: { name: '', kind: 'safe' }, validate: (v) => schemaFormErrors(StorageLocationCreate, { name: requiredText(v.name), kind: v.kind }), validateInputOnChange: true });
  return (
    <form noValidate aria-label="Add a location" onSubmit={form.onSubmit((v) => create.mutate({ name: v.name.trim(), kind: v.kind as 'safe' | 'cabinet' }, { onSuccess: () => form.reset() }))}>
      <Stack gap="sm">
        {create.isError && <ProblemAlert error={create.error} title="Not added" />}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Location name" required {...form.getInputProps('name')} />
          <NativeSelect label="Kind" data={[{ value: 'safe', label: 'Safe' }, { value: 'cabinet', label: 'Locked cabinet' }]} {...form.getInputProps('kind')} />
        </SimpleGrid>
        <Group><Button type="submit" loading={create.isPending}>Add location</Button></Group>
      </Stack>
    </form>
  );
}

/** Drug products and storage locations; the medical director adds them. */
export function SetupPage(): React.JSX.Element {
  useDocumentTitle('Products and storage · Glia');
  const director = useInventoryOversight();
  const products = useProducts();
  const locations = useLocations();
  return (
    <>
      <PageHeader title="Products and storage" description="The drug products the clinic buys and the safes and locked cabinets where they are kept (21 CFR 1301.75)." />
      <InventoryTabs />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Card withBorder radius="md">
          <Title order={2} size="h4" mb="sm">Drug products</Title>
          {products.isError ? <QueryErrorState error={products.error} what="the products" /> : (
            <Table aria-label="Drug products" mb="md">
              <Table.Thead><Table.Tr><Table.Th scope="col">Name</Table.Th><Table.Th scope="col">NDC</Table.Th><Table.Th scope="col">mg/mL</Table.Th><Table.Th scope="col">Vial</Table.Th><Table.Th scope="col">Schedule</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {(products.data ?? []).map((p) => (
                  <Table.Tr key={p.id}><Table.Td>{p.name}</Table.Td><Table.Td ff="monospace">{p.ndc}</Table.Td><Table.Td>{p.concentrationMgPerMl}</Table.Td><Table.Td>{fixed2(p.vialVolumeMl)} mL</Table.Td><Table.Td>{p.schedule}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {director ? <AddProduct /> : <Text size="sm" c="dimmed">The medical director adds products.</Text>}
        </Card>
        <Card withBorder radius="md">
          <Title order={2} size="h4" mb="sm">Storage locations</Title>
          {locations.isError ? <QueryErrorState error={locations.error} what="the locations" /> : (
            <Table aria-label="Storage locations" mb="md">
              <Table.Thead><Table.Tr><Table.Th scope="col">Name</Table.Th><Table.Th scope="col">Kind</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {(locations.data ?? []).map((l) => <Table.Tr key={l.id}><Table.Td>{l.name}</Table.Td><Table.Td>{l.kind === 'safe' ? 'Safe' : 'Locked cabinet'}</Table.Td></Table.Tr>)}
              </Table.Tbody>
            </Table>
          )}
          {director ? <AddLocation /> : <Text size="sm" c="dimmed">The medical director adds locations.</Text>}
        </Card>
      </SimpleGrid>
    </>
  );
}

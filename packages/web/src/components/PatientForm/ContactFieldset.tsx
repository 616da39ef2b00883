import { Fieldset, SimpleGrid, TextInput } from '@mantine/core';
import type { PatientForm } from './PatientFormFields.tsx';

export function ContactFieldset({ form }: { form: PatientForm }): React.JSX.Element {
  return (
    <Fieldset legend="Contact" radius="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <TextInput label="Phone" type="tel" inputMode="tel" autoComplete="off" {...form.getInputProps('phone')} />
        <TextInput
          label="E-mail"
          type="email"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          autoComplete="off"
          {...form.getInputProps('email')}
        />
        <TextInput label="Address line 1" autoComplete="off" {...form.getInputProps('address.line1')} />
        <TextInput label="Address line 2" autoComplete="off" {...form.getInputProps('address.line2')} />
        <TextInput label="City" autoComplete="off" {...form.getInputProps('address.city')} />
        <TextInput label="State or region" autoComplete="off" {...form.getInputProps('address.region')} />
        <TextInput label="Postal code" autoComplete="off" {...form.getInputProps('address.postalCode')} />
        <TextInput
          label="Country"
          description="Two-letter code, e.g. US"
          maxLength={2}
          autoCapitalize="characters"
          autoComplete="off"
          {...form.getInputProps('address.country')}
        />
      </SimpleGrid>
    </Fieldset>
  );
}

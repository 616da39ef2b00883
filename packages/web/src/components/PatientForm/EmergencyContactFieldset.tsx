import { Fieldset, SimpleGrid, TextInput } from '@mantine/core';
import type { PatientForm } from './PatientFormFields.tsx';

export function EmergencyContactFieldset({ form }: { form: PatientForm }): React.JSX.Element {
  return (
    <Fieldset legend="Emergency contact" radius="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
        <TextInput label="Emergency contact name" autoComplete="off" {...form.getInputProps('emergencyContact.name')} />
        <TextInput
          label="Relationship to patient"
          placeholder="e.g. spouse, parent"
          autoComplete="off"
          {...form.getInputProps('emergencyContact.relationship')}
        />
        <TextInput
          label="Emergency contact phone"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          {...form.getInputProps('emergencyContact.phone')}
        />
      </SimpleGrid>
    </Fieldset>
  );
}

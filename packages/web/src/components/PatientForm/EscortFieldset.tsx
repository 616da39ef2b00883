import { Fieldset, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import type { PatientForm } from './PatientFormFields.tsx';

export function EscortFieldset({ form }: { form: PatientForm }): React.JSX.Element {
  const hintId = useId();
  return (
    <Fieldset legend="Usual escort (ride home)" radius="md" aria-describedby={hintId}>
      <Text id={hintId} size="sm" c="dimmed" mb="sm">
        The person who usually takes the patient home after an infusion. Patients must not drive themselves home after
        ketamine. Leave blank if not known yet.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <TextInput label="Escort name" autoComplete="off" {...form.getInputProps('usualEscort.name')} />
        <TextInput label="Escort phone" type="tel" inputMode="tel" autoComplete="off" {...form.getInputProps('usualEscort.phone')} />
      </SimpleGrid>
    </Fieldset>
  );
}

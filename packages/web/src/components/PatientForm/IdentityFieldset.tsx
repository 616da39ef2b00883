import { Fieldset, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { SEX_AT_BIRTH_OPTIONS } from '../../lib/patient-labels.ts';
import type { PatientForm } from './PatientFormFields.tsx';

const today = (): string => new Date().toISOString().slice(0, 10);

export function IdentityFieldset({ form }: { form: PatientForm }): React.JSX.Element {
  return (
    <Fieldset legend="Identity" radius="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
        <TextInput label="Given name" required autoComplete="off" {...form.getInputProps('givenName')} />
        <TextInput label="Family name" required autoComplete="off" {...form.getInputProps('familyName')} />
        <TextInput
          label="Preferred name"
          description="What the patient likes to be called"
          autoComplete="off"
          {...form.getInputProps('preferredName')}
        />
        <TextInput
          label="Date of birth"
          type="date"
          required
          min="1900-01-01"
          max={today()}
          autoComplete="off"
          {...form.getInputProps('birthDate')}
        />
        <NativeSelect
          label="Sex at birth"
          required
          data={[{ value: '', label: 'Choose…' }, ...SEX_AT_BIRTH_OPTIONS]}
          {...form.getInputProps('sexAtBirth')}
        />
        <TextInput label="Gender identity" autoComplete="off" {...form.getInputProps('genderIdentity')} />
        <TextInput label="Pronouns" placeholder="e.g. she/her, they/them" autoComplete="off" {...form.getInputProps('pronouns')} />
      </SimpleGrid>
    </Fieldset>
  );
}

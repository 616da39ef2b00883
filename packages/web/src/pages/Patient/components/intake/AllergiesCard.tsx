import type { Allergy } from '@glia/contracts';
import { Button, Group, List, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useAddAllergy } from '../../../../api/intake/intake-mutations.ts';
import { ChartSection } from '../../../../components/ChartSection/ChartSection.tsx';
import { ProblemAlert } from '../../../../components/ProblemAlert/ProblemAlert.tsx';
import { applyServerErrors, textOrNull } from './form-helpers.ts';

export function AllergiesCard({ patientId, allergies }: { patientId: string; allergies: Allergy[] }): React.JSX.Element {
  const add = useAddAllergy(patientId);
  const form = useForm({
    mode: 'controlled',
    initialValues: { substance: '', reaction: '', severity: 'unknown' },
    validate: { substance: (v: string) => (v.trim() === '' ? 'Required' : null) },
    validateInputOnChange: true,
  });
  return (
    <ChartSection title="Allergies">
      <Stack gap="md">
        {allergies.length === 0 ? <Text c="dimmed">No allergy recorded.</Text> : (
          <List aria-label="Allergies">
            {allergies.map((a) => <List.Item key={a.id}><Text span fw={600}>{a.substance}</Text>{a.reaction ? ` — ${a.reaction}` : ''} ({a.severity})</List.Item>)}
          </List>
        )}
        <form aria-label="Add an allergy" onSubmit={form.onSubmit((v) => add.mutate(
          { substance: v.substance.trim(), reaction: textOrNull(v.reaction), severity: v.severity as 'unknown' },
          { onSuccess: () => form.reset(), onError: (e) => void applyServerErrors(form, e) },
        ))}>
          <SimpleGrid cols={{ base: 1, sm: 4 }} style={{ alignItems: 'end' }}>
            <TextInput label="Substance" required {...form.getInputProps('substance')} />
            <TextInput label="Reaction" {...form.getInputProps('reaction')} />
            <NativeSelect label="Severity" data={['mild', 'moderate', 'severe', 'unknown']} {...form.getInputProps('severity')} />
            <Group><Button type="submit" loading={add.isPending}>Add allergy</Button></Group>
          </SimpleGrid>
          {add.error && <ProblemAlert error={add.error} title="The allergy was not added" />}
        </form>
      </Stack>
    </ChartSection>
  );
}

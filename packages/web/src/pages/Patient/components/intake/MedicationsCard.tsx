import { MedicationCreate } from '@glia/contracts';
import type { FieldError, Medication } from '@glia/contracts';
import { Badge, Button, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useAddMedication, useStopMedication } from '../../../../api/intake/intake-mutations.ts';
import { useClinicTimeZone } from '../../../../auth/session-context.ts';
import { ChartSection } from '../../../../components/ChartSection/ChartSection.tsx';
import { ProblemAlert } from '../../../../components/ProblemAlert/ProblemAlert.tsx';
import { todayInZone } from '../../../../lib/clinic-time.ts';
import { schemaFormErrors } from '../../../../lib/forms/schema-errors.ts';
import { applyServerErrors, numberOrUndefined } from './form-helpers.ts';

function Flags({ m }: { m: Medication }): React.JSX.Element {
  const f = m.flags;
  const badges: { label: string; color: string }[] = [];
  if (f.benzodiazepine) badges.push({ label: f.diazepamEquivalentMgPerDay !== null ? `Benzodiazepine · ${f.diazepamEquivalentMgPerDay} mg DZE/day` : 'Benzodiazepine · DZE not computed', color: 'orange' });
  if (f.maoi) badges.push({ label: 'MAOI · intensify BP checks', color: 'orange' });
  if (f.psychostimulant) badges.push({ label: 'Stimulant · intensify BP checks', color: 'orange' });
  if (f.cnsDepressant) badges.push({ label: 'CNS depressant · sedation', color: 'orange' });
  if (f.lamotrigine) badges.push({ label: 'Lamotrigine · information', color: 'blue' });
  if (f.moodStabilizer) badges.push({ label: 'Mood stabilizer', color: 'gray' });
  if (f.antidepressant) badges.push({ label: 'Antidepressant', color: 'gray' });
  if (!f.recognized) badges.push({ label: 'Not classified: review by hand', color: 'gray' });
  return <Group gap={4}>{badges.map((b) => <Badge key={b.label} color={b.color} variant="light" tt="none">{b.label}</Badge>)}</Group>;
}

interface MedValues { name: string; dose: number | string; doseUnit: string; frequencyPerDay: number | string; route: string }
const toBody = (v: MedValues): Record<string, unknown> => ({
  name: v.name.trim() || undefined,
  dose: numberOrUndefined(v.dose) ?? null,
  doseUnit: v.doseUnit || null,
  frequencyPerDay: numberOrUndefined(v.frequencyPerDay) ?? null,
  route: v.route || null,
});

/** Current and past medications with the rule 8 flags the clinical core computes. */
export function MedicationsCard({ patientId, medications }: { patientId: string; medications: Medication[] }): React.JSX.Element {
  const today = todayInZone(useClinicTimeZone());
  const add = useAddMedication(patientId);
  const stop = useStopMedication(patientId);
  const [unmatched, setUnmatched] = useState<FieldError[] | null>(null);
  const form = useForm<MedValues>({
    mode: 'controlled',
    initialValues: { name: '', dose: '', doseUnit: 'mg', frequencyPerDay: '', route: 'oral' },
    validate: (v) => schemaFormErrors(MedicationCreate, toBody(v)),
    validateInputOnChange: true,
  });
  return (
    <ChartSection title="Medications" description="Flags of rule 8: benzodiazepine diazepam-equivalents, MAOIs, stimulants, CNS depressants, lamotrigine.">
      <Stack gap="md">
        {medications.length === 0 ? <Text c="dimmed">No medication recorded.</Text> : (
          <Table aria-label="Medications" withTableBorder>
            <Table.Thead><Table.Tr><Table.Th>Medication</Table.Th><Table.Th>Dose</Table.Th><Table.Th>Flags</Table.Th><Table.Th>Status</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {medications.map((m) => (
                <Table.Tr key={m.id} c={m.active ? undefined : 'dimmed'}>
                  <Table.Td fw={600}>{m.name}</Table.Td>
                  <Table.Td>{m.dose !== null ? `${m.dose} ${m.doseUnit ?? ''}` : '—'}{m.frequencyPerDay !== null ? ` × ${m.frequencyPerDay}/day` : ''}{m.route ? `, ${m.route}` : ''}</Table.Td>
                  <Table.Td>{m.active && <Flags m={m} />}</Table.Td>
                  <Table.Td>{m.active ? 'Active' : `Stopped ${m.stoppedOn ?? ''}`}</Table.Td>
                  <Table.Td>{m.active && <Button size="xs" variant="subtle" loading={stop.isPending && stop.variables?.medicationId === m.id} onClick={() => stop.mutate({ medicationId: m.id, stoppedOn: today })}>Stop {m.name}</Button>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <form aria-label="Add a medication" onSubmit={form.onSubmit((v) => {
          setUnmatched(null);
          add.mutate(toBody(v) as MedicationCreate, {
            onSuccess: () => { notifications.show({ color: 'green', title: 'Medication added', message: v.name }); form.reset(); },
            onError: (error) => setUnmatched(applyServerErrors(form, error)),
          });
        })}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 5 }}>
              <TextInput label="Medication" required {...form.getInputProps('name')} />
              <NumberInput label="Dose" min={0} {...form.getInputProps('dose')} />
              <NativeSelect label="Unit" data={['mg', 'mcg', 'g', 'mL', 'units', 'patch', 'other']} {...form.getInputProps('doseUnit')} />
              <NumberInput label="Times per day" min={0} max={24} {...form.getInputProps('frequencyPerDay')} />
              <NativeSelect label="Route" data={['oral', 'sublingual', 'transdermal', 'intramuscular', 'intravenous', 'intranasal', 'inhaled', 'other']} {...form.getInputProps('route')} />
            </SimpleGrid>
            {add.error && <ProblemAlert error={add.error} title="The medication was not added" fields={unmatched ?? undefined} />}
            {stop.error && <ProblemAlert error={stop.error} title="The medication was not stopped" />}
            <Group><Button type="submit" loading={add.isPending}>Add medication</Button></Group>
          </Stack>
        </form>
      </Stack>
    </ChartSection>
  );
}

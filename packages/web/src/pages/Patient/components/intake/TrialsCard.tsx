import { TRIAL_OUTCOMES, TrialCreate } from '@glia/contracts';
import type { FieldError, History } from '@glia/contracts';
import { Badge, Button, Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useAddTrial } from '../../../../api/intake/intake-mutations.ts';
import { ChartSection } from '../../../../components/ChartSection/ChartSection.tsx';
import { ProblemAlert } from '../../../../components/ProblemAlert/ProblemAlert.tsx';
import { schemaFormErrors } from '../../../../lib/forms/schema-errors.ts';
import { TRIAL_NOT_COUNTED, TRIAL_OUTCOME_LABELS } from '../../../../lib/intake-labels.ts';
import { applyServerErrors, numberOrUndefined } from './form-helpers.ts';

interface TrialValues { drug: string; doseMgPerDay: number | string; weeks: number | string; adequate: boolean; outcome: string; currentEpisode: boolean }

const toBody = (v: TrialValues): Record<string, unknown> => ({
  drug: v.drug.trim() || undefined,
  doseMgPerDay: numberOrUndefined(v.doseMgPerDay) ?? null,
  weeks: numberOrUndefined(v.weeks),
  adequate: v.adequate,
  outcome: v.outcome || undefined,
  currentEpisode: v.currentEpisode,
});

/** Antidepressant trials and the count of failed adequate ones that rule 1 uses. */
export function TrialsCard({ patientId, history }: { patientId: string; history: History }): React.JSX.Element {
  const add = useAddTrial(patientId);
  const [unmatched, setUnmatched] = useState<FieldError[] | null>(null);
  const form = useForm<TrialValues>({
    mode: 'controlled',
    initialValues: { drug: '', doseMgPerDay: '', weeks: '', adequate: true, outcome: '', currentEpisode: true },
    validate: (v) => schemaFormErrors(TrialCreate, toBody(v)),
    validateInputOnChange: true,
  });
  const { count, required } = history.failedAdequateTrials;
  return (
    <ChartSection
      title="Antidepressant trials"
      description="A trial counts toward treatment resistance when it is in the current episode, adequate, at least the minimum weeks, and failed."
      actions={<Badge size="lg" variant="light" color={count >= required ? 'green' : 'orange'} tt="none" aria-label={`Failed adequate trials: ${count} of ${required} required`}>Failed adequate trials: {count} of {required}</Badge>}
    >
      <Stack gap="md">
        {history.trials.length === 0 ? <Text c="dimmed">No antidepressant trial recorded.</Text> : (
          <Table aria-label="Antidepressant trials" withTableBorder>
            <Table.Thead><Table.Tr><Table.Th>Drug</Table.Th><Table.Th>Dose (mg/day)</Table.Th><Table.Th>Weeks</Table.Th><Table.Th>Adequate</Table.Th><Table.Th>Outcome</Table.Th><Table.Th>Current episode</Table.Th><Table.Th>Counted (rule 1)</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {history.trials.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>{t.drug}</Table.Td><Table.Td>{t.doseMgPerDay ?? '—'}</Table.Td><Table.Td>{t.weeks}</Table.Td>
                  <Table.Td>{t.adequate ? 'Yes' : 'No'}</Table.Td><Table.Td>{TRIAL_OUTCOME_LABELS[t.outcome]}</Table.Td><Table.Td>{t.currentEpisode ? 'Yes' : 'No'}</Table.Td>
                  <Table.Td>{t.counted ? <Badge color="green" variant="light" tt="none">Counted</Badge> : <Text span size="sm" c="dimmed">No: {TRIAL_NOT_COUNTED[t.notCountedReason!]}</Text>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <form aria-label="Add an antidepressant trial" onSubmit={form.onSubmit((v) => {
          setUnmatched(null);
          add.mutate(toBody(v) as TrialCreate, {
            onSuccess: () => { notifications.show({ color: 'green', title: 'Trial added', message: v.drug }); form.reset(); },
            onError: (error) => setUnmatched(applyServerErrors(form, error)),
          });
        })}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <TextInput label="Antidepressant" required {...form.getInputProps('drug')} />
              <NumberInput label="Dose (mg/day)" min={0} {...form.getInputProps('doseMgPerDay')} />
              <NumberInput label="Weeks" min={0} required {...form.getInputProps('weeks')} />
              <NativeSelect label="Outcome" required data={[{ value: '', label: 'Choose…' }, ...TRIAL_OUTCOMES.map((o) => ({ value: o, label: TRIAL_OUTCOME_LABELS[o] }))]} {...form.getInputProps('outcome')} />
            </SimpleGrid>
            <Group gap="lg">
              <Checkbox label="Adequate dose and duration" {...form.getInputProps('adequate', { type: 'checkbox' })} />
              <Checkbox label="Current episode" {...form.getInputProps('currentEpisode', { type: 'checkbox' })} />
            </Group>
            {add.error && <ProblemAlert error={add.error} title="The trial was not added" fields={unmatched ?? undefined} />}
            <Group><Button type="submit" loading={add.isPending}>Add trial</Button></Group>
          </Stack>
        </form>
      </Stack>
    </ChartSection>
  );
}

import { SubstanceUseCreate } from '@glia/contracts';
import type { FieldError, SubstanceUse } from '@glia/contracts';
import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useAddSubstanceUse } from '../../../../api/intake/intake-mutations.ts';
import { useClinicTimeZone } from '../../../../auth/session-context.ts';
import { ChartSection } from '../../../../components/ChartSection/ChartSection.tsx';
import { ProblemAlert } from '../../../../components/ProblemAlert/ProblemAlert.tsx';
import { formatCalendarDate, todayInZone } from '../../../../lib/clinic-time.ts';
import { schemaFormErrors } from '../../../../lib/forms/schema-errors.ts';
import { applyServerErrors, textOrNull } from './form-helpers.ts';

interface Values { assessedOn: string; currentUse: boolean; misuseSuspected: boolean; activeAbuse: boolean; substances: string; urineDrugScreenOn: string; urineDrugScreenResult: string }
const toBody = (v: Values): Record<string, unknown> => ({
  assessedOn: v.assessedOn || undefined, currentUse: v.currentUse, misuseSuspected: v.misuseSuspected, activeAbuse: v.activeAbuse,
  substances: textOrNull(v.substances), urineDrugScreenOn: v.urineDrugScreenOn || null, urineDrugScreenResult: v.urineDrugScreenResult || null,
});

/** Substance-use assessments (rule 5): the latest one must be current. */
export function SubstanceUseCard({ patientId, assessments }: { patientId: string; assessments: SubstanceUse[] }): React.JSX.Element {
  const today = todayInZone(useClinicTimeZone());
  const add = useAddSubstanceUse(patientId);
  const [unmatched, setUnmatched] = useState<FieldError[] | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { assessedOn: today, currentUse: false, misuseSuspected: false, activeAbuse: false, substances: '', urineDrugScreenOn: '', urineDrugScreenResult: '' },
    validate: (v) => {
      const errors = schemaFormErrors(SubstanceUseCreate, toBody(v));
      if (v.assessedOn > today) errors.assessedOn = 'Must not be in the future';
      if (v.urineDrugScreenOn && v.urineDrugScreenOn > today) errors.urineDrugScreenOn = 'Must not be in the future';
      return errors;
    },
    validateInputOnChange: true,
  });
  const latest = assessments[0];
  return (
    <ChartSection title="Substance use" description="Rule 5: a current assessment is required; active abuse blocks serial infusions; suspected misuse prompts a urine drug screen.">
      <Stack gap="md">
        {latest ? (
          <Text>
            Latest: {formatCalendarDate(latest.assessedOn)} · {latest.activeAbuse ? 'active abuse' : latest.misuseSuspected ? 'misuse suspected' : latest.currentUse ? 'current use, no misuse' : 'no current use'}
            {latest.substances ? ` (${latest.substances})` : ''}
            {latest.urineDrugScreenOn ? ` · urine drug screen ${formatCalendarDate(latest.urineDrugScreenOn)}: ${latest.urineDrugScreenResult}` : ''}
          </Text>
        ) : <Text c="dimmed">No substance-use assessment recorded.</Text>}
        <form aria-label="Record a substance-use assessment" onSubmit={form.onSubmit((v) => {
          setUnmatched(null);
          add.mutate(toBody(v) as SubstanceUseCreate, {
            onSuccess: () => notifications.show({ color: 'green', title: 'Assessment recorded', message: 'Substance use' }),
            onError: (error) => setUnmatched(applyServerErrors(form, error)),
          });
        })}>
          <Stack gap="sm">
            <Group gap="lg">
              <Checkbox label="Current use" {...form.getInputProps('currentUse', { type: 'checkbox' })} />
              <Checkbox label="Misuse suspected" {...form.getInputProps('misuseSuspected', { type: 'checkbox' })} />
              <Checkbox label="Active abuse" {...form.getInputProps('activeAbuse', { type: 'checkbox' })} />
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <TextInput type="date" label="Assessed on" max={today} required {...form.getInputProps('assessedOn')} />
              <TextInput label="Substances" {...form.getInputProps('substances')} />
              <TextInput type="date" label="Urine drug screen on" max={today} {...form.getInputProps('urineDrugScreenOn')} />
              <NativeSelect label="Drug screen result" data={[{ value: '', label: 'None' }, 'negative', 'positive']} {...form.getInputProps('urineDrugScreenResult')} />
            </SimpleGrid>
            {add.error && <ProblemAlert error={add.error} title="The assessment was not recorded" fields={unmatched ?? undefined} />}
            <Group><Button type="submit" loading={add.isPending}>Record assessment</Button></Group>
          </Stack>
        </form>
      </Stack>
    </ChartSection>
  );
}

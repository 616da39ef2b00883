import '@mantine/charts/styles.css';
import { DEFAULT_DOSING_CONFIG } from '@glia/clinical';
import { OBSERVATION_KINDS, OBSERVATION_LIMITS, ObservationCreate } from '@glia/contracts';
import type { FieldError, History, Observation, ObservationKind } from '@glia/contracts';
import { LineChart } from '@mantine/charts';
import { Button, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useAddObservation } from '../../../../api/intake/intake-mutations.ts';
import { useClinicTimeZone } from '../../../../auth/session-context.ts';
import { ChartSection } from '../../../../components/ChartSection/ChartSection.tsx';
import { ProblemAlert } from '../../../../components/ProblemAlert/ProblemAlert.tsx';
import { formatCalendarDate, todayInZone } from '../../../../lib/clinic-time.ts';
import { schemaFormErrors } from '../../../../lib/forms/schema-errors.ts';
import { OBSERVATION_LABELS } from '../../../../lib/intake-labels.ts';
import { applyServerErrors, numberOrUndefined, textOrNull } from './form-helpers.ts';

interface Values {
  kind: ObservationKind; observedOn: string; weightKg: number | string; heightCm: number | string; systolicMmHg: number | string; diastolicMmHg: number | string;
  heartRateBpm: number | string; result: string; method: string; notes: string;
}

const W = DEFAULT_DOSING_CONFIG.weight;

function toBody(v: Values): Record<string, unknown> {
  const base = { kind: v.kind, observedOn: v.observedOn || undefined, notes: textOrNull(v.notes) };
  switch (v.kind) {
    case 'weight': return { ...base, weightKg: numberOrUndefined(v.weightKg) };
    case 'height': return { ...base, heightCm: numberOrUndefined(v.heightCm) };
    case 'vitals': return { ...base, systolicMmHg: numberOrUndefined(v.systolicMmHg), diastolicMmHg: numberOrUndefined(v.diastolicMmHg), heartRateBpm: numberOrUndefined(v.heartRateBpm) ?? null };
    case 'pregnancy-test': return { ...base, result: v.result || undefined, method: v.method || undefined };
    case 'ecg':
    case 'lft': return { ...base, result: v.result || undefined };
  }
}

function valueText(o: Observation): string {
  switch (o.kind) {
    case 'weight': return `${o.weightKg} kg`;
    case 'height': return `${o.heightCm} cm`;
    case 'vitals': return `${o.systolicMmHg}/${o.diastolicMmHg} mmHg${o.heartRateBpm !== null ? `, HR ${o.heartRateBpm}/min` : ''}`;
    case 'pregnancy-test': return `${o.result} (${o.method})`;
    case 'ecg':
    case 'lft': return o.result ?? '';
  }
}

const RESULTS: Partial<Record<ObservationKind, string[]>> = { 'pregnancy-test': ['negative', 'positive'], ecg: ['normal', 'abnormal'], lft: ['normal', 'abnormal'] };

/** Dated measurements and test results; weight over time is plotted. */
export function ObservationsCard({ patientId, history }: { patientId: string; history: History }): React.JSX.Element {
  const today = todayInZone(useClinicTimeZone());
  const add = useAddObservation(patientId);
  const [unmatched, setUnmatched] = useState<FieldError[] | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { kind: 'weight', observedOn: today, weightKg: '', heightCm: '', systolicMmHg: '', diastolicMmHg: '', heartRateBpm: '', result: '', method: 'urine', notes: '' },
    validate: (v) => {
      const errors = schemaFormErrors(ObservationCreate, toBody(v));
      if (v.observedOn > today) errors.observedOn = 'Must not be in the future';
      const w = numberOrUndefined(v.weightKg);
      if (v.kind === 'weight' && w !== undefined && w > 0 && (w < W.minPlausibleKg || w > W.maxPlausibleKg)) errors.weightKg = `Must be between ${W.minPlausibleKg} and ${W.maxPlausibleKg} kg`;
      const h = numberOrUndefined(v.heightCm);
      if (v.kind === 'height' && h !== undefined && h > 0 && (h < W.minPlausibleHeightCm || h > W.maxPlausibleHeightCm)) errors.heightCm = `Must be between ${W.minPlausibleHeightCm} and ${W.maxPlausibleHeightCm} cm`;
      return errors;
    },
    validateInputOnChange: true,
  });
  const kind = form.values.kind;
  const weights = history.observations.filter((o) => o.kind === 'weight').slice().reverse().map((o) => ({ date: o.observedOn, 'Weight (kg)': o.weightKg }));
  const cw = history.currentWeight;
  return (
    <ChartSection
      title="Measurements and tests"
      description="Weight, height, baseline blood pressure and heart rate, pregnancy tests (rule 4), ECG and liver function tests (rule 6)."
      actions={<Text fw={600}>{cw ? `Current weight ${cw.weightKg} kg (${cw.ageDays === 0 ? 'today' : `${cw.ageDays} days old`})` : 'No weight recorded'}</Text>}
    >
      <Stack gap="md">
        {weights.length >= 2 && (
          <LineChart h={180} data={weights} dataKey="date" series={[{ name: 'Weight (kg)', color: 'indigo.6' }]} curveType="linear" withDots aria-label="Weight over time" yAxisProps={{ domain: ['auto', 'auto'] }} />
        )}
        {history.observations.length === 0 ? <Text c="dimmed">Nothing measured yet.</Text> : (
          <Table aria-label="Measurements and tests" withTableBorder>
            <Table.Thead><Table.Tr><Table.Th>Date</Table.Th><Table.Th>What</Table.Th><Table.Th>Value</Table.Th><Table.Th>Recorded by</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {history.observations.map((o) => (
                <Table.Tr key={o.id}><Table.Td>{formatCalendarDate(o.observedOn)}</Table.Td><Table.Td>{OBSERVATION_LABELS[o.kind]}</Table.Td><Table.Td fw={o.result === 'positive' || o.result === 'abnormal' ? 700 : undefined}>{valueText(o)}</Table.Td><Table.Td>{o.recordedBy ?? '—'}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <form aria-label="Record a measurement or test" onSubmit={form.onSubmit((v) => {
          setUnmatched(null);
          add.mutate(toBody(v) as ObservationCreate, {
            onSuccess: () => { notifications.show({ color: 'green', title: 'Recorded', message: OBSERVATION_LABELS[v.kind] }); form.setValues({ weightKg: '', heightCm: '', systolicMmHg: '', diastolicMmHg: '', heartRateBpm: '', result: '', notes: '' }); },
            onError: (error) => setUnmatched(applyServerErrors(form, error)),
          });
        })}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <NativeSelect label="Measurement or test" data={OBSERVATION_KINDS.map((k) => ({ value: k, label: OBSERVATION_LABELS[k] }))} {...form.getInputProps('kind')} />
              <TextInput type="date" label="Date" max={today} required {...form.getInputProps('observedOn')} />
              {kind === 'weight' && <NumberInput label="Weight (kg)" min={0} decimalScale={1} required {...form.getInputProps('weightKg')} />}
              {kind === 'height' && <NumberInput label="Height (cm)" min={0} decimalScale={1} required {...form.getInputProps('heightCm')} />}
              {kind === 'vitals' && <NumberInput label="Systolic (mmHg)" min={OBSERVATION_LIMITS.systolicMmHg.min} max={OBSERVATION_LIMITS.systolicMmHg.max} allowDecimal={false} required {...form.getInputProps('systolicMmHg')} />}
              {kind === 'vitals' && <NumberInput label="Diastolic (mmHg)" allowDecimal={false} required {...form.getInputProps('diastolicMmHg')} />}
              {kind === 'vitals' && <NumberInput label="Heart rate (bpm)" allowDecimal={false} {...form.getInputProps('heartRateBpm')} />}
              {RESULTS[kind] && <NativeSelect label="Result" required data={[{ value: '', label: 'Choose…' }, ...RESULTS[kind]!]} {...form.getInputProps('result')} />}
              {kind === 'pregnancy-test' && <NativeSelect label="Method" data={['urine', 'serum']} {...form.getInputProps('method')} />}
            </SimpleGrid>
            {add.error && <ProblemAlert error={add.error} title="Not recorded" fields={unmatched ?? undefined} />}
            <Group><Button type="submit" loading={add.isPending}>Record {OBSERVATION_LABELS[kind].toLowerCase()}</Button></Group>
          </Stack>
        </form>
      </Stack>
    </ChartSection>
  );
}

import '@mantine/charts/styles.css';
import { INSTRUMENTS } from '@glia/clinical';
import type { InstrumentDefinition, InstrumentId } from '@glia/clinical';
import type { Assessment, SafetyAlert } from '@glia/contracts';
import { LineChart } from '@mantine/charts';
import { Alert, Badge, Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useAcknowledgeAlert } from '../../../../api/intake/intake-mutations.ts';
import { useAssessments } from '../../../../api/intake/intake-queries.ts';
import { useClinicTimeZone } from '../../../../auth/session-context.ts';
import { ChartSection } from '../../../../components/ChartSection/ChartSection.tsx';
import { ProblemAlert } from '../../../../components/ProblemAlert/ProblemAlert.tsx';
import { QueryErrorState } from '../../../../components/QueryErrorState/QueryErrorState.tsx';
import { formatInstant, formatInstantDate } from '../../../../lib/clinic-time.ts';
import { bandLabel, ScaleForm } from './ScaleForm.tsx';

/** Intake scales: PHQ-9, GAD-7 and C-SSRS for everyone, plus the indication's own scale. */
export const INTAKE_SCALES: InstrumentId[] = ['PHQ-9', 'GAD-7', 'C-SSRS-Screener', 'MADRS', 'QIDS-SR16', 'PCL-5', 'Y-BOCS', 'EPDS', 'Pain-NRS', 'BPI-SF'];

export function AcknowledgeAlert({ patientId, alert }: { patientId: string; alert: SafetyAlert }): React.JSX.Element {
  const [note, setNote] = useState('');
  const ack = useAcknowledgeAlert(patientId);
  return (
    <Stack gap={4}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput size="xs" label="Note (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: '1 1 14rem' }} />
        <Button size="xs" color="red" variant="light" loading={ack.isPending} onClick={() => ack.mutate({ alertId: alert.id, note: note.trim() || null })}>
          Acknowledge alert
        </Button>
      </Group>
      {ack.error && <ProblemAlert error={ack.error} title="Not acknowledged" />}
    </Stack>
  );
}

function OpenAlerts({ patientId, assessments }: { patientId: string; assessments: Assessment[] }): React.JSX.Element | null {
  const timeZone = useClinicTimeZone();
  const open = assessments.flatMap((a) => a.alerts.filter((x) => x.acknowledgedAt === null));
  if (open.length === 0) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={`Open suicide-risk alert${open.length > 1 ? 's' : ''}`}>
      <Stack gap="sm">
        {open.map((a) => (
          <Stack key={a.id} gap={4}>
            <Text size="sm"><Badge color="red" size="sm" mr={6}>{a.priority}</Badge>{a.message} Raised {formatInstant(a.raisedAt, timeZone)}{a.addressedTo ? ` for ${a.addressedTo.displayName}` : ''}.</Text>
            <AcknowledgeAlert patientId={patientId} alert={a} />
          </Stack>
        ))}
      </Stack>
    </Alert>
  );
}

function TotalsOverTime({ assessments }: { assessments: Assessment[] }): React.JSX.Element | null {
  const byInstrument = new Map<string, Assessment[]>();
  for (const a of assessments) if (a.total !== null) byInstrument.set(a.instrument, [...(byInstrument.get(a.instrument) ?? []), a]);
  const plotted = [...byInstrument.entries()].filter(([, list]) => list.length >= 2);
  if (plotted.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {plotted.map(([instrument, list]) => (
        <div key={instrument}>
          <Text fw={600} size="sm">{instrument} total over time</Text>
          <LineChart h={160} data={list.slice().reverse().map((a) => ({ date: a.administeredAt.slice(0, 10), Total: a.total }))} dataKey="date" series={[{ name: 'Total', color: 'indigo.6' }]} withDots curveType="linear" />
        </div>
      ))}
    </SimpleGrid>
  );
}

export function ScalesSection({ patientId }: { patientId: string }): React.JSX.Element {
  const timeZone = useClinicTimeZone();
  const assessments = useAssessments(patientId);
  const [instrument, setInstrument] = useState<InstrumentId>('PHQ-9');
  const [formKey, setFormKey] = useState(0);
  return (
    <Stack gap="lg">
      {assessments.data && <OpenAlerts patientId={patientId} assessments={assessments.data} />}
      <ChartSection title="Enter a scale" description="Scores, bands and safety flags appear as the answers are given.">
        <Stack gap="md">
          <NativeSelect
            label="Scale"
            value={instrument}
            onChange={(e) => { setInstrument(e.currentTarget.value as InstrumentId); setFormKey((k) => k + 1); }}
            data={INTAKE_SCALES.map((id) => ({ value: id, label: `${id} — ${(INSTRUMENTS[id] as InstrumentDefinition).name}` }))}
            style={{ maxWidth: 520 }}
          />
          <ScaleForm key={`${instrument}-${formKey}`} patientId={patientId} instrument={instrument} onSaved={() => setFormKey((k) => k + 1)} />
        </Stack>
      </ChartSection>
      <ChartSection title="Scores">
        {assessments.isPending ? <Text c="dimmed">Loading scores…</Text> : assessments.isError ? (
          <QueryErrorState error={assessments.error} what="the scores" onRetry={() => void assessments.refetch()} />
        ) : assessments.data.length === 0 ? <Text c="dimmed">No scale entered yet.</Text> : (
          <Stack gap="md">
            <TotalsOverTime assessments={assessments.data} />
            <Table aria-label="Scores" withTableBorder>
              <Table.Thead><Table.Tr><Table.Th>Date</Table.Th><Table.Th>Scale</Table.Th><Table.Th>Total</Table.Th><Table.Th>Band</Table.Th><Table.Th>Alerts</Table.Th><Table.Th>Entered by</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {assessments.data.map((a) => {
                  const def = INSTRUMENTS[a.instrument as InstrumentId] as InstrumentDefinition | undefined;
                  return (
                    <Table.Tr key={a.id}>
                      <Table.Td>{formatInstantDate(a.administeredAt, timeZone)}</Table.Td>
                      <Table.Td>{a.instrument}</Table.Td>
                      <Table.Td>{a.total ?? '—'}{!a.complete && <Text span size="xs" c="dimmed"> (incomplete)</Text>}</Table.Td>
                      <Table.Td>{def ? bandLabel(def, a.band) ?? '—' : a.band}</Table.Td>
                      <Table.Td>{a.alerts.length === 0 ? '—' : a.alerts.map((x) => <Badge key={x.id} color={x.acknowledgedAt ? 'gray' : 'red'} variant="light" tt="none">{x.acknowledgedAt ? 'acknowledged' : x.priority}</Badge>)}</Table.Td>
                      <Table.Td>{a.enteredBy?.displayName ?? '—'}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
      </ChartSection>
    </Stack>
  );
}

import type { SafetyAlert } from '@glia/contracts';
import { Anchor, Badge, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useSafetyAlerts } from '../../../api/intake/intake-queries.ts';
import { useIntakeCan } from '../../../api/intake/intake-roles.ts';
import { useClinicTimeZone } from '../../../auth/session-context.ts';
import { ChartSection } from '../../../components/ChartSection/ChartSection.tsx';
import { PatientName } from '../../../components/PatientName/PatientName.tsx';
import { QueryErrorState } from '../../../components/QueryErrorState/QueryErrorState.tsx';
import { formatInstant } from '../../../lib/clinic-time.ts';
import { AcknowledgeAlert } from '../../Patient/components/intake/ScalesSection.tsx';

const PRIORITY_COLOR = { urgent: 'red', high: 'orange', routine: 'yellow' } as const;

function AlertRows({ alerts }: { alerts: SafetyAlert[] }): React.JSX.Element {
  const timeZone = useClinicTimeZone();
  return (
    <Table aria-label="Open suicide-risk alerts" withTableBorder verticalSpacing="sm">
      <Table.Thead><Table.Tr><Table.Th>Priority</Table.Th><Table.Th>Patient</Table.Th><Table.Th>What</Table.Th><Table.Th>Raised</Table.Th><Table.Th>For</Table.Th><Table.Th>Acknowledge</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {alerts.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td><Badge color={PRIORITY_COLOR[a.priority]} variant="filled">{a.priority}</Badge></Table.Td>
            <Table.Td>{a.patient && <Anchor component={Link} to={`/patients/${a.patientId}?tab=scales`}><PatientName patient={a.patient} /></Anchor>}<Text size="xs" c="dimmed" ff="monospace">{a.patient?.mrn}</Text></Table.Td>
            <Table.Td><Text size="sm">{a.message}</Text></Table.Td>
            <Table.Td>{formatInstant(a.raisedAt, timeZone)}</Table.Td>
            <Table.Td>{a.addressedTo?.displayName ?? 'Any clinician'}</Table.Td>
            <Table.Td miw={220}><AcknowledgeAlert patientId={a.patientId} alert={a} /></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Open suicide-risk alerts from positive C-SSRS or PHQ-9 item 9, addressed to the signed-in clinician. */
export function SafetyAlertsSection(): React.JSX.Element {
  const isMd = useIntakeCan('medicalDirector');
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  const alerts = useSafetyAlerts(scope);
  return (
    <ChartSection
      order={2}
      title="Suicide-risk alerts"
      description="Positive suicide items on scales (C-SSRS, PHQ-9 item 9, EPDS item 10, MADRS item 10), until a clinician acknowledges them."
      actions={isMd && <SegmentedControl aria-label="Which alerts" value={scope} onChange={(v) => setScope(v as 'mine')} data={[{ value: 'mine', label: 'For me' }, { value: 'all', label: 'All open' }]} />}
    >
      {alerts.isPending ? <Text c="dimmed">Loading alerts…</Text> : alerts.isError ? (
        <QueryErrorState error={alerts.error} what="the alerts" onRetry={() => void alerts.refetch()} />
      ) : alerts.data.length === 0 ? (
        <Group gap="xs"><IconShieldCheck size={20} aria-hidden color="var(--mantine-color-green-7)" /><Text>No open suicide-risk alert {scope === 'mine' ? 'for you' : 'in the clinic'}.</Text></Group>
      ) : (
        <Stack gap="sm"><AlertRows alerts={alerts.data} /></Stack>
      )}
    </ChartSection>
  );
}

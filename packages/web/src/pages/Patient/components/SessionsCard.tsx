import { Anchor, Badge, Paper, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { Link } from 'react-router';
import { usePatientSessions } from '../../../api/infusion/infusion-queries.ts';
import { hasAnyRole } from '../../../auth/roles.ts';
import { useSession } from '../../../auth/session-context.ts';
import { QueryErrorState } from '../../../components/QueryErrorState/QueryErrorState.tsx';
import { formatCalendarDate } from '../../../lib/clinic-time.ts';
import { PHASE_LABEL } from '../../../lib/infusion-labels.ts';

/** The patient's infusion sessions with the PHQ-9 of each visit (the score trend), newest first. */
export function SessionsCard({ patientId }: { patientId: string }): React.JSX.Element | null {
  const headingId = useId();
  const clinical = hasAnyRole(useSession().user.roles, ['nurse', 'prescriber', 'medical-director']);
  const sessions = usePatientSessions(clinical ? patientId : '');
  if (!clinical) return null;
  const rows = sessions.data?.sessions ?? [];
  const scores = rows.map((r) => r.phq9Total).filter((v): v is number => v !== null).reverse();
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="lg">
      <Title order={2} id={headingId} fz="h3" mb="xs">Infusion sessions</Title>
      {sessions.isError && <QueryErrorState error={sessions.error} what="the sessions" />}
      {scores.length > 0 && <Text size="sm" mb="xs" aria-label="PHQ-9 trend">PHQ-9 trend (oldest → newest): <Text span fw={600}>{scores.join(' → ')}</Text></Text>}
      {rows.length === 0 ? <Text c="dimmed" size="sm">No infusion sessions yet.</Text> : (
        <Table aria-label="Infusion sessions">
          <Table.Thead><Table.Tr><Table.Th>Date</Table.Th><Table.Th>Phase</Table.Th><Table.Th>Dose (mg)</Table.Th><Table.Th>Given (mg)</Table.Th><Table.Th>PHQ-9</Table.Th><Table.Th>Note</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td><Anchor component={Link} to={`/sessions/${r.id}`}>{formatCalendarDate(r.serviceDate)}</Anchor></Table.Td>
                <Table.Td>{PHASE_LABEL[r.phase]}</Table.Td>
                <Table.Td>{r.doseMg ?? '—'}</Table.Td>
                <Table.Td>{r.givenMg ?? '—'}</Table.Td>
                <Table.Td>{r.phq9Total ?? '—'}</Table.Td>
                <Table.Td>{r.noteSigned ? <Badge color="green" variant="light">Signed</Badge> : <Badge color="gray" variant="light">Open</Badge>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useCheckInAppointment } from '../../api/infusion/infusion-mutations.ts';
import { useBoard, useBoardEvents, useServerNow } from '../../api/infusion/infusion-queries.ts';
import { PageHeader } from '../../components/PageHeader/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert/ProblemAlert.tsx';
import { QueryErrorState } from '../../components/QueryErrorState/QueryErrorState.tsx';
import { TableSkeleton } from '../../components/TableSkeleton/TableSkeleton.tsx';
import { useClinicTimeZone } from '../../auth/session-context.ts';
import { formatInstantCompact } from '../../lib/clinic-time.ts';
import { ChairCard } from './components/ChairCard.tsx';

/** Today → Chairs: every chair's session, live (server-sent events), for tablets and the wall screen. */
export function ChairBoardPage(): React.JSX.Element {
  const board = useBoard(null);
  const stream = useBoardEvents();
  const now = useServerNow(board.data);
  const timeZone = useClinicTimeZone();
  const checkIn = useCheckInAppointment();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="Chairs"
        description={board.data ? `Infusion day ${board.data.date}` : 'Infusion day'}
        actions={<Badge color={stream === 'live' ? 'green' : 'orange'} variant="dot" size="lg" aria-live="polite">{stream === 'live' ? 'Live' : 'Reconnecting…'}</Badge>}
      />
      {board.isPending && <TableSkeleton rows={4} label="Loading the chair board" />}
      {board.isError && <QueryErrorState error={board.error} what="the chair board" onRetry={() => void board.refetch()} />}
      {board.data && (
        <Stack gap="lg">
          {board.data.sessions.length === 0 ? (
            <Alert color="gray" title="No one is in a chair yet">Patients appear here when they are checked in.</Alert>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {board.data.sessions.map((s) => <ChairCard key={s.id} session={s} now={now} />)}
            </SimpleGrid>
          )}
          <Card withBorder>
            <Title order={2} size="h4" mb="sm">Awaiting check-in</Title>
            {checkIn.isError && <ProblemAlert error={checkIn.error} title="Check-in failed" />}
            {board.data.awaitingCheckIn.length === 0 ? (
              <Text c="dimmed" size="sm">No booked infusion is waiting to be checked in.</Text>
            ) : (
              <Table aria-label="Awaiting check-in">
                <Table.Thead><Table.Tr><Table.Th>Time</Table.Th><Table.Th>Patient</Table.Th><Table.Th>Chair</Table.Th><Table.Th /></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {board.data.awaitingCheckIn.map((a) => (
                    <Table.Tr key={a.appointmentId}>
                      <Table.Td>{formatInstantCompact(a.startsAt, timeZone)}</Table.Td>
                      <Table.Td>{a.patientName}</Table.Td>
                      <Table.Td>{a.chair?.name ?? '—'}</Table.Td>
                      <Table.Td>
                        <Group justify="flex-end">
                          <Button size="sm" aria-label={`Check in ${a.patientName}`} loading={checkIn.isPending && checkIn.variables === a.appointmentId}
                            onClick={() => checkIn.mutate(a.appointmentId, { onSuccess: (s) => void navigate(`/sessions/${s.id}`) })}>
                            Check in
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        </Stack>
      )}
    </>
  );
}

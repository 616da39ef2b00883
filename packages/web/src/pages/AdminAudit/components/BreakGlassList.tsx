import { Stack, Table, Text, Title } from '@mantine/core';
import { useBreakGlassAccesses } from '../../../api/audit/audit-queries.ts';
import { formatInstant } from '../../../lib/clinic-time.ts';
import { QueryErrorState } from '../../../components/QueryErrorState/QueryErrorState.tsx';

/** Emergency chart accesses ("break the glass"), for the medical director's review. */
export function BreakGlassList({ timeZone }: { timeZone: string }): React.JSX.Element {
  const list = useBreakGlassAccesses();
  return (
    <Stack gap="xs" component="section" aria-labelledby="break-glass-title">
      <Title order={2} fz="h4" id="break-glass-title">Emergency access (break the glass)</Title>
      {list.isPending ? (
        <Text c="dimmed" role="status">Loading…</Text>
      ) : list.isError ? (
        <QueryErrorState error={list.error} what="emergency accesses" onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <Text size="sm" c="dimmed">Nobody has broken the glass. When the clinic limits charts to care teams, every emergency access is listed here with its reason.</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr><Table.Th>When</Table.Th><Table.Th>Who</Table.Th><Table.Th>Patient</Table.Th><Table.Th>Reason</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(g.grantedAt, timeZone)}</Table.Td>
                  <Table.Td>{g.userDisplayName}</Table.Td>
                  <Table.Td>{g.patientName} <Text span c="dimmed" size="sm">{g.patientMrn}</Text></Table.Td>
                  <Table.Td>{g.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

import type { Investigation } from '@glia/contracts';
import { Badge, Button, Card, EmptyState, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconClipboardCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCounts, useInvestigations } from '../../api/inventory/inventory-queries.ts';
import { useClinicTimeZone } from '../../auth/session-context.ts';
import { PageHeader } from '../../components/PageHeader/PageHeader.tsx';
import { QueryErrorState } from '../../components/QueryErrorState/QueryErrorState.tsx';
import { TableSkeleton } from '../../components/TableSkeleton/TableSkeleton.tsx';
import { formatInstant } from '../../lib/clinic-time.ts';
import { FindingsList } from './components/FindingsList.tsx';
import { InventoryTabs } from './components/InventoryTabs.tsx';
import { ResolveInvestigationDialog } from './components/ResolveInvestigationDialog.tsx';
import { useInventoryOversight } from './inventory-roles.ts';

const OUTCOME_LABELS: Record<string, string> = {
  'count-error': 'count error, ledger unchanged',
  'adjust-ledger': 'ledger adjusted to the count',
  theft: 'theft, DEA report opened',
  'significant-loss': 'significant loss, DEA report opened',
};

/** Counts and the investigations their discrepancies opened (rule 37). */
export function CountsPage(): React.JSX.Element {
  useDocumentTitle('Counts · Glia');
  const timeZone = useClinicTimeZone();
  const director = useInventoryOversight();
  const counts = useCounts();
  const investigations = useInvestigations();
  const [resolving, setResolving] = useState<Investigation | null>(null);
  const open = (investigations.data ?? []).filter((i) => i.status === 'open');

  return (
    <>
      <PageHeader
        title="Counts"
        description="Shift and daily counts of each safe and cabinet, and the initial and biennial inventories (rule 37)."
        actions={<Button component={Link} to="/inventory/counts/new" leftSection={<IconClipboardCheck size={20} aria-hidden />}>Start a count</Button>}
      />
      <InventoryTabs />
      <Stack gap="lg">
        <section aria-labelledby="investigations-heading">
          <Title order={2} size="h3" id="investigations-heading" mb="sm">Open investigations</Title>
          {investigations.isError ? (
            <QueryErrorState error={investigations.error} what="the investigations" />
          ) : open.length === 0 ? (
            <Text c="dimmed" size="sm">No count discrepancy is waiting for the medical director.</Text>
          ) : (
            <Stack gap="sm">
              {open.map((i) => (
                <Card key={i.id} withBorder radius="md">
                  <Group justify="space-between" align="flex-start" mb="xs">
                    <Text size="sm">
                      {i.count.kind} count{i.count.locationName ? ` of ${i.count.locationName}` : ''} by {i.count.countedBy.displayName}, {formatInstant(i.count.countedAt, timeZone)}
                    </Text>
                    {director ? <Button size="xs" onClick={() => setResolving(i)}>Resolve</Button> : <Badge color="orange">Waiting for the medical director</Badge>}
                  </Group>
                  <FindingsList findings={i.findings} title="Discrepancy" />
                </Card>
              ))}
            </Stack>
          )}
        </section>
        <section aria-labelledby="counts-heading">
          <Title order={2} size="h3" id="counts-heading" mb="sm">Count history</Title>
          {counts.isPending ? (
            <TableSkeleton label="Loading counts" />
          ) : counts.isError ? (
            <QueryErrorState error={counts.error} what="the counts" onRetry={() => void counts.refetch()} />
          ) : counts.data.length === 0 ? (
            <EmptyState py="lg" icon={<IconClipboardCheck size={28} aria-hidden />} withIndicatorBackground>
              <EmptyState.Title order={3}>No counts yet</EmptyState.Title>
              <EmptyState.Description>Start with the initial inventory on the first day of handling controlled substances.</EmptyState.Description>
            </EmptyState>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table aria-label="Counts" withTableBorder bg="white">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">When</Table.Th>
                    <Table.Th scope="col">Kind</Table.Th>
                    <Table.Th scope="col">Where</Table.Th>
                    <Table.Th scope="col">Counted by</Table.Th>
                    <Table.Th scope="col">Lots</Table.Th>
                    <Table.Th scope="col">Result</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {counts.data.map((c) => {
                    const inv = investigations.data?.find((i) => i.id === c.investigationId);
                    return (
                      <Table.Tr key={c.id}>
                        <Table.Td>{formatInstant(c.countedAt, timeZone)}</Table.Td>
                        <Table.Td>{c.kind}</Table.Td>
                        <Table.Td>{c.locationName ?? 'Every location'}</Table.Td>
                        <Table.Td>{c.countedBy.displayName}</Table.Td>
                        <Table.Td>{c.lines.length}</Table.Td>
                        <Table.Td>
                          {c.investigationStatus === null ? (
                            <Badge color="teal" variant="light">Matches</Badge>
                          ) : c.investigationStatus === 'open' ? (
                            <Badge color="orange">Investigation open</Badge>
                          ) : (
                            <Text size="sm">Resolved: {OUTCOME_LABELS[inv?.resolution?.outcome ?? ''] ?? 'resolved'}{inv?.resolution ? ` (${inv.resolution.resolvedBy.displayName})` : ''}</Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </section>
      </Stack>
      <ResolveInvestigationDialog investigation={resolving} onClose={() => setResolving(null)} />
    </>
  );
}

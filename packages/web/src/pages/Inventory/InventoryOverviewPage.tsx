import { Button, Card, EmptyState, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconClipboardCheck, IconPackageImport, IconPackages } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useInventoryOverview } from '../../api/inventory/inventory-queries.ts';
import { useClinicTimeZone } from '../../auth/session-context.ts';
import { PageHeader } from '../../components/PageHeader/PageHeader.tsx';
import { QueryErrorState } from '../../components/QueryErrorState/QueryErrorState.tsx';
import { TableSkeleton } from '../../components/TableSkeleton/TableSkeleton.tsx';
import { formatCalendarDate, formatInstant } from '../../lib/clinic-time.ts';
import { InventoryTabs } from './components/InventoryTabs.tsx';
import { OverviewAlerts } from './components/OverviewAlerts.tsx';
import { StockTable } from './components/StockTable.tsx';
import { fixed2 } from './inventory-format.ts';

/** The controlled-substance stock at a glance. */
export function InventoryOverviewPage(): React.JSX.Element {
  useDocumentTitle('Inventory · Glia');
  const timeZone = useClinicTimeZone();
  const overview = useInventoryOverview();
  const data = overview.data;

  return (
    <>
      <PageHeader
        title="Inventory"
        description="Schedule III ketamine from receipt to administration: every movement is a signed ledger entry that is never changed."
        actions={
          <>
            <Button component={Link} to="/inventory/receive" leftSection={<IconPackageImport size={20} aria-hidden />}>Receive stock</Button>
            <Button component={Link} to="/inventory/counts/new" variant="default" leftSection={<IconClipboardCheck size={20} aria-hidden />}>Count</Button>
          </>
        }
      />
      <InventoryTabs pendingWastes={data?.pendingWasteCount} />
      {overview.isPending ? (
        <TableSkeleton label="Loading the inventory" />
      ) : overview.isError ? (
        <QueryErrorState error={overview.error} what="the inventory" onRetry={() => void overview.refetch()} />
      ) : (
        <Stack gap="lg">
          <OverviewAlerts overview={overview.data} />
          {overview.data.expiringSoon.length > 0 && (
            <Card withBorder radius="md" aria-labelledby="expiring-soon">
              <Title order={2} size="h4" id="expiring-soon" mb="xs">Expiring soon</Title>
              <Stack gap={4}>
                {overview.data.expiringSoon.map((lot) => (
                  <Text size="sm" key={lot.id}>
                    <Text span fw={600} ff="monospace">{lot.lotNumber}</Text> ({lot.productName}): {fixed2(lot.balanceMl)} mL, expires {formatCalendarDate(lot.expiresOn)}
                    {lot.expiryStatus === 'expired' ? ' — expired: return it through a reverse distributor or Form 41.' : ` — in ${lot.daysToExpiry} days; draw from it first.`}
                  </Text>
                ))}
              </Stack>
            </Card>
          )}
          <section aria-labelledby="stock-heading">
            <Title order={2} size="h3" id="stock-heading" mb="sm">Stock by lot and location</Title>
            {overview.data.lots.length === 0 ? (
              <EmptyState py="xl" icon={<IconPackages size={32} aria-hidden />} withIndicatorBackground>
                <EmptyState.Title order={3}>No controlled substances on hand</EmptyState.Title>
                <EmptyState.Description>Record a shipment with “Receive stock”. Lots appear here with their balance in mL and mg.</EmptyState.Description>
              </EmptyState>
            ) : (
              <StockTable lots={overview.data.lots} />
            )}
          </section>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Card withBorder radius="md">
              <Title order={2} size="h4" mb="xs">Last counts</Title>
              <Stack gap={4}>
                {overview.data.lastCounts.map((c) => (
                  <Text size="sm" key={c.locationId}>
                    {c.locationName}: {c.countedAt ? `${formatInstant(c.countedAt, timeZone)} by ${c.countedBy?.displayName ?? 'unknown'}` : 'never counted'}
                  </Text>
                ))}
              </Stack>
            </Card>
            <Card withBorder radius="md">
              <Title order={2} size="h4" mb="xs">Full inventory (every 24 months)</Title>
              <Text size="sm">
                {overview.data.inventoryDue.lastInventoryOn
                  ? `Last: ${overview.data.inventoryDue.lastInventoryKind} inventory on ${formatCalendarDate(overview.data.inventoryDue.lastInventoryOn)}. Next due by ${formatCalendarDate(overview.data.inventoryDue.dueOn ?? '')}.`
                  : 'No initial inventory is recorded yet.'}
              </Text>
              <Group mt="xs">
                <Button size="xs" variant="default" component={Link} to={`/inventory/counts/new?kind=${overview.data.inventoryDue.lastInventoryOn ? 'biennial' : 'initial'}`}>
                  {overview.data.inventoryDue.lastInventoryOn ? 'Take the biennial inventory' : 'Take the initial inventory'}
                </Button>
              </Group>
            </Card>
          </SimpleGrid>
        </Stack>
      )}
    </>
  );
}

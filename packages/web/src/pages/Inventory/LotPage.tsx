import type { LedgerEntry } from '@glia/contracts';
import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowsExchange, IconCircleCheck, IconPackageExport, IconVaccine, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useLocations, useLot } from '../../api/inventory/inventory-queries.ts';
import { useClinicTimeZone } from '../../auth/session-context.ts';
import { PageHeader } from '../../components/PageHeader/PageHeader.tsx';
import { QueryErrorState } from '../../components/QueryErrorState/QueryErrorState.tsx';
import { TableSkeleton } from '../../components/TableSkeleton/TableSkeleton.tsx';
import { formatCalendarDate, formatInstant } from '../../lib/clinic-time.ts';
import { AdministrationDialog } from './components/AdministrationDialog.tsx';
import { BalanceChart } from './components/BalanceChart.tsx';
import { DrawDialog } from './components/DrawDialog.tsx';
import { ExpiryBadge } from './components/ExpiryBadge.tsx';
import { InventoryTabs } from './components/InventoryTabs.tsx';
import { LedgerTable } from './components/LedgerTable.tsx';
import { LossDialog } from './components/LossDialog.tsx';
import { ReturnDialog } from './components/ReturnDialog.tsx';
import { ReverseDialog } from './components/ReverseDialog.tsx';
import { TransferDialog } from './components/TransferDialog.tsx';
import { VerifyReceipt } from './components/VerifyReceipt.tsx';
import { fixed2 } from './inventory-format.ts';

type Dialog = 'draw' | 'transfer' | 'return' | 'loss' | null;

function Fact({ label, children }: { label: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}

/** One lot: its receipt, balance by location, stock over time and every ledger entry. */
export function LotPage(): React.JSX.Element {
  const { lotId = '' } = useParams();
  const timeZone = useClinicTimeZone();
  const lot = useLot(lotId);
  const locations = useLocations();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [recordOf, setRecordOf] = useState<string | null>(null);
  const [reversing, setReversing] = useState<LedgerEntry | null>(null);
  useDocumentTitle(lot.data ? `Lot ${lot.data.lotNumber} · Glia` : 'Lot · Glia');

  if (lot.isPending) return <TableSkeleton label="Loading the lot" />;
  if (lot.isError) return <QueryErrorState error={lot.error} what="this lot" onRetry={() => void lot.refetch()} />;
  const l = lot.data;
  const canDraw = l.expiryStatus !== 'expired' && l.balanceMl > 0;

  return (
    <>
      <PageHeader
        title={<>Lot <Text span inherit ff="monospace">{l.lotNumber}</Text></>}
        description={`${l.productName} · NDC ${l.ndc} · Schedule ${l.schedule} · ${l.concentrationMgPerMl} mg/mL`}
        actions={
          <>
            <Button leftSection={<IconVaccine size={18} aria-hidden />} onClick={() => setDialog('draw')} disabled={!canDraw}>Draw</Button>
            <Button variant="default" leftSection={<IconArrowsExchange size={18} aria-hidden />} onClick={() => setDialog('transfer')} disabled={l.balanceMl <= 0}>Move</Button>
            <Button variant="default" leftSection={<IconPackageExport size={18} aria-hidden />} onClick={() => setDialog('return')} disabled={l.balanceMl <= 0}>Return</Button>
            <Button variant="default" color="red" leftSection={<IconTrash size={18} aria-hidden />} onClick={() => setDialog('loss')} disabled={l.balanceMl <= 0}>Loss</Button>
          </>
        }
      />
      <InventoryTabs />
      <Stack gap="lg">
        {l.expiryStatus === 'expired' && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Expired lot (rule 39)">
            It cannot be drawn for a patient. Return it through a reverse distributor or record its destruction on DEA Form 41.
          </Alert>
        )}
        {!l.verifiedBy && <VerifyReceipt lot={l} />}
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <Card withBorder radius="md">
            <Title order={2} size="h4" mb="xs">Balance</Title>
            <Text fz={28} fw={700} ff="monospace" aria-label={`Balance ${fixed2(l.balanceMl)} mL`}>{fixed2(l.balanceMl)} mL</Text>
            <Text ff="monospace" c="dimmed">{fixed2(l.balanceMg)} mg</Text>
            {l.drawnUnaccountedMl > 0 && <Text size="sm" c="orange" mt={4}>{fixed2(l.drawnUnaccountedMl)} mL drawn and not yet given or wasted</Text>}
            <Stack gap={2} mt="sm">
              {l.locations.map((p) => (
                <Text size="sm" key={p.locationId}>{p.locationName}: <Text span ff="monospace">{fixed2(p.balanceMl)} mL</Text></Text>
              ))}
            </Stack>
            <Group gap={6} mt="sm">
              {l.bookCheck.ok ? (
                <Badge color="teal" variant="light" leftSection={<IconCircleCheck size={14} aria-hidden />}>Entries add up to the balance</Badge>
              ) : (
                <Badge color="red">Book check failed</Badge>
              )}
            </Group>
            {!l.bookCheck.ok && <Text size="sm" c="red">{l.bookCheck.message}</Text>}
          </Card>
          <Card withBorder radius="md">
            <Title order={2} size="h4" mb="xs">Receipt</Title>
            <SimpleGrid cols={2} spacing="xs">
              <Fact label="Expires"><Group gap={6} component="span">{formatCalendarDate(l.expiresOn)} <ExpiryBadge lot={l} /></Group></Fact>
              <Fact label="Received">{formatInstant(l.receivedAt, timeZone)}</Fact>
              <Fact label="Quantity">{l.receivedVials} × {fixed2(l.vialVolumeMl)} mL = {fixed2(l.receivedMl)} mL ({fixed2(l.receivedMg)} mg)</Fact>
              <Fact label="Invoice / packing slip">{l.invoiceNumber}</Fact>
              <Fact label="Supplier">{l.supplier}{l.supplierDeaNumber ? ` (DEA ${l.supplierDeaNumber})` : ''}</Fact>
              <Fact label="Received by / verified by">{l.receivedBy.displayName} / {l.verifiedBy?.displayName ?? 'awaiting verification'}</Fact>
            </SimpleGrid>
          </Card>
          <Card withBorder radius="md">
            <Title order={2} size="h4" mb="xs">Stock over time</Title>
            <BalanceChart entries={l.entries} timeZone={timeZone} />
          </Card>
        </SimpleGrid>
        <section aria-labelledby="ledger-heading">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h3" id="ledger-heading">Ledger</Title>
            <Anchor component={Link} to={`/inventory/reports?kind=lot-history&lotId=${l.id}`} size="sm">Lot history report</Anchor>
          </Group>
          <LedgerTable entries={l.entries} timeZone={timeZone} onOpenRecord={setRecordOf} onReverse={setReversing} />
        </section>
      </Stack>
      <DrawDialog lot={l} opened={dialog === 'draw'} onClose={() => setDialog(null)} onDrawn={(id) => { setDialog(null); setRecordOf(id); }} />
      <TransferDialog lot={l} locations={locations.data ?? []} opened={dialog === 'transfer'} onClose={() => setDialog(null)} />
      <ReturnDialog lot={l} opened={dialog === 'return'} onClose={() => setDialog(null)} />
      <LossDialog lot={l} opened={dialog === 'loss'} onClose={() => setDialog(null)} />
      <AdministrationDialog lot={l} drawId={recordOf} onClose={() => setRecordOf(null)} />
      <ReverseDialog lotId={l.id} entry={reversing} onClose={() => setReversing(null)} />
    </>
  );
}

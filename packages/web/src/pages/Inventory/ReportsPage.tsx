import { ReportQuery } from '@glia/contracts';
import type { InventoryReport, ReportKind } from '@glia/contracts';
import { Anchor, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { reportExportUrl, useInventoryReport, useLots } from '../../api/inventory/inventory-queries.ts';
import type { ReportFilters } from '../../api/inventory/inventory-queries.ts';
import { useClinicTimeZone } from '../../auth/session-context.ts';
import { PageHeader } from '../../components/PageHeader/PageHeader.tsx';
import { QueryErrorState } from '../../components/QueryErrorState/QueryErrorState.tsx';
import { TableSkeleton } from '../../components/TableSkeleton/TableSkeleton.tsx';
import { formatCalendarDate, todayInZone } from '../../lib/clinic-time.ts';
import { InventoryTabs } from './components/InventoryTabs.tsx';

const KINDS: { value: ReportKind; label: string }[] = [
  { value: 'inventory', label: 'Inventory (opening, movements, closing)' },
  { value: 'dispensing', label: 'Dispensing and administration log' },
  { value: 'receipts', label: 'Receipts log' },
  { value: 'lot-history', label: 'Lot history' },
  { value: 'discrepancies', label: 'Discrepancies and losses' },
];

function cell(value: InventoryReport['rows'][number][string] | undefined, numeric: boolean, key: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && numeric && key !== 'vials' && key !== 'seq') return value.toFixed(2);
  return String(value);
}

/** Long free text wraps; every other cell (numbers, NDCs, lot numbers, dates) stays on one line. */
const WRAPPING = new Set(['drug', 'address', 'detail', 'note', 'supplier']);
const cellStyle = (key: string): React.CSSProperties => (WRAPPING.has(key) ? { minWidth: 180, maxWidth: 280 } : { whiteSpace: 'nowrap' });

function ReportTable({ report }: { report: InventoryReport }): React.JSX.Element {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table aria-label={report.title} withTableBorder bg="white" fz="xs" striped>
        <Table.Thead>
          <Table.Tr>
            {report.columns.map((c) => <Table.Th key={c.key} scope="col" ta={c.numeric ? 'right' : undefined} style={{ verticalAlign: 'bottom' }}>{c.label}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.rows.length === 0 && (
            <Table.Tr><Table.Td colSpan={report.columns.length}><Text size="sm" c="dimmed">No records in this period.</Text></Table.Td></Table.Tr>
          )}
          {report.rows.map((row, i) => (
            <Table.Tr key={i}>
              {report.columns.map((c) => <Table.Td key={c.key} ta={c.numeric ? 'right' : undefined} ff={c.numeric ? 'monospace' : undefined} style={cellStyle(c.key)}>{cell(row[c.key], c.numeric, c.key)}</Table.Td>)}
            </Table.Tr>
          ))}
        </Table.Tbody>
        {report.totals && (
          <Table.Tfoot>
            <Table.Tr fw={700}>
              {report.columns.map((c) => <Table.Td key={c.key} ta={c.numeric ? 'right' : undefined} ff={c.numeric ? 'monospace' : undefined}>{cell(report.totals![c.key], c.numeric, c.key)}</Table.Td>)}
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}

/** Inspector-ready records for a period, on screen and as CSV or PDF (rule 36: Schedule III separately). */
export function ReportsPage(): React.JSX.Element {
  useDocumentTitle('Reports · Glia');
  const today = todayInZone(useClinicTimeZone());
  const [params, setParams] = useSearchParams();
  const lots = useLots();
  const kind = (KINDS.find((k) => k.value === params.get('kind'))?.value ?? 'inventory');
  const [draft, setDraft] = useState({ kind, from: params.get('from') ?? `${today.slice(0, 8)}01`, to: params.get('to') ?? today, schedule: params.get('schedule') ?? 'III', lotId: params.get('lotId') ?? '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const applied: ReportFilters | null = params.get('from') && params.get('to')
    ? { from: params.get('from')!, to: params.get('to')!, schedule: params.get('schedule') ?? undefined, lotId: params.get('lotId') ?? undefined }
    : null;
  const report = useInventoryReport(kind, applied);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const filters = { from: draft.from, to: draft.to, ...(draft.schedule ? { schedule: draft.schedule } : {}), ...(draft.kind === 'lot-history' && draft.lotId ? { lotId: draft.lotId } : {}) };
    const parsed = ReportQuery.safeParse(filters);
    const next: Record<string, string> = {};
    if (!parsed.success) for (const issue of parsed.error.issues) next[issue.path.join('.')] ??= issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
    if (draft.kind === 'lot-history' && !draft.lotId) next.lotId = 'Choose a lot';
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setParams({ kind: draft.kind, ...filters });
  };

  return (
    <>
      <PageHeader title="Reports" description="Controlled-substance records for a period, in clinic time. Records are kept at least 2 years and cannot be deleted." />
      <InventoryTabs />
      <Stack gap="lg">
        <Paper component="form" onSubmit={submit} noValidate aria-label="Report filters" withBorder radius="md" p="md">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="md">
            <NativeSelect label="Report" data={KINDS} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.currentTarget.value as ReportKind })} />
            <TextInput label="From" type="date" required value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })} error={errors.from} />
            <TextInput label="To" type="date" required value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })} error={errors.to} />
            <NativeSelect label="Schedule" data={[{ value: 'III', label: 'Schedule III only' }, { value: '', label: 'All schedules' }]} value={draft.schedule} onChange={(e) => setDraft({ ...draft, schedule: e.currentTarget.value })} />
            {draft.kind === 'lot-history' && (
              <NativeSelect
                label="Lot"
                required
                data={[{ value: '', label: 'Choose a lot' }, ...(lots.data ?? []).map((l) => ({ value: l.id, label: `${l.lotNumber} (${l.productName})` }))]}
                value={draft.lotId}
                onChange={(e) => setDraft({ ...draft, lotId: e.currentTarget.value })}
                error={errors.lotId}
              />
            )}
          </SimpleGrid>
          <Group mt="md"><Button type="submit">Show report</Button></Group>
        </Paper>
        {applied && (
          report.isPending ? (
            <TableSkeleton label="Loading the report" />
          ) : report.isError ? (
            <QueryErrorState error={report.error} what="the report" onRetry={() => void report.refetch()} />
          ) : (
            <section aria-labelledby="report-title">
              <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
                <Stack gap={2}>
                  <Title order={2} size="h3" id="report-title">{report.data.title}</Title>
                  <Text size="sm" c="dimmed">{formatCalendarDate(report.data.from)} to {formatCalendarDate(report.data.to)} · {report.data.clinicName} · kept at least until {formatCalendarDate(report.data.retainUntil)}</Text>
                </Stack>
                <Group gap="sm">
                  <Button component="a" href={reportExportUrl(kind, applied, 'pdf')} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>Download PDF</Button>
                  <Button component="a" href={reportExportUrl(kind, applied, 'csv')} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>Download CSV</Button>
                </Group>
              </Group>
              {kind === 'dispensing' && <Text size="sm" c="dimmed" mb="xs">This log names patients: each download is recorded in their accounting of disclosures.</Text>}
              <ReportTable report={report.data} />
              <Stack gap={2} mt="sm">
                {report.data.notes.map((n) => <Text key={n} size="xs" c="dimmed">{n}</Text>)}
              </Stack>
              {kind === 'lot-history' && applied.lotId && <Anchor href={`/inventory/lots/${applied.lotId}`} size="sm">Open the lot</Anchor>}
            </section>
          )
        )}
      </Stack>
    </>
  );
}

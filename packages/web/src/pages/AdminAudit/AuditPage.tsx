import { Button, Group, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useSearchParams } from 'react-router';
import { useAuditEntries } from '../../api/audit/audit-queries.ts';
import { useClinicTimeZone } from '../../auth/session-context.ts';
import { PageHeader } from '../../components/PageHeader/PageHeader.tsx';
import { QueryErrorState } from '../../components/QueryErrorState/QueryErrorState.tsx';
import { TableSkeleton } from '../../components/TableSkeleton/TableSkeleton.tsx';
import { filterValuesFromParams, filterValuesToParams, toApiFilters } from './audit-filter-params.ts';
import type { AuditFilterValues } from './audit-filter-params.ts';
import { AuditEmptyState } from './components/AuditEmptyState.tsx';
import { AuditFilters } from './components/AuditFilters.tsx';
import { AuditReportActions } from './components/AuditReportActions.tsx';
import { BreakGlassList } from './components/BreakGlassList.tsx';
import { AuditTable } from './components/AuditTable.tsx';

export function AuditPage(): React.JSX.Element {
  useDocumentTitle('Audit trail · Glia');
  const timeZone = useClinicTimeZone();
  const [params, setParams] = useSearchParams();
  const values = filterValuesFromParams(params);
  const filters = toApiFilters(values, timeZone);
  const audit = useAuditEntries(filters);
  const entries = audit.data?.pages.flat() ?? [];
  const filtered = Object.values(filters).some(Boolean);

  const applyFilters = (next: AuditFilterValues): void => setParams(filterValuesToParams(next));
  const filterBy = (key: keyof AuditFilterValues, value: string): void => applyFilters({ ...values, [key]: value });

  return (
    <>
      <PageHeader
        title="Audit trail"
        description={`Every sign-in, view and change of records, newest first. Times are clinic time (${timeZone}), 24-hour clock.`}
      />
      <Stack gap="md">
        <AuditFilters key={params.toString()} initial={values} timeZone={timeZone} onApply={applyFilters} />
        <AuditReportActions filters={filters} />
        {audit.isPending ? (
          <TableSkeleton label="Loading audit entries" />
        ) : !audit.data ? (
          <QueryErrorState error={audit.error} what="the audit trail" onRetry={() => void audit.refetch()} />
        ) : entries.length === 0 ? (
          <AuditEmptyState filtered={filtered} />
        ) : (
          <>
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              Showing {entries.length} {entries.length === 1 ? 'entry' : 'entries'}
              {audit.hasNextPage ? '; older entries can be loaded below' : ''}. Select a time to see everything recorded for that entry.
            </Text>
            <AuditTable entries={entries} timeZone={timeZone} onFilterUser={(id) => filterBy('userId', id)} onFilterPatient={(id) => filterBy('patientId', id)} />
            <Group justify="center">
              {audit.hasNextPage ? (
                <Button variant="default" onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
                  Load older entries
                </Button>
              ) : (
                <Text size="sm" c="dimmed">No older entries{filtered ? ' match these filters' : ''}.</Text>
              )}
            </Group>
            {audit.isError && <QueryErrorState error={audit.error} what="more entries" />}
          </>
        )}
        <BreakGlassList timeZone={timeZone} />
      </Stack>
    </>
  );
}

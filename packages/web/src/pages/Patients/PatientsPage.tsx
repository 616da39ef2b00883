import { Button } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { PATIENT_SEARCH_LIMIT, usePatientSearch } from '../../api/patients/patient-queries.ts';
import { useCan } from '../../auth/session-context.ts';
import { PageHeader } from '../../components/PageHeader/PageHeader.tsx';
import { QueryErrorState } from '../../components/QueryErrorState/QueryErrorState.tsx';
import { TableSkeleton } from '../../components/TableSkeleton/TableSkeleton.tsx';
import { PatientSearchBox } from './components/PatientSearchBox.tsx';
import { PatientsEmptyState } from './components/PatientsEmptyState.tsx';
import { PatientsTable } from './components/PatientsTable.tsx';
import { StageFilteredList, StageFilterSelect, useStageFilter } from './components/StageFilter.tsx';
import { SearchResultStatus } from './components/SearchResultStatus.tsx';

const SEARCH_DEBOUNCE_MS = 300;
const MAX_QUERY_LENGTH = 100;

export function PatientsPage(): React.JSX.Element {
  useDocumentTitle('Patients · Glia');
  const canRegister = useCan('writePatients');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [debouncedQ] = useDebouncedValue(q.trim(), SEARCH_DEBOUNCE_MS);
  const stage = useStageFilter();
  const search = usePatientSearch(debouncedQ);
  const settling = q.trim() !== debouncedQ || search.isPlaceholderData;

  const setQuery = (value: string): void => {
    setParams(value ? { q: value } : {}, { replace: true });
  };

  return (
    <>
      <PageHeader
        title="Patients"
        description="Find a patient by name, MRN, phone or date of birth."
        actions={
          canRegister && (
            <Button component={Link} to="/patients/new" leftSection={<IconUserPlus size={20} aria-hidden />}>
              New patient
            </Button>
          )
        }
      />
      <PatientSearchBox value={q} onChange={setQuery} maxLength={MAX_QUERY_LENGTH} />
      <StageFilterSelect filter={stage} />
      {stage.stage ? <StageFilteredList filter={stage} /> : (<>
      <SearchResultStatus
        query={debouncedQ}
        count={search.data?.length ?? null}
        limit={PATIENT_SEARCH_LIMIT}
        busy={settling || search.isFetching}
      />
      {search.isPending ? (
        <TableSkeleton label="Loading patients" />
      ) : search.isError ? (
        <QueryErrorState error={search.error} what="the patient list" onRetry={() => void search.refetch()} />
      ) : search.data.length === 0 ? (
        <PatientsEmptyState query={debouncedQ} canRegister={canRegister} onClear={() => setQuery('')} />
      ) : (
        <PatientsTable patients={search.data} dimmed={settling} />
      )}
      </>)}
    </>
  );
}

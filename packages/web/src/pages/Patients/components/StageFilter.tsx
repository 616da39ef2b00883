import { INTAKE_STAGE_LABELS, INTAKE_STAGES } from '@glia/contracts';
import type { IntakeStage } from '@glia/contracts';
import { NativeSelect, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useStagedPatients } from '../../../api/intake/intake-queries.ts';
import { useIntakeCan } from '../../../api/intake/intake-roles.ts';
import { useClinicTimeZone } from '../../../auth/session-context.ts';
import { QueryErrorState } from '../../../components/QueryErrorState/QueryErrorState.tsx';
import { StagedPatientsTable } from '../../../components/StagedPatientsTable/StagedPatientsTable.tsx';
import { TableSkeleton } from '../../../components/TableSkeleton/TableSkeleton.tsx';

export interface StageFilter {
  allowed: boolean;
  stage: IntakeStage | null;
  setStage: (stage: IntakeStage | null) => void;
}

/** The intake-stage filter of the patient list, kept in the URL (?stage=…). */
export function useStageFilter(): StageFilter {
  const allowed = useIntakeCan('desk');
  const [params, setParams] = useSearchParams();
  const raw = params.get('stage');
  const stage = allowed && raw && (INTAKE_STAGES as readonly string[]).includes(raw) ? (raw as IntakeStage) : null;
  const setStage = (next: IntakeStage | null): void => {
    const p = new URLSearchParams(params);
    if (next) p.set('stage', next);
    else p.delete('stage');
    setParams(p, { replace: true });
  };
  return { allowed, stage, setStage };
}

export function StageFilterSelect({ filter }: { filter: StageFilter }): React.JSX.Element | null {
  if (!filter.allowed) return null;
  return (
    <NativeSelect
      label="Intake stage"
      value={filter.stage ?? ''}
      onChange={(e) => filter.setStage((e.currentTarget.value || null) as IntakeStage | null)}
      data={[{ value: '', label: 'Any (search all patients)' }, ...INTAKE_STAGES.map((s) => ({ value: s, label: INTAKE_STAGE_LABELS[s] }))]}
      maw={320}
      mb="md"
    />
  );
}

export function StageFilteredList({ filter }: { filter: StageFilter }): React.JSX.Element {
  const timeZone = useClinicTimeZone();
  const patients = useStagedPatients(filter.stage, filter.stage !== null);
  if (patients.isPending) return <TableSkeleton label="Loading patients" />;
  if (patients.isError) return <QueryErrorState error={patients.error} what="the patients at this stage" onRetry={() => void patients.refetch()} />;
  if (patients.data.length === 0) return <Text c="dimmed">No patient is at “{INTAKE_STAGE_LABELS[filter.stage!]}”.</Text>;
  return <StagedPatientsTable patients={patients.data} timeZone={timeZone} label={`Patients: ${INTAKE_STAGE_LABELS[filter.stage!]}`} />;
}

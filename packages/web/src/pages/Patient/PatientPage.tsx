import { Stack, Title } from '@mantine/core';
import { useRef } from 'react';
import { useDocumentTitle } from '@mantine/hooks';
import { useParams, useSearchParams } from 'react-router';
import { usePatient } from '../../api/patients/patient-queries.ts';
import { useCan } from '../../auth/session-context.ts';
import { QueryErrorState } from '../../components/QueryErrorState/QueryErrorState.tsx';
import { BreakGlassForm } from '../../components/BreakGlass/BreakGlassForm.tsx';
import { ChartAreasNotYet } from './components/ChartAreasNotYet.tsx';
import { IntakeChart } from './components/intake/IntakeChart.tsx';
import { PatientDetails } from './components/PatientDetails.tsx';
import { PatientEditForm } from './components/PatientEditForm.tsx';
import { PatientHeader } from './components/PatientHeader.tsx';
import { PatientPageSkeleton } from './components/PatientPageSkeleton.tsx';
import { RecordFooter } from './components/RecordFooter.tsx';
import { SessionsCard } from './components/SessionsCard.tsx';

export function PatientPage(): React.JSX.Element {
  const { patientId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const canEdit = useCan('writePatients');
  const patient = usePatient(patientId);
  const editing = canEdit && params.get('edit') === '1';
  useDocumentTitle(patient.data ? `Patient ${patient.data.mrn} · Glia` : 'Patient · Glia');

  const editButtonRef = useRef<HTMLButtonElement>(null);
  const setEditing = (on: boolean): void => setParams(on ? { edit: '1' } : {}, { replace: true });
  const finishEditing = (): void => {
    setEditing(false);
    // Give keyboard focus back to where editing began.
    window.requestAnimationFrame(() => editButtonRef.current?.focus());
  };

  if (patient.isPending) return <PatientPageSkeleton />;
  if (patient.isError && patient.error.status === 403 && patient.error.extensions.breakGlass) {
    return <BreakGlassForm patientId={patientId} message={patient.error.problem.detail ?? 'This chart is limited to the patient\'s care team.'} />;
  }
  if (patient.isError) return <QueryErrorState error={patient.error} what="this patient" onRetry={() => void patient.refetch()} />;

  const p = patient.data;
  return (
    <Stack gap="lg">
      <PatientHeader patient={p} canEdit={canEdit && !editing} onEdit={() => setEditing(true)} editButtonRef={editButtonRef} />
      {editing ? (
        <>
          <Title order={2}>Edit details</Title>
          <PatientEditForm key={p.id} patient={p} onDone={finishEditing} />
        </>
      ) : (
        <>
          <PatientDetails patient={p} />
          <IntakeChart patient={p} />
          <SessionsCard patientId={p.id} />
          <ChartAreasNotYet />
        </>
      )}
      <RecordFooter patient={p} />
    </Stack>
  );
}

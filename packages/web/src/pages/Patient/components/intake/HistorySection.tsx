import { Stack, Text } from '@mantine/core';
import { useHistory } from '../../../../api/intake/intake-queries.ts';
import { QueryErrorState } from '../../../../components/QueryErrorState/QueryErrorState.tsx';
import { AllergiesCard } from './AllergiesCard.tsx';
import { MedicationsCard } from './MedicationsCard.tsx';
import { ObservationsCard } from './ObservationsCard.tsx';
import { ProblemsCard } from './ProblemsCard.tsx';
import { SubstanceUseCard } from './SubstanceUseCard.tsx';
import { TrialsCard } from './TrialsCard.tsx';

/** The intake history the eligibility rules read. */
export function HistorySection({ patientId }: { patientId: string }): React.JSX.Element {
  const history = useHistory(patientId);
  if (history.isPending) return <Text c="dimmed">Loading history…</Text>;
  if (history.isError) return <QueryErrorState error={history.error} what="the history" onRetry={() => void history.refetch()} />;
  const h = history.data;
  return (
    <Stack gap="lg">
      <ProblemsCard patientId={patientId} problems={h.problems} />
      <TrialsCard patientId={patientId} history={h} />
      <MedicationsCard patientId={patientId} medications={h.medications} />
      <ObservationsCard patientId={patientId} history={h} />
      <SubstanceUseCard patientId={patientId} assessments={h.substanceUse} />
      <AllergiesCard patientId={patientId} allergies={h.allergies} />
    </Stack>
  );
}

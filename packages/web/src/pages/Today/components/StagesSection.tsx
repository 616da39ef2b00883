import { INTAKE_STAGE_LABELS, INTAKE_STAGES } from '@glia/contracts';
import type { IntakeStage } from '@glia/contracts';
import { Chip, Group, Stack, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useStageCounts, useStagedPatients } from '../../../api/intake/intake-queries.ts';
import { useClinicTimeZone } from '../../../auth/session-context.ts';
import { ChartSection } from '../../../components/ChartSection/ChartSection.tsx';
import { QueryErrorState } from '../../../components/QueryErrorState/QueryErrorState.tsx';
import { StagedPatientsTable } from '../../../components/StagedPatientsTable/StagedPatientsTable.tsx';

/** How many patients are at each intake stage; choosing a stage lists them. The stage is in the URL. */
export function StagesSection(): React.JSX.Element {
  const timeZone = useClinicTimeZone();
  const [params, setParams] = useSearchParams();
  const raw = params.get('stage');
  const stage = raw && (INTAKE_STAGES as readonly string[]).includes(raw) ? (raw as IntakeStage) : null;
  const counts = useStageCounts();
  const patients = useStagedPatients(stage);
  const choose = (value: string): void => {
    const next = new URLSearchParams(params);
    if (value === 'all') next.delete('stage');
    else next.set('stage', value);
    setParams(next, { replace: true });
  };
  return (
    <ChartSection order={2} title="Patients by stage" description="From referral to treatment. Choose a stage to list its patients.">
      <Stack gap="md">
        {counts.isError ? <QueryErrorState error={counts.error} what="the stage counts" /> : (
          <Chip.Group multiple={false} value={stage ?? 'all'} onChange={(v) => choose(v as string)}>
            <Group gap="xs" role="group" aria-label="Filter by stage">
              <Chip value="all">All in the program ({counts.data?.total ?? '…'})</Chip>
              {INTAKE_STAGES.map((s) => <Chip key={s} value={s}>{INTAKE_STAGE_LABELS[s]} ({counts.data?.counts[s] ?? '…'})</Chip>)}
            </Group>
          </Chip.Group>
        )}
        {patients.isPending ? <Text c="dimmed">Loading patients…</Text> : patients.isError ? (
          <QueryErrorState error={patients.error} what="the patients" onRetry={() => void patients.refetch()} />
        ) : patients.data.length === 0 ? (
          <Text c="dimmed">{stage ? `No patient is at “${INTAKE_STAGE_LABELS[stage]}”.` : 'No patient is in the program yet: record a referral from a patient’s chart.'}</Text>
        ) : (
          <StagedPatientsTable patients={patients.data} timeZone={timeZone} label={stage ? `Patients: ${INTAKE_STAGE_LABELS[stage]}` : 'Patients in the program'} />
        )}
      </Stack>
    </ChartSection>
  );
}

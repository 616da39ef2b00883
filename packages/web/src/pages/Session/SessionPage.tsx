import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useParams } from 'react-router';
import { useBoardEvents, useServerNow, useSessionDetail } from '../../api/infusion/infusion-queries.ts';
import { QueryErrorState } from '../../components/QueryErrorState/QueryErrorState.tsx';
import { TableSkeleton } from '../../components/TableSkeleton/TableSkeleton.tsx';
import { PHASE_COLOR, PHASE_LABEL, minutesLabel } from '../../lib/infusion-labels.ts';
import { AdverseEventSection } from './components/AdverseEventSection.tsx';
import { ChartsSection } from './components/ChartsSection.tsx';
import { CheckInSection } from './components/CheckInSection.tsx';
import { FlowsheetSection } from './components/FlowsheetSection.tsx';
import { PumpSection } from './components/PumpSection.tsx';
import { RecoverySection } from './components/RecoverySection.tsx';
import { ControlledSubstanceSection, NoteSection } from './components/RecordSection.tsx';

/** The infusion chart of one session, from check-in to the signed note. */
export function SessionPage(): React.JSX.Element {
  const { sessionId = '' } = useParams();
  const session = useSessionDetail(sessionId);
  useBoardEvents();
  const now = useServerNow(session.data);
  useDocumentTitle(session.data ? `${session.data.chair.name} · Infusion · Glia` : 'Infusion · Glia');
  if (session.isPending) return <TableSkeleton rows={8} label="Loading the infusion chart" />;
  if (session.isError) return <QueryErrorState error={session.error} what="this session" onRetry={() => void session.refetch()} />;
  const s = session.data;
  const running = s.phase === 'infusing' || s.phase === 'paused';
  const elapsed = running && s.infusionStartedAt ? (now.getTime() - new Date(s.infusionStartedAt).getTime()) / 60_000 : s.elapsedMin;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Anchor component={Link} to="/chairs" size="sm">← Chairs</Anchor>
          <Title order={1}>{s.patientName}</Title>
          <Text c="dimmed">{s.chair.name} · MRN {s.patient.mrn} · <Anchor component={Link} to={`/patients/${s.patientId}`}>Chart</Anchor></Text>
        </Stack>
        <Stack gap={4} align="flex-end">
          <Badge size="xl" color={PHASE_COLOR[s.phase]} aria-label={`Phase: ${PHASE_LABEL[s.phase]}`}>{PHASE_LABEL[s.phase]}</Badge>
          {s.infusionStartedAt && <Text size="sm">Infusion {minutesLabel(elapsed)}{running && s.remainingMin !== null ? ` · ${minutesLabel(s.remainingMin)} left` : ''}</Text>}
        </Stack>
      </Group>
      <CheckInSection key={`checkin-${s.id}`} session={s} now={now} />
      <PumpSection session={s} />
      <FlowsheetSection session={s} now={now} />
      <ChartsSection session={s} />
      <AdverseEventSection session={s} now={now} />
      <RecoverySection session={s} now={now} />
      <ControlledSubstanceSection session={s} />
      <NoteSection session={s} />
    </Stack>
  );
}

import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { SessionSummary } from '@glia/contracts';
import { Link } from 'react-router';
import { PHASE_COLOR, PHASE_LABEL, bpLabel, countdownLabel, minutesLabel } from '../../../lib/infusion-labels.ts';
import { AlertList } from './AlertList.tsx';

/** One chair on the board: who, phase, times, last vitals, next reading and alerts. */
export function ChairCard({ session, now }: { session: SessionSummary; now: Date }): React.JSX.Element {
  const v = session.lastVitals;
  const due = session.nextReadingDueAt ? countdownLabel(session.nextReadingDueAt, now) : null;
  const worst = session.alerts.some((a) => a.severity === 'emergency' || a.severity === 'escalate');
  const running = session.phase === 'infusing' || session.phase === 'paused';
  const elapsed = running && session.infusionStartedAt ? (now.getTime() - new Date(session.infusionStartedAt).getTime()) / 60_000 : session.elapsedMin;
  const inRecovery = session.infusionEndedAt && !running ? (now.getTime() - new Date(session.infusionEndedAt).getTime()) / 60_000 : null;
  return (
    <Card component="article" withBorder padding="md" radius="md" aria-label={`${session.chair.name}: ${session.patientName}`} style={worst ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 } : undefined}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700} size="lg">{session.chair.name}</Text>
          <Badge color={PHASE_COLOR[session.phase]} size="lg">{PHASE_LABEL[session.phase]}</Badge>
        </Group>
        <Anchor component={Link} to={`/sessions/${session.id}`} fw={600}>{session.patientName}</Anchor>
        <Group gap="lg">
          {session.infusionStartedAt && <Text size="sm">Infusion <Text span fw={600}>{minutesLabel(elapsed)}</Text>{session.remainingMin !== null && running ? ` · ${minutesLabel(session.remainingMin)} left` : ''}</Text>}
          {inRecovery !== null && session.phase !== 'discharged' && <Text size="sm">Recovery <Text span fw={600}>{minutesLabel(inRecovery)}</Text></Text>}
        </Group>
        <Text size="sm" aria-label="Last vitals">
          {v ? <>BP <Text span fw={600}>{bpLabel(v.systolicMmHg, v.diastolicMmHg)}</Text> · HR {v.heartRateBpm ?? '—'} · SpO2 {v.spo2Pct ?? '—'} %{v.respRatePerMin !== null ? ` · RR ${v.respRatePerMin}` : ''}</> : 'No vitals yet'}
        </Text>
        {due && <Text size="sm" c={due.overdue ? 'red' : undefined} fw={due.overdue ? 700 : undefined}>Next reading {due.text}</Text>}
        <AlertList alerts={session.alerts} />
      </Stack>
    </Card>
  );
}

import { Anchor, Button, Card, Checkbox, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { ChoiceSelect } from './ChoiceSelect.tsx';
import { useState } from 'react';
import type { SessionDetail } from '@glia/contracts';
import { useDischarge, useRecordRecovery } from '../../../api/infusion/infusion-mutations.ts';
import { hasAnyRole } from '../../../auth/roles.ts';
import { useClinicTimeZone, useSession } from '../../../auth/session-context.ts';
import { ProblemAlert } from '../../../components/ProblemAlert/ProblemAlert.tsx';
import { formatInstantCompact } from '../../../lib/clinic-time.ts';
import { minutesLabel } from '../../../lib/infusion-labels.ts';

/** Recovery timer, modified Aldrete, escort, prescriber sign-off, the discharge check (rules 25, 28) and the rule 29 instructions. */
export function RecoverySection({ session, now }: { session: SessionDetail; now: Date }): React.JSX.Element | null {
  const timeZone = useClinicTimeZone();
  const { user } = useSession();
  const save = useRecordRecovery(session.id);
  const discharge = useDischarge(session.id);
  const [activity, setActivity] = useState<string | null>('moves-four-limbs');
  const [respiration, setRespiration] = useState<string | null>('breathes-deeply-and-coughs');
  const [consciousness, setConsciousness] = useState<string | null>('fully-awake');
  const [oxygen, setOxygen] = useState(false);
  const [escort, setEscort] = useState(session.recovery.escortPresentAt !== null);
  const [signOff, setSignOff] = useState('');
  if (!session.recovery.startedAt) return null;
  const recoveryMin = ((session.dischargedAt ? new Date(session.dischargedAt) : now).getTime() - new Date(session.recovery.startedAt).getTime()) / 60_000;
  const prescriber = hasAnyRole(user.roles, ['prescriber', 'medical-director']);
  const discharged = session.dischargedAt !== null;
  return (
    <Card withBorder component="section" aria-labelledby="recovery-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="recovery-heading">Recovery and discharge</Title>
        <Text fw={600} aria-label="Recovery time">In recovery {minutesLabel(recoveryMin)}</Text>
      </Group>
      <Stack gap="sm">
        {!discharged && (
          <form aria-label="Recovery assessment" onSubmit={(e) => {
            e.preventDefault();
            save.mutate({
              aldrete: { activity: activity as 'moves-four-limbs', respiration: respiration as 'breathes-deeply-and-coughs', consciousness: consciousness as 'fully-awake', onSupplementalOxygen: oxygen },
              escortPresent: escort,
              ...(signOff.trim().length >= 10 ? { vitalsSignOffNote: signOff.trim() } : {}),
            });
          }}>
            <Stack gap="xs">
              <Group grow align="flex-start">
                <ChoiceSelect label="Activity" data={[{ value: 'moves-four-limbs', label: 'Moves 4 limbs (2)' }, { value: 'moves-two-limbs', label: 'Moves 2 limbs (1)' }, { value: 'moves-no-limbs', label: 'Moves none (0)' }]} value={activity} onChange={setActivity} allowDeselect={false} />
                <ChoiceSelect label="Respiration" data={[{ value: 'breathes-deeply-and-coughs', label: 'Breathes deeply, coughs (2)' }, { value: 'dyspnea-or-limited-breathing', label: 'Dyspnoea or limited (1)' }, { value: 'apneic', label: 'Apnoeic (0)' }]} value={respiration} onChange={setRespiration} allowDeselect={false} />
                <ChoiceSelect label="Consciousness" data={[{ value: 'fully-awake', label: 'Fully awake (2)' }, { value: 'arousable-on-calling', label: 'Arousable on calling (1)' }, { value: 'not-responding', label: 'Not responding (0)' }]} value={consciousness} onChange={setConsciousness} allowDeselect={false} />
              </Group>
              <Group>
                <Checkbox label="On supplemental oxygen" checked={oxygen} onChange={(e) => setOxygen(e.currentTarget.checked)} />
                <Checkbox label={`Escort present${session.checkIn.escort ? ` (${session.checkIn.escort.name})` : ''}`} checked={escort} onChange={(e) => setEscort(e.currentTarget.checked)} />
              </Group>
              {prescriber && <TextInput label="Prescriber sign-off instead of vitals within 20 % of baseline (optional)" value={signOff} onChange={(e) => setSignOff(e.currentTarget.value)} error={signOff !== '' && signOff.trim().length < 10 ? 'Say why in at least 10 characters' : null} />}
              {save.isError && <ProblemAlert error={save.error} title="Assessment not saved" />}
              <Group><Button type="submit" variant="light" loading={save.isPending}>Save recovery assessment</Button></Group>
            </Stack>
          </form>
        )}
        {session.recovery.aldrete && <Text size="sm">Modified Aldrete <Text span fw={700}>{session.recovery.aldrete.total}</Text> at {formatInstantCompact(session.recovery.aldrete.assessedAt, timeZone)}</Text>}
        {!discharged && (session.discharge.findings.length > 0 ? (
          <Stack gap={4}>
            <Text fw={600} size="sm">Not ready for discharge:</Text>
            <List size="sm" aria-label="Unmet discharge criteria">
              {session.discharge.findings.map((f) => <List.Item key={f.code}>Rule {f.rule}: {f.message}</List.Item>)}
            </List>
            {session.discharge.earliestByClockAt && <Text size="sm" c="dimmed">The observation clock allows discharge from {formatInstantCompact(session.discharge.earliestByClockAt, timeZone)}.</Text>}
          </Stack>
        ) : <Text size="sm" c="green" fw={600}>All discharge criteria are met.</Text>)}
        {discharge.isError && <ProblemAlert error={discharge.error} title="Discharge refused" />}
        <Group>
          {!discharged && <Button color="green" loading={discharge.isPending} onClick={() => discharge.mutate()}>Discharge</Button>}
          {discharged && <Text fw={600}>Discharged {formatInstantCompact(session.dischargedAt!, timeZone)}</Text>}
          <Anchor href={`/api/sessions/${session.id}/discharge-instructions.pdf`} target="_blank" rel="noopener">Discharge instructions (PDF)</Anchor>
        </Group>
      </Stack>
    </Card>
  );
}

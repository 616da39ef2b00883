import { Button, Card, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { ChoiceSelect } from './ChoiceSelect.tsx';
import { useState } from 'react';
import { ADVERSE_EVENT_KINDS, type SessionDetail } from '@glia/contracts';
import { useAddAdverseEvent } from '../../../api/infusion/infusion-mutations.ts';
import { useClinicTimeZone } from '../../../auth/session-context.ts';
import { ProblemAlert } from '../../../components/ProblemAlert/ProblemAlert.tsx';
import { formatInstantCompact } from '../../../lib/clinic-time.ts';

/** Adverse events with a rescue drug linked to the reading that prompted it (rule 26). */
export function AdverseEventSection({ session, now }: { session: SessionDetail; now: Date }): React.JSX.Element | null {
  const timeZone = useClinicTimeZone();
  const add = useAddAdverseEvent(session.id);
  const [kind, setKind] = useState<string | null>(null);
  const [severity, setSeverity] = useState<string | null>('mild');
  const [actions, setActions] = useState('');
  const [drug, setDrug] = useState('');
  const [dose, setDose] = useState<number | ''>('');
  const [unit, setUnit] = useState<string | null>('mg');
  const [route, setRoute] = useState<string | null>('iv');
  const [indication, setIndication] = useState('');
  if (session.readings.length === 0) return null;
  const latest = session.readings.at(-1)!;
  const drugStarted = drug.trim() !== '' || dose !== '' || indication.trim() !== '';
  const drugComplete = drug.trim() !== '' && dose !== '' && dose > 0 && indication.trim() !== '';
  return (
    <Card withBorder component="section" aria-labelledby="ae-heading">
      <Title order={2} size="h3" id="ae-heading" mb="sm">Adverse events and rescue drugs</Title>
      <Stack gap="xs">
        {session.adverseEvents.length === 0 && <Text size="sm" c="dimmed">None recorded.</Text>}
        {session.adverseEvents.map((a) => (
          <Text key={a.id} size="sm">{formatInstantCompact(a.occurredAt, timeZone)} · <Text span fw={600}>{a.kind}</Text> ({a.severity}){a.actions ? ` · ${a.actions}` : ''}
            {a.rescueDrugs.map((d) => ` · ${d.drug} ${d.doseAmount} ${d.doseUnit} ${d.route} for ${d.indication}`).join('')}</Text>
        ))}
        {!session.dischargedAt && (
          <form aria-label="Adverse event" onSubmit={(e) => {
            e.preventDefault();
            if (!kind || !severity) return;
            add.mutate({
              kind: kind as 'other', severity: severity as 'mild', occurredAt: now.toISOString(), readingIds: [latest.id], ...(actions.trim() ? { actions: actions.trim() } : {}),
              rescueDrugs: drugComplete ? [{ drug: drug.trim(), doseAmount: dose as number, doseUnit: unit as 'mg', route: route as 'iv', givenAt: now.toISOString(), indication: indication.trim(), linkedReadingId: latest.id }] : [],
            }, { onSuccess: () => { setKind(null); setActions(''); setDrug(''); setDose(''); setIndication(''); } });
          }}>
            <Stack gap="xs">
              <Group grow align="flex-start">
                <ChoiceSelect label="Event" data={ADVERSE_EVENT_KINDS.map((k) => ({ value: k, label: k.replace(/-/g, ' ') }))} value={kind} onChange={setKind} />
                <ChoiceSelect label="Severity" data={['mild', 'moderate', 'severe']} value={severity} onChange={setSeverity} allowDeselect={false} />
                <TextInput label="Actions taken" value={actions} onChange={(e) => setActions(e.currentTarget.value)} />
              </Group>
              <Group grow align="flex-start">
                <TextInput label="Rescue drug (optional)" value={drug} onChange={(e) => setDrug(e.currentTarget.value)} />
                <NumberInput label="Dose" min={0} value={dose} onChange={(v) => setDose(typeof v === 'number' ? v : '')} error={drugStarted && (dose === '' || dose <= 0) ? 'Enter the dose' : null} />
                <ChoiceSelect label="Unit" data={['mg', 'mcg', 'g', 'mL', 'units']} value={unit} onChange={setUnit} allowDeselect={false} />
                <ChoiceSelect label="Route" data={['iv', 'im', 'po', 'sl', 'sc', 'intranasal', 'inhaled']} value={route} onChange={setRoute} allowDeselect={false} />
                <TextInput label="Indication" value={indication} onChange={(e) => setIndication(e.currentTarget.value)} error={drugStarted && indication.trim() === '' ? 'Say why it was given' : null} />
              </Group>
              <Text size="xs" c="dimmed">Linked to the latest reading ({formatInstantCompact(latest.takenAt, timeZone)}).</Text>
              {add.isError && <ProblemAlert error={add.error} title="Event not recorded" />}
              <Group><Button type="submit" variant="light" disabled={!kind || (drugStarted && !drugComplete)} loading={add.isPending}>Record event</Button></Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}

import { Button, Checkbox, Group, List, NumberInput, Stack, Text, TextInput, Textarea, ThemeIcon, Title, Card, Alert } from '@mantine/core';
import { ChoiceSelect } from './ChoiceSelect.tsx';
import { IconCheck, IconMinus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { SessionDetail } from '@glia/contracts';
import { usePreDoseDecision, useUpdateCheckIn } from '../../../api/infusion/infusion-mutations.ts';
import { hasAnyRole } from '../../../auth/roles.ts';
import { useSession } from '../../../auth/session-context.ts';
import { ProblemAlert } from '../../../components/ProblemAlert/ProblemAlert.tsx';

const hoursAgo = (iso: string | null | undefined, now: Date): number | '' => (iso ? Math.round(((now.getTime() - new Date(iso).getTime()) / 3_600_000) * 10) / 10 : '');

/** Check-in and the rule 18 pre-start checklist; the rule 19 decision when the pre-dose BP is high. */
export function CheckInSection({ session, now }: { session: SessionDetail; now: Date }): React.JSX.Element {
  const started = session.infusionStartedAt !== null;
  const save = useUpdateCheckIn(session.id);
  const decide = usePreDoseDecision(session.id);
  const { user } = useSession();
  const prescriber = hasAnyRole(user.roles, ['prescriber', 'medical-director']);
  const c = session.checkIn;
  const [escortName, setEscortName] = useState(c.escort?.name ?? '');
  const [escortPhone, setEscortPhone] = useState(c.escort?.phone ?? '');
  const [solidsH, setSolidsH] = useState<number | ''>(hoursAgo(c.fasting?.lastSolidsAt, now));
  const [liquidsH, setLiquidsH] = useState<number | ''>(hoursAgo(c.fasting?.lastLiquidsAt, now));
  const [weightKg, setWeightKg] = useState<number | ''>('');
  const [medsChanged, setMedsChanged] = useState(c.medicationChanges?.changed ?? false);
  const [medsNote, setMedsNote] = useState(c.medicationChanges?.note ?? '');
  const [decision, setDecision] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const phoneDigits = escortPhone.replace(/\D/g, '').length;
  const phoneError = escortPhone !== '' && (phoneDigits < 7 || phoneDigits > 15) ? 'Must have between 7 and 15 digits' : null;
  const needsDecision = session.startGate.findings.some((f) => f.rule === 19 && f.severity === 'block');

  const submit = (e: React.FormEvent): void => {
    e.preventDefault();
    const at = (h: number | ''): string | null => (h === '' ? null : new Date(now.getTime() - h * 3_600_000).toISOString());
    save.mutate({
      ...(escortName.trim() && escortPhone.trim() ? { escort: { name: escortName.trim(), phone: escortPhone.trim() } } : {}),
      ...(solidsH !== '' || liquidsH !== '' ? { fasting: { lastSolidsAt: at(solidsH), lastLiquidsAt: at(liquidsH) } } : {}),
      ...(weightKg !== '' ? { weightKg } : {}),
      medicationChanges: { changed: medsChanged, note: medsNote.trim() || null },
    });
  };

  return (
    <Card withBorder component="section" aria-labelledby="checkin-heading">
      <Title order={2} size="h3" id="checkin-heading" mb="sm">Check-in and pre-start checklist</Title>
      <List spacing={6} mb="md" aria-label="Pre-start checklist" center>
        {session.checklist.items.map((i) => (
          <List.Item key={i.id} icon={
            <ThemeIcon size={22} radius="xl" color={i.status === 'met' ? 'green' : i.status === 'unmet' ? 'red' : 'gray'} aria-hidden>
              {i.status === 'met' ? <IconCheck size={14} /> : i.status === 'unmet' ? <IconX size={14} /> : <IconMinus size={14} />}
            </ThemeIcon>}>
            <Text size="sm"><Text span fw={600}>{i.label}</Text>{' — '}{i.status === 'met' ? 'done' : i.status === 'not-applicable' ? 'not applicable' : i.finding?.message}</Text>
          </List.Item>
        ))}
      </List>
      {c.medicationFlags.length > 0 && (
        <Alert color="orange" title="Medication flags (rule 8)" mb="md">
          {c.medicationFlags.map((f) => <Text size="sm" key={f.code + f.message}>{f.message}</Text>)}
        </Alert>
      )}
      {!started && (
        <form onSubmit={submit} aria-label="Check-in">
          <Stack gap="sm">
            <Group grow align="flex-start">
              <TextInput label="Escort name" value={escortName} onChange={(e) => setEscortName(e.currentTarget.value)} />
              <TextInput label="Escort phone" value={escortPhone} onChange={(e) => setEscortPhone(e.currentTarget.value)} error={phoneError} inputMode="tel" />
            </Group>
            <Group grow align="flex-start">
              <NumberInput label="Hours since last solid food" min={0} max={48} step={0.5} value={solidsH} onChange={(v) => setSolidsH(typeof v === 'number' ? v : '')} />
              <NumberInput label="Hours since last clear liquid" min={0} max={48} step={0.5} value={liquidsH} onChange={(v) => setLiquidsH(typeof v === 'number' ? v : '')} />
              <NumberInput label="Weight today (kg)" description={c.weight ? `On chart: ${c.weight.weightKg} kg (${c.weight.source})` : 'No weight on the chart'} min={20} max={350} step={0.1} value={weightKg} onChange={(v) => setWeightKg(typeof v === 'number' ? v : '')} error={weightKg !== '' && (weightKg < 20 || weightKg > 350) ? 'Must be 20-350 kg' : null} />
            </Group>
            <Checkbox label="Medications changed since the last visit" checked={medsChanged} onChange={(e) => setMedsChanged(e.currentTarget.checked)} />
            {medsChanged && <Textarea label="What changed" value={medsNote} onChange={(e) => setMedsNote(e.currentTarget.value)} autosize minRows={2} />}
            {save.isError && <ProblemAlert error={save.error} title="Check-in not saved" />}
            <Group><Button type="submit" loading={save.isPending} disabled={phoneError !== null}>Save check-in</Button></Group>
          </Stack>
        </form>
      )}
      {session.preDoseDecision && (
        <Text size="sm" mt="sm">Pre-dose decision (rule 19): <Text span fw={600}>{session.preDoseDecision.decision}</Text> by {session.preDoseDecision.decidedByName} — {session.preDoseDecision.reason}</Text>
      )}
      {needsDecision && !started && (
        <Card withBorder mt="md" bg="var(--mantine-color-orange-0)">
          <Text fw={600} size="sm" mb="xs">{session.startGate.findings.find((f) => f.rule === 19)?.message}</Text>
          {prescriber ? (
            <form aria-label="Pre-dose decision" onSubmit={(e) => { e.preventDefault(); if (decision) decide.mutate({ decision: decision as 'proceed' | 'delay', reason }); }}>
              <Group align="flex-end">
                <ChoiceSelect label="Decision" data={[{ value: 'proceed', label: 'Proceed' }, { value: 'delay', label: 'Delay' }]} value={decision} onChange={setDecision} />
                <TextInput label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} style={{ flex: 1 }} />
                <Button type="submit" disabled={!decision || reason.trim() === ''} loading={decide.isPending}>Record decision</Button>
              </Group>
              {decide.isError && <ProblemAlert error={decide.error} />}
            </form>
          ) : <Text size="sm">A prescriber must record a proceed or delay decision before the pump starts.</Text>}
        </Card>
      )}
    </Card>
  );
}

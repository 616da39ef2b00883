import { Button, Card, Checkbox, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { ChoiceSelect } from './ChoiceSelect.tsx';
import { useState } from 'react';
import { CRISIS_SYMPTOM_CODES, type ReadingCreate, type SessionDetail } from '@glia/contracts';
import { useAcknowledgeAlert, useAddReading } from '../../../api/infusion/infusion-mutations.ts';
import { useClinicTimeZone } from '../../../auth/session-context.ts';
import { ProblemAlert } from '../../../components/ProblemAlert/ProblemAlert.tsx';
import { formatInstantCompact } from '../../../lib/clinic-time.ts';
import { bpLabel, countdownLabel } from '../../../lib/infusion-labels.ts';
import { AlertList } from '../../Chairs/components/AlertList.tsx';

type Num = number | '';
const RANGES = { sbp: [40, 300], dbp: [20, 200], hr: [20, 250], spo2: [50, 100], rr: [0, 60] } as const;
const rangeError = (v: Num, [min, max]: readonly [number, number]): string | null => (v === '' ? null : v < min || v > max ? `Must be ${min}-${max}` : null);
const SYMPTOM_LABEL: Record<string, string> = {
  'chest-pain': 'Chest pain', dyspnea: 'Shortness of breath', 'sudden-severe-headache': 'Sudden severe headache', 'visual-change': 'Visual change',
  seizure: 'Seizure', 'reduced-consciousness': 'Reduced consciousness', 'focal-deficit': 'Focal deficit',
};

/** The monitoring flowsheet: chart a reading, see alerts (acknowledge them), the grid with due times (rule 20). */
export function FlowsheetSection({ session, now }: { session: SessionDetail; now: Date }): React.JSX.Element {
  const timeZone = useClinicTimeZone();
  const add = useAddReading(session.id);
  const ack = useAcknowledgeAlert(session.id);
  const [sbp, setSbp] = useState<Num>('');
  const [dbp, setDbp] = useState<Num>('');
  const [hr, setHr] = useState<Num>('');
  const [spo2, setSpo2] = useState<Num>('');
  const [rr, setRr] = useState<Num>('');
  const [moaas, setMoaas] = useState<string | null>(null);
  const [diss, setDiss] = useState<string | null>(null);
  const [nausea, setNausea] = useState<string | null>(null);
  const [symptoms, setSymptoms] = useState<string[]>([]);
  const [assessed, setAssessed] = useState(false);
  const errors = { sbp: rangeError(sbp, RANGES.sbp), dbp: rangeError(dbp, RANGES.dbp) ?? (sbp !== '' && dbp !== '' && dbp >= sbp ? 'Must be below the systolic' : null), hr: rangeError(hr, RANGES.hr), spo2: rangeError(spo2, RANGES.spo2), rr: rangeError(rr, RANGES.rr) };
  const bpHalf = (sbp === '') !== (dbp === '');
  const empty = [sbp, hr, spo2, rr].every((v) => v === '') && moaas === null && diss === null && nausea === null && !assessed && symptoms.length === 0;
  const invalid = Object.values(errors).some((e) => e !== null) || bpHalf || empty;
  const discharged = session.dischargedAt !== null;
  const due = session.schedule.nextDueAt ? countdownLabel(session.schedule.nextDueAt, now) : null;

  const reset = (): void => {
    setSbp(''); setDbp(''); setHr(''); setSpo2(''); setRr(''); setMoaas(null); setDiss(null); setNausea(null); setSymptoms([]); setAssessed(false);
  };
  const submit = (e: React.FormEvent): void => {
    e.preventDefault();
    if (invalid) return;
    const body: ReadingCreate = {
      takenAt: now.toISOString(),
      ...(sbp !== '' && dbp !== '' ? { systolicMmHg: sbp, diastolicMmHg: dbp } : {}),
      ...(hr !== '' ? { heartRateBpm: hr } : {}),
      ...(spo2 !== '' ? { spo2Pct: spo2 } : {}),
      ...(rr !== '' ? { respRatePerMin: rr } : {}),
      ...(moaas !== null ? { moaasScore: Number(moaas) } : {}),
      ...(diss !== null ? { dissociation: { scale: 'observer-0-4' as const, score: Number(diss) } } : {}),
      ...(nausea !== null ? { nausea: nausea as 'none' } : {}),
      ...(assessed || symptoms.length > 0 ? { symptoms: symptoms as ReadingCreate['symptoms'] } : {}),
    };
    add.mutate(body, { onSuccess: reset });
  };

  return (
    <Card withBorder component="section" aria-labelledby="flowsheet-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="flowsheet-heading">Monitoring</Title>
        {due && <Text fw={600} c={due.overdue ? 'red' : undefined} aria-live="polite">Next reading {due.text}{session.schedule.intervalMin ? ` (every ${session.schedule.intervalMin} min)` : ''}</Text>}
      </Group>
      <Stack gap="md">
        <AlertList alerts={session.alerts} action={(a) => (a.requiresAcknowledgement && a.acknowledgedAt === null ? (
          <Button size="xs" variant="light" aria-label={`Acknowledge rule ${a.rule} alert`} loading={ack.isPending && ack.variables === a.key} onClick={() => ack.mutate(a.key)}>Acknowledge</Button>
        ) : null)} />
        {ack.isError && <ProblemAlert error={ack.error} />}
        {!discharged && (
          <form onSubmit={submit} aria-label="New reading">
            <Stack gap="xs">
              <Group grow align="flex-start">
                <NumberInput label="Systolic (mmHg)" value={sbp} onChange={(v) => setSbp(typeof v === 'number' ? v : '')} error={errors.sbp} allowDecimal={false} />
                <NumberInput label="Diastolic (mmHg)" value={dbp} onChange={(v) => setDbp(typeof v === 'number' ? v : '')} error={errors.dbp ?? (bpHalf ? 'Enter both BP values' : null)} allowDecimal={false} />
                <NumberInput label="Heart rate (bpm)" value={hr} onChange={(v) => setHr(typeof v === 'number' ? v : '')} error={errors.hr} allowDecimal={false} />
                <NumberInput label="SpO2 (%)" value={spo2} onChange={(v) => setSpo2(typeof v === 'number' ? v : '')} error={errors.spo2} allowDecimal={false} />
                <NumberInput label="Resp. rate (/min)" value={rr} onChange={(v) => setRr(typeof v === 'number' ? v : '')} error={errors.rr} allowDecimal={false} />
              </Group>
              <Group grow align="flex-start">
                <ChoiceSelect label="Sedation MOAA/S" clearable data={['5', '4', '3', '2', '1', '0'].map((v) => ({ value: v, label: v === '5' ? '5 — alert' : v === '0' ? '0 — no response' : v }))} value={moaas} onChange={setMoaas} />
                <ChoiceSelect label="Dissociation (observer 0-4)" clearable data={['0', '1', '2', '3', '4']} value={diss} onChange={setDiss} />
                <ChoiceSelect label="Nausea" clearable data={['none', 'mild', 'moderate', 'severe']} value={nausea} onChange={setNausea} />
              </Group>
              <Checkbox label="Crisis symptoms assessed: none present" checked={assessed} onChange={(e) => setAssessed(e.currentTarget.checked)} disabled={symptoms.length > 0} />
              <Checkbox.Group label="Crisis symptoms present (rule 23: emergency, stops the infusion)" value={symptoms} onChange={setSymptoms}>
                <Group gap="md" mt={4}>
                  {CRISIS_SYMPTOM_CODES.map((s) => <Checkbox key={s} value={s} label={SYMPTOM_LABEL[s]} />)}
                </Group>
              </Checkbox.Group>
              {add.isError && <ProblemAlert error={add.error} title="Reading not charted" />}
              <Group><Button type="submit" disabled={invalid} loading={add.isPending}>Chart reading</Button></Group>
            </Stack>
          </form>
        )}
        {session.readings.length === 0 ? <Text c="dimmed" size="sm">No readings yet. The first complete reading (BP, HR, SpO2) is the baseline.</Text> : (
          <Table.ScrollContainer minWidth={700}>
            <Table aria-label="Flowsheet" striped highlightOnHover>
              <Table.Thead><Table.Tr><Table.Th>Time</Table.Th><Table.Th>BP</Table.Th><Table.Th>HR</Table.Th><Table.Th>SpO2</Table.Th><Table.Th>RR</Table.Th><Table.Th>MOAA/S</Table.Th><Table.Th>Dissociation</Table.Th><Table.Th>Nausea</Table.Th><Table.Th>Symptoms</Table.Th><Table.Th>By</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {[...session.readings].reverse().map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{formatInstantCompact(r.takenAt, timeZone)}</Table.Td>
                    <Table.Td fw={r.systolicMmHg !== null && r.systolicMmHg >= 180 ? 700 : undefined} c={r.systolicMmHg !== null && r.systolicMmHg >= 180 ? 'red' : undefined}>{bpLabel(r.systolicMmHg, r.diastolicMmHg)}</Table.Td>
                    <Table.Td>{r.heartRateBpm ?? '—'}</Table.Td>
                    <Table.Td>{r.spo2Pct ?? '—'}</Table.Td>
                    <Table.Td>{r.respRatePerMin ?? '—'}</Table.Td>
                    <Table.Td>{r.moaasScore ?? '—'}</Table.Td>
                    <Table.Td>{r.dissociation ? `${r.dissociation.score} (${r.dissociation.scale})` : '—'}</Table.Td>
                    <Table.Td>{r.nausea ?? '—'}</Table.Td>
                    <Table.Td>{r.symptoms === null ? '—' : r.symptoms.length === 0 ? 'none' : r.symptoms.map((s) => SYMPTOM_LABEL[s] ?? s).join(', ')}</Table.Td>
                    <Table.Td>{r.source === 'chart' ? (r.recordedBy ?? '') : r.source}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}

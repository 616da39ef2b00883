import { Button, Card, Group, NumberInput, Stack, Table, Text, TextInput, Title, Badge } from '@mantine/core';
import { ChoiceSelect } from './ChoiceSelect.tsx';
import { useState } from 'react';
import type { PumpEventCreate, SessionDetail } from '@glia/contracts';
import { usePrepareOrder, usePumpEvent } from '../../../api/infusion/infusion-mutations.ts';
import { useLots } from '../../../api/inventory/inventory-queries.ts';
import { useClinicTimeZone } from '../../../auth/session-context.ts';
import { ProblemAlert } from '../../../components/ProblemAlert/ProblemAlert.tsx';
import { formatInstantCompact } from '../../../lib/clinic-time.ts';

const EVENT_LABEL: Record<string, string> = {
  'begin-checks': 'Pre-checks begun', 'checks-passed': 'Checks passed', start: 'Pump started', pause: 'Paused', resume: 'Resumed', 'rate-change': 'Rate changed',
  stop: 'Stopped', 'ready-for-discharge': 'Ready for discharge', discharge: 'Discharged',
};

/** The order from the plan, the lot drawn, and the pump: start, pause, resume, rate change, stop. */
export function PumpSection({ session }: { session: SessionDetail }): React.JSX.Element {
  const timeZone = useClinicTimeZone();
  const lots = useLots();
  const prepare = usePrepareOrder(session.id);
  const pump = usePumpEvent(session.id);
  const [lotId, setLotId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [rate, setRate] = useState<number | ''>('');
  const [stopOutcome, setStopOutcome] = useState<string | null>('completed');
  const phase = session.phase;
  const running = phase === 'infusing' || phase === 'paused';
  const lotOptions = (lots.data ?? []).filter((l) => l.expiryStatus !== 'expired' && l.balanceMl > 0).map((l) => ({ value: l.id, label: `${l.lotNumber} · ${l.productName} · ${l.balanceMl.toFixed(2)} mL${l.suggested ? ' (use first)' : ''}` }));
  const send = (body: PumpEventCreate): void => pump.mutate(body, { onSuccess: () => setReason('') });
  const p = session.plannedOrder;
  const o = session.order;
  return (
    <Card withBorder component="section" aria-labelledby="pump-heading">
      <Title order={2} size="h3" id="pump-heading" mb="sm">Order and pump</Title>
      <Stack gap="sm">
        {!o && (p ? (
          <Text size="sm">Plan order: <Text span fw={600}>{p.doseMgPerKg} mg/kg over {p.durationMin} min</Text>{p.weightKg !== null ? ` × ${p.weightKg} kg = ${p.doseMg ?? '—'} mg` : ' (no current weight)'}</Text>
        ) : <Text size="sm" c="red">No active treatment plan with a signed IV order.</Text>)}
        {p?.findings.map((f) => <Text key={f.code} size="sm" c={f.severity === 'block' ? 'red' : 'orange'}>Rule {f.rule}: {f.message}</Text>)}
        {!o && p && (
          <form aria-label="Prepare dose" onSubmit={(e) => { e.preventDefault(); if (lotId) prepare.mutate({ lotId }); }}>
            <Group align="flex-end">
              <ChoiceSelect label="Ketamine lot" placeholder={lots.isPending ? 'Loading lots…' : 'Choose a lot'} data={lotOptions} value={lotId} onChange={setLotId} style={{ flex: 1 }} />
              <Button type="submit" disabled={!lotId} loading={prepare.isPending}>Prepare dose and draw</Button>
            </Group>
          </form>
        )}
        {prepare.isError && <ProblemAlert error={prepare.error} title="Dose not prepared" />}
        {o && (
          <Text size="sm" aria-label="Prepared dose">
            Dose <Text span fw={700}>{o.doseMg} mg</Text> ({o.doseMgPerKg} mg/kg × {o.weightKg} kg) = {o.volumeMl.toFixed(2)} mL of {o.concentrationMgPerMl} mg/mL, lot {o.lotNumber}; pump <Text span fw={700}>{o.rateMlPerH} mL/h</Text> over {o.durationMin} min
          </Text>
        )}
        {o?.findings.map((f) => <Text key={f.code} size="sm" c="orange">Rule {f.rule}: {f.message}</Text>)}
        {(phase === 'arrived' || phase === 'pre-checks' || phase === 'ready') && (
          <Group>
            <Button color="teal" size="md" disabled={!session.startGate.allowed} loading={pump.isPending} onClick={() => send({ type: 'start' })}>Start infusion</Button>
            {!session.startGate.allowed && <Text size="sm" c="dimmed">{session.startGate.findings.filter((f) => f.severity === 'block').map((f) => f.message).join(' ')}</Text>}
          </Group>
        )}
        {running && (
          <Stack gap="xs">
            <Group gap="lg">
              <Badge size="lg" color={phase === 'paused' ? 'orange' : 'blue'}>{phase === 'paused' ? 'Paused' : `Running ${session.pump.currentRateMlPerH} mL/h`}</Badge>
              <Text size="sm">Given so far <Text span fw={600}>{session.pump.givenMg.toFixed(1)} mg ({session.pump.givenMl.toFixed(2)} mL)</Text></Text>
            </Group>
            <TextInput label="Reason (pause, rate change, early stop)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <Group align="flex-end">
              {phase === 'infusing' && <Button color="orange" disabled={reason.trim() === ''} onClick={() => send({ type: 'pause', reason: reason.trim() })}>Pause</Button>}
              {phase === 'paused' && <Button onClick={() => send({ type: 'resume' })}>Resume</Button>}
              <NumberInput label="New rate (mL/h)" min={0.1} max={999} step={0.1} value={rate} onChange={(v) => setRate(typeof v === 'number' ? v : '')} w={150} />
              <Button variant="default" disabled={rate === '' || reason.trim() === ''} onClick={() => rate !== '' && send({ type: 'rate-change', rateMlPerH: rate, reason: reason.trim() })}>Change rate</Button>
              <ChoiceSelect label="Stop as" data={[{ value: 'completed', label: 'Completed' }, { value: 'stopped-early', label: 'Stopped early' }]} value={stopOutcome} onChange={setStopOutcome} w={160} />
              <Button color="red" disabled={stopOutcome === 'stopped-early' && reason.trim() === ''}
                onClick={() => send({ type: 'stop', outcome: stopOutcome === 'stopped-early' ? 'stopped-early' : 'completed', ...(reason.trim() ? { reason: reason.trim() } : {}) })}>Stop infusion</Button>
            </Group>
          </Stack>
        )}
        {session.infusionEndedAt && (
          <Text size="sm">Infusion {session.pump.endOutcome === 'stopped-early' ? 'stopped early' : 'completed'}{session.pump.endReason ? ` (${session.pump.endReason})` : ''}: given <Text span fw={700}>{session.pump.givenMg.toFixed(1)} mg ({session.pump.givenMl.toFixed(2)} mL)</Text>, running {session.pump.runningMin} min, paused {session.pump.pausedMin} min.</Text>
        )}
        {pump.isError && <ProblemAlert error={pump.error} title="Pump event not charted" />}
        {session.events.length > 0 && (
          <Table aria-label="Pump and session events" striped>
            <Table.Thead><Table.Tr><Table.Th>Time</Table.Th><Table.Th>Event</Table.Th><Table.Th>Details</Table.Th><Table.Th>By</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {session.events.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{formatInstantCompact(e.at, timeZone)}</Table.Td>
                  <Table.Td>{EVENT_LABEL[e.type] ?? e.type}</Table.Td>
                  <Table.Td>{[e.rateMlPerH !== null ? `${e.rateMlPerH} mL/h` : null, e.outcome, e.reason].filter(Boolean).join(' · ')}</Table.Td>
                  <Table.Td>{e.recordedBy ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}

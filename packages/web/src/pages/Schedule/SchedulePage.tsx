import { Alert, Badge, Button, Checkbox, Group, Modal, Paper, ScrollArea, Select, Stack, Table, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { Appointment, DaySchedule, SeriesProposal, TreatmentPlan } from '@glia/contracts';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useClinicSettings } from '../../api/clinic/clinic-queries.ts';
import { useActivePlans, useBookSeries, useDaySchedule, useMoveAppointment, useOutbox, useProposeSeries, useWeekSchedule } from '../../api/scheduling/scheduling-api.ts';
import { PageHeader } from '../../components/PageHeader/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert/ProblemAlert.tsx';
import { QueryErrorState } from '../../components/QueryErrorState/QueryErrorState.tsx';
import { formatInstant, nextCalendarDate, todayInZone, zonedWallTimeToInstant } from '../../lib/clinic-time.ts';

const PX_PER_MIN = 1.2;
const STEP_MIN = 15;

function minutesOfDay(iso: string, timeZone: string): number {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return Number(p.hour) * 60 + Number(p.minute);
}
const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const timeOf = (iso: string, timeZone: string): string => hhmm(minutesOfDay(iso, timeZone));
function previousDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}
const localDateOf = (iso: string, timeZone: string): string => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));

const STATUS_COLOR: Record<string, string> = { booked: 'blue', 'checked-in': 'teal', 'in-progress': 'green', completed: 'gray', cancelled: 'red', 'no-show': 'orange', 'late-cancel': 'orange' };

interface MoveTarget {
  appointment: Appointment;
  date: string;
  time: string;
  chairId: string | null;
}

/** Moving an appointment: the rule and resource check runs before saving (dry run), then the save. */
function MoveDialog({ target, chairs, timeZone, onClose }: { target: MoveTarget; chairs: DaySchedule['chairs']; timeZone: string; onClose: () => void }): React.JSX.Element {
  const [date, setDate] = useState(target.date);
  const [time, setTime] = useState(target.time);
  const [chairId, setChairId] = useState<string | null>(target.chairId);
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState<'one' | 'following'>('one');
  const [acknowledge, setAcknowledge] = useState(false);
  const check = useMoveAppointment();
  const save = useMoveAppointment();
  const startsAt = zonedWallTimeToInstant(date, time, timeZone);
  const body = { startsAt: startsAt ?? '', reason: reason.trim() || 'Rescheduled', version: target.appointment.version, scope, acknowledgeWarnings: acknowledge, ...(chairId ? { chairId } : {}) };
  const warnings = check.data?.findings.filter((f) => f.severity === 'warning') ?? [];
  return (
    <Modal opened onClose={onClose} title={`Move ${target.appointment.patientName}`}>
      <Stack>
        <Group grow>
          <TextInput type="date" label="Date" value={date} onChange={(e) => { setDate(e.currentTarget.value); check.reset(); }} required />
          <TextInput type="time" label="Start time" value={time} step={STEP_MIN * 60} onChange={(e) => { setTime(e.currentTarget.value); check.reset(); }} required />
        </Group>
        <Select label="Chair" data={chairs.filter((c) => c.inService).map((c) => ({ value: c.id, label: c.name }))} value={chairId} onChange={(v) => { setChairId(v); check.reset(); }} allowDeselect={false} />
        {target.appointment.seriesId && (
          <Select label="Which occurrences" data={[{ value: 'one', label: 'Only this one' }, { value: 'following', label: 'This and the following ones' }]} value={scope} onChange={(v) => { setScope(v === 'following' ? 'following' : 'one'); check.reset(); }} allowDeselect={false} />
        )}
        <Textarea label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} required minRows={2} error={reason.trim() === '' ? 'Say why the appointment moves' : undefined} />
        {check.error && <ProblemAlert error={check.error} title="This move is not allowed" />}
        {check.data && warnings.length === 0 && <Alert color="green" title="Rules and resources checked">The chair, a nurse and a prescriber are free, and the spacing rules allow it.</Alert>}
        {warnings.length > 0 && (
          <Alert color="yellow" title="Spacing warning">
            {warnings.map((w) => <Text size="sm" key={w.code}>{w.message}</Text>)}
            <Checkbox mt="xs" label="I acknowledge the warning" checked={acknowledge} onChange={(e) => setAcknowledge(e.currentTarget.checked)} />
          </Alert>
        )}
        {save.error && <ProblemAlert error={save.error} title="The move was not saved" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Close</Button>
          <Button variant="light" disabled={!startsAt} loading={check.isPending} onClick={() => check.mutate({ id: target.appointment.id, body: { ...body, dryRun: true } })}>Check rules</Button>
          <Button disabled={!check.data || reason.trim() === '' || (warnings.length > 0 && !acknowledge)} loading={save.isPending}
            onClick={() => save.mutate({ id: target.appointment.id, body }, { onSuccess: onClose })}>Save move</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DayView({ date, timeZone }: { date: string; timeZone: string }): React.JSX.Element {
  const day = useDaySchedule(date);
  const [move, setMove] = useState<MoveTarget | null>(null);
  if (day.isError) return <QueryErrorState error={day.error} what="the day" onRetry={() => void day.refetch()} />;
  if (!day.data) return <Text c="dimmed">Loading the day…</Text>;
  const d = day.data;
  const open = d.opensAt ? Number(d.opensAt.slice(0, 2)) * 60 + Number(d.opensAt.slice(3)) : 7 * 60;
  const close = d.closesAt ? Number(d.closesAt.slice(0, 2)) * 60 + Number(d.closesAt.slice(3)) : 19 * 60;
  const active = d.appointments.filter((a) => !['cancelled', 'no-show', 'late-cancel'].includes(a.status));
  const onDrop = (chairId: string, e: React.DragEvent<HTMLDivElement>): void => {
    const id = e.dataTransfer.getData('text/plain');
    const appointment = active.find((a) => a.id === id);
    if (!appointment) return;
    const y = e.clientY - e.currentTarget.getBoundingClientRect().top;
    const minutes = Math.max(open, Math.min(close - STEP_MIN, open + Math.round(y / PX_PER_MIN / STEP_MIN) * STEP_MIN));
    setMove({ appointment, date, time: hhmm(minutes), chairId });
  };
  return (
    <Stack>
      {d.closedReason && <Alert color="gray" title="Closed">{d.closedReason}</Alert>}
      <Text size="sm" c="dimmed">
        Staff on duty: {d.staff.length === 0 ? 'none' : d.staff.map((s) => `${s.name} (${s.role})`).join(', ')}. Drag an appointment to another chair or time, or use its Move button; the rules are checked before anything is saved.
      </Text>
      <ScrollArea>
        <Group align="flex-start" wrap="nowrap" gap={4} role="grid" aria-label={`Chairs on ${date}`}>
          <div style={{ width: 48, position: 'relative', height: (close - open) * PX_PER_MIN + 24 }} aria-hidden>
            {Array.from({ length: Math.ceil((close - open) / 60) }, (_, i) => (
              <Text key={i} size="xs" c="dimmed" style={{ position: 'absolute', top: 24 + i * 60 * PX_PER_MIN }}>{hhmm(open + i * 60)}</Text>
            ))}
          </div>
          {d.chairs.map((chair) => (
            <div key={chair.id} role="row" aria-label={chair.name} style={{ minWidth: 150, flex: 1 }}>
              <Text fw={600} size="sm" ta="center" role="columnheader">{chair.name}{chair.inService ? '' : ' (out of service)'}</Text>
              <div onDragOver={(e) => e.preventDefault()} onDrop={(e) => onDrop(chair.id, e)} data-chair={chair.id}
                style={{ position: 'relative', height: (close - open) * PX_PER_MIN, background: 'var(--mantine-color-gray-0)', borderRadius: 4 }}>
                {active.filter((a) => a.chairId === chair.id).map((a) => {
                  const top = (minutesOfDay(a.startsAt, timeZone) - open) * PX_PER_MIN;
                  const height = (Date.parse(a.endsAt) - Date.parse(a.startsAt)) / 60_000 * PX_PER_MIN;
                  return (
                    <Paper key={a.id} role="gridcell" aria-label={`${a.patientName} ${timeOf(a.startsAt, timeZone)}`} withBorder shadow="xs" p={4} draggable
                      onDragStart={(e) => e.dataTransfer.setData('text/plain', a.id)}
                      style={{ position: 'absolute', top, left: 2, right: 2, height, overflow: 'hidden', cursor: 'grab', background: 'var(--mantine-color-blue-0)' }}>
                      <Text size="xs" fw={600}>{timeOf(a.startsAt, timeZone)}–{timeOf(a.endsAt, timeZone)} {a.patientName}</Text>
                      <Text size="xs">{a.appointmentType}{a.occurrenceNumber ? ` ${a.occurrenceNumber}` : ''} · {a.nurseName ?? 'no nurse'}</Text>
                      <Button size="compact-xs" variant="subtle" onClick={() => setMove({ appointment: a, date, time: timeOf(a.startsAt, timeZone), chairId: a.chairId })}
                        aria-label={`Move ${a.patientName} at ${timeOf(a.startsAt, timeZone)}`}>Move</Button>
                    </Paper>
                  );
                })}
              </div>
            </div>
          ))}
        </Group>
      </ScrollArea>
      <Title order={2} size="h4">Day list {date}</Title>
      <Table aria-label="Day list" striped>
        <Table.Thead><Table.Tr><Table.Th>Time</Table.Th><Table.Th>Chair</Table.Th><Table.Th>Patient</Table.Th><Table.Th>MRN</Table.Th><Table.Th>Type</Table.Th><Table.Th>Nurse</Table.Th><Table.Th>Status</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {d.appointments.length === 0 && <Table.Tr><Table.Td colSpan={7}><Text c="dimmed" size="sm">No appointments on this day.</Text></Table.Td></Table.Tr>}
          {d.appointments.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{timeOf(a.startsAt, timeZone)}–{timeOf(a.endsAt, timeZone)}</Table.Td>
              <Table.Td>{a.chairName ?? '—'}</Table.Td>
              <Table.Td>{a.patientName}</Table.Td>
              <Table.Td>{a.mrn}</Table.Td>
              <Table.Td>{a.appointmentType}{a.occurrenceNumber ? ` ${a.occurrenceNumber}` : ''}</Table.Td>
              <Table.Td>{a.nurseName ?? '—'}</Table.Td>
              <Table.Td><Badge color={STATUS_COLOR[a.status] ?? 'gray'} variant="light">{a.status}</Badge></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {move && <MoveDialog target={move} chairs={d.chairs} timeZone={timeZone} onClose={() => setMove(null)} />}
    </Stack>
  );
}

function WeekView({ start, timeZone }: { start: string; timeZone: string }): React.JSX.Element {
  const week = useWeekSchedule(start);
  if (week.isError) return <QueryErrorState error={week.error} what="the week" onRetry={() => void week.refetch()} />;
  if (!week.data) return <Text c="dimmed">Loading the week…</Text>;
  return (
    <ScrollArea>
      <Group align="flex-start" wrap="nowrap">
        {week.data.days.map((d) => (
          <Paper key={d.date} withBorder p="xs" miw={150} style={{ flex: 1 }}>
            <Text fw={600} size="sm">{new Date(`${d.date}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' })}</Text>
            {d.closedReason && <Text size="xs" c="dimmed">Closed</Text>}
            {d.appointments.length === 0 && !d.closedReason && <Text size="xs" c="dimmed">No bookings</Text>}
            {d.appointments.map((a) => <Text size="xs" key={a.id}>{timeOf(a.startsAt, timeZone)} {a.chairName} · {a.patientName}</Text>)}
          </Paper>
        ))}
      </Group>
    </ScrollArea>
  );
}

/** The patient's series: every occurrence with its status, and the review points (rules 16-17). */
function SeriesTimeline({ plan, timeZone }: { plan: TreatmentPlan; timeZone: string }): React.JSX.Element {
  const items = [
    ...plan.appointments.map((a) => ({ at: a.startsAt, label: `${a.appointmentType} ${a.occurrenceNumber ?? ''} · ${a.chairName ?? ''}`, status: a.status })),
    ...(plan.responseReviewDue ? [{ at: plan.responseReviewDue, label: 'Response review due (rule 16)', status: 'review' }] : []),
    ...(plan.maintenanceReviewDue ? [{ at: plan.maintenanceReviewDue, label: 'Maintenance review due (rule 17)', status: 'review' }] : []),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  if (items.length === 0) return <Text size="sm" c="dimmed">Nothing booked yet.</Text>;
  return (
    <Stack gap={2} aria-label={`Series timeline of ${plan.patientName}`} role="list">
      {items.map((i) => (
        <Group key={`${i.at}${i.label}`} gap="xs" role="listitem">
          <Text size="sm" w={220}>{formatInstant(i.at, timeZone)}</Text>
          <Text size="sm">{i.label}</Text>
          <Badge size="sm" variant="light" color={i.status === 'review' ? 'grape' : (STATUS_COLOR[i.status] ?? 'gray')}>{i.status}</Badge>
        </Group>
      ))}
    </Stack>
  );
}

function PlanCard({ plan, timeZone, onBooked }: { plan: TreatmentPlan; timeZone: string; onBooked: (date: string) => void }): React.JSX.Element {
  const propose = useProposeSeries(plan.id);
  const book = useBookSeries(plan.id);
  const [proposal, setProposal] = useState<SeriesProposal | null>(null);
  const booked = plan.appointments.filter((a) => ['booked', 'checked-in', 'in-progress', 'completed'].includes(a.status)).length;
  const remaining = plan.infusionsPlanned - booked;
  return (
    <Paper withBorder p="md" aria-label={`Plan of ${plan.patientName}`} role="region">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={3} size="h5">{plan.patientName} <Text span c="dimmed" size="sm">{plan.mrn}</Text></Title>
          <Text size="sm">{plan.protocolName} · {plan.indication} · {plan.currentOrder?.doseMgPerKg ? `${plan.currentOrder.doseMgPerKg} mg/kg (order v${plan.currentOrder.version})` : plan.currentOrder?.esketamineDoseMg ? `${plan.currentOrder.esketamineDoseMg} mg` : 'no order'}</Text>
          <Text size="sm" c="dimmed">{booked} of {plan.infusionsPlanned} sessions booked</Text>
        </Stack>
        {remaining > 0 && <Button variant="light" loading={propose.isPending} onClick={() => propose.mutate({}, { onSuccess: setProposal })}>Propose {remaining} sessions</Button>}
      </Group>
      {propose.error && <ProblemAlert error={propose.error} title="No series could be proposed" />}
      {proposal && (
        <Stack mt="sm">
          <Table aria-label={`Proposed series for ${plan.patientName}`}>
            <Table.Thead><Table.Tr><Table.Th>#</Table.Th><Table.Th>When</Table.Th><Table.Th>Chair</Table.Th><Table.Th>Nurse</Table.Th><Table.Th>Prescriber on site</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {proposal.occurrences.map((o) => (
                <Table.Tr key={o.occurrenceNumber}>
                  <Table.Td>{o.occurrenceNumber}</Table.Td><Table.Td>{formatInstant(o.startsAt, timeZone)}</Table.Td><Table.Td>{o.chairName}</Table.Td><Table.Td>{o.nurseName}</Table.Td><Table.Td>{o.prescriberName}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {proposal.responseReviewDue && <Text size="sm">Response review due {formatInstant(proposal.responseReviewDue, timeZone)} (rule 16).</Text>}
          {book.error && <ProblemAlert error={book.error} title="The series was not booked" />}
          <Group>
            <Button loading={book.isPending} onClick={() => book.mutate({ occurrences: proposal.occurrences.map((o) => ({ startsAt: o.startsAt, ...(o.chairId ? { chairId: o.chairId } : {}) })) }, {
              onSuccess: (r) => { setProposal(null); const first = r.appointments[0]; if (first) onBooked(localDateOf(first.startsAt, timeZone)); },
            })}>Book all {proposal.occurrences.length}</Button>
            <Button variant="default" onClick={() => setProposal(null)}>Discard</Button>
          </Group>
        </Stack>
      )}
      <Stack mt="sm" gap={4}>
        <Text size="sm" fw={600}>Series timeline</Text>
        <SeriesTimeline plan={plan} timeZone={timeZone} />
      </Stack>
    </Paper>
  );
}

function PlansView({ timeZone, onBooked }: { timeZone: string; onBooked: (date: string) => void }): React.JSX.Element {
  const plans = useActivePlans();
  if (plans.isError) return <QueryErrorState error={plans.error} what="treatment plans" onRetry={() => void plans.refetch()} />;
  if (!plans.data) return <Text c="dimmed">Loading plans…</Text>;
  if (plans.data.length === 0) return <Text c="dimmed">No active treatment plan. A prescriber signs a plan for an eligible, consented patient first.</Text>;
  return <Stack>{plans.data.map((p) => <PlanCard key={p.id} plan={p} timeZone={timeZone} onBooked={onBooked} />)}</Stack>;
}

function OutboxView({ timeZone }: { timeZone: string }): React.JSX.Element {
  const outbox = useOutbox();
  if (outbox.isError) return <QueryErrorState error={outbox.error} what="the outbox" onRetry={() => void outbox.refetch()} />;
  if (!outbox.data) return <Text c="dimmed">Loading the outbox…</Text>;
  return (
    <Table aria-label="Reminder outbox" striped>
      <Table.Thead><Table.Tr><Table.Th>Send after</Table.Th><Table.Th>Patient</Table.Th><Table.Th>Channel</Table.Th><Table.Th>To</Table.Th><Table.Th>Subject</Table.Th><Table.Th>Status</Table.Th></Table.Tr></Table.Thead>
      <Table.Tbody>
        {outbox.data.length === 0 && <Table.Tr><Table.Td colSpan={6}><Text size="sm" c="dimmed">No reminders queued.</Text></Table.Td></Table.Tr>}
        {outbox.data.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td>{formatInstant(m.sendAfter, timeZone)}</Table.Td><Table.Td>{m.patientName}</Table.Td><Table.Td>{m.channel}</Table.Td><Table.Td>{m.recipient}</Table.Td><Table.Td title={m.body}>{m.subject}</Table.Td>
            <Table.Td><Badge variant="light">{m.status}</Badge></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Schedule: chairs by day (drag to move), the week, treatment plans with whole-series booking, and the reminder outbox. */
export function SchedulePage(): React.JSX.Element {
  const clinic = useClinicSettings();
  const [params, setParams] = useSearchParams();
  const timeZone = clinic.data?.timeZone ?? 'UTC';
  const date = params.get('date') ?? todayInZone(timeZone);
  const tab = params.get('view') ?? 'day';
  const set = (next: Record<string, string>): void => setParams({ date, view: tab, ...next });
  if (clinic.isError) return <QueryErrorState error={clinic.error} what="clinic settings" onRetry={() => void clinic.refetch()} />;
  if (!clinic.data) return <Text c="dimmed">Loading…</Text>;
  return (
    <Stack>
      <PageHeader title="Schedule" description={`Times in ${timeZone}.`} actions={
        <Group>
          <Button variant="default" onClick={() => set({ date: previousDate(date) })} aria-label="Previous day">‹</Button>
          <TextInput type="date" aria-label="Day" value={date} onChange={(e) => e.currentTarget.value && set({ date: e.currentTarget.value })} />
          <Button variant="default" onClick={() => set({ date: nextCalendarDate(date) ?? date })} aria-label="Next day">›</Button>
          <Button variant="default" leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>Print day list</Button>
        </Group>
      } />
      <Tabs value={tab} onChange={(v) => set({ view: v ?? 'day' })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="day">Day by chair</Tabs.Tab>
          <Tabs.Tab value="week">Week</Tabs.Tab>
          <Tabs.Tab value="plans">Treatment plans</Tabs.Tab>
          <Tabs.Tab value="outbox">Reminder outbox</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="day" pt="md"><DayView date={date} timeZone={timeZone} /></Tabs.Panel>
        <Tabs.Panel value="week" pt="md"><WeekView start={date} timeZone={timeZone} /></Tabs.Panel>
        <Tabs.Panel value="plans" pt="md"><PlansView timeZone={timeZone} onBooked={(d) => setParams({ date: d, view: 'day' })} /></Tabs.Panel>
        <Tabs.Panel value="outbox" pt="md"><OutboxView timeZone={timeZone} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
